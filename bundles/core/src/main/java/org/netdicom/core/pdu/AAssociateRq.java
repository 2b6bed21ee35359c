package org.netdicom.core.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A-ASSOCIATE-RQ PDU (PS3.8 9.3.2). AE titles are held without their insignificant leading and
 * trailing spaces; the encoder pads them to 16 bytes.
 *
 * @param protocolVersion the 16-bit Protocol-version field; bit 0 set means version 1 (see
 *                        {@link #supportsVersion1()}); the DUL decides what to do otherwise
 * @param calledAeTitle at most 16 characters
 * @param callingAeTitle at most 16 characters
 * @param applicationContextName a UID, normally {@link #DICOM_APPLICATION_CONTEXT}
 * @param presentationContexts proposed contexts, in the order they are sent
 * @param userInformation the User Information item, never null
 */
public record AAssociateRq(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContextName, List<PresentationContextRq> presentationContexts,
        UserInformation userInformation) implements Pdu {

    /** Protocol-version value this implementation sends: bit 0 = version 1 (PS3.8 9.3.2). */
    public static final int PROTOCOL_VERSION_1 = 0x0001;

    /** The DICOM Application Context Name (PS3.7 Annex A.2.1). */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    public AAssociateRq {
        FieldChecks.u16("protocolVersion", protocolVersion);
        FieldChecks.aeTitle("calledAeTitle", calledAeTitle);
        FieldChecks.aeTitle("callingAeTitle", callingAeTitle);
        Objects.requireNonNull(applicationContextName, "applicationContextName");
        presentationContexts = List.copyOf(presentationContexts);
        Objects.requireNonNull(userInformation, "userInformation");
    }

    /** A request with protocol version 1 and the DICOM application context. */
    public AAssociateRq(String calledAeTitle, String callingAeTitle,
            List<PresentationContextRq> presentationContexts, UserInformation userInformation) {
        this(PROTOCOL_VERSION_1, calledAeTitle, callingAeTitle, DICOM_APPLICATION_CONTEXT,
                presentationContexts, userInformation);
    }

    /** Whether bit 0 of the Protocol-version field (version 1) is set; PS3.8 9.3.2. */
    public boolean supportsVersion1() {
        return (protocolVersion & PROTOCOL_VERSION_1) != 0;
    }

    @Override
    public int type() {
        return A_ASSOCIATE_RQ;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-RQ[version=" + protocolVersion + ", called=\"" + calledAeTitle
                + "\", calling=\"" + callingAeTitle + "\", applicationContext=" + applicationContextName
                + ", presentationContexts=" + presentationContexts + ", " + userInformation + ']';
    }
}
