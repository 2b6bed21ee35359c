package org.netdicom.core.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A-ASSOCIATE-AC PDU (PS3.8 9.3.3). The called and calling AE title fields are reserved in this
 * PDU: they are sent with the values received in the A-ASSOCIATE-RQ and not tested on receipt.
 *
 * @param protocolVersion the 16-bit Protocol-version field (bit 0 = version 1)
 * @param calledAeTitle echoed from the request; at most 16 characters
 * @param callingAeTitle echoed from the request; at most 16 characters
 * @param applicationContextName a UID, normally {@link AAssociateRq#DICOM_APPLICATION_CONTEXT}
 * @param presentationContexts one result per proposed context
 * @param userInformation the User Information item, never null
 */
public record AAssociateAc(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContextName, List<PresentationContextAc> presentationContexts,
        UserInformation userInformation) implements Pdu {

    public AAssociateAc {
        FieldChecks.u16("protocolVersion", protocolVersion);
        FieldChecks.aeTitle("calledAeTitle", calledAeTitle);
        FieldChecks.aeTitle("callingAeTitle", callingAeTitle);
        Objects.requireNonNull(applicationContextName, "applicationContextName");
        presentationContexts = List.copyOf(presentationContexts);
        Objects.requireNonNull(userInformation, "userInformation");
    }

    /** Whether bit 0 of the Protocol-version field (version 1) is set; PS3.8 9.3.3. */
    public boolean supportsVersion1() {
        return (protocolVersion & AAssociateRq.PROTOCOL_VERSION_1) != 0;
    }

    @Override
    public int type() {
        return A_ASSOCIATE_AC;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-AC[version=" + protocolVersion + ", called=\"" + calledAeTitle
                + "\", calling=\"" + callingAeTitle + "\", applicationContext=" + applicationContextName
                + ", presentationContexts=" + presentationContexts + ", " + userInformation + ']';
    }
}
