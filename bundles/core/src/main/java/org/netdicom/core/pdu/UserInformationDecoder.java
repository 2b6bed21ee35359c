package org.netdicom.core.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sub-items of a User Information item (PS3.8 Annex D, PS3.7 D.3.3). Sub-items of
 * unknown type are kept as {@link UnknownItem} (PS3.8 D.2 note 2: acceptors ignore them and do
 * not reject the association). A single-instance sub-item that appears twice is an error, as is
 * a missing Maximum Length sub-item, which PS3.8 D.1 makes mandatory.
 */
final class UserInformationDecoder {

    private UserInformationDecoder() {
    }

    static UserInformation read(BodyCursor item, long itemOffset) throws PduFormatException {
        long maxLength = -1;
        String implementationClassUid = null;
        String implementationVersionName = null;
        AsyncOperationsWindow window = null;
        List<RoleSelection> roles = new ArrayList<>();
        List<SopClassExtendedNegotiation> extended = new ArrayList<>();
        List<SopClassCommonExtendedNegotiation> commonExtended = new ArrayList<>();
        UserIdentityRq identityRq = null;
        UserIdentityAc identityAc = null;
        List<UnknownItem> unknown = new ArrayList<>();

        while (item.hasRemaining()) {
            // The byte after the type is the Sub-Item-version for 0x57; any version is read as version 0.
            BodyCursor.Item next = item.nextItem("user information sub-item");
            int type = next.type();
            long subOffset = next.offset();
            BodyCursor sub = next.value();
            int length = sub.remaining();
            switch (type) {
                case ItemType.MAXIMUM_LENGTH:
                    once(maxLength >= 0, "Maximum Length", subOffset);
                    requireLength(length, 4, "Maximum Length", subOffset);
                    maxLength = sub.u32("Maximum-length-received");
                    break;
                case ItemType.IMPLEMENTATION_CLASS_UID:
                    once(implementationClassUid != null, "Implementation Class UID", subOffset);
                    implementationClassUid = sub.restAsText("Implementation-class-uid");
                    break;
                case ItemType.ASYNC_OPERATIONS_WINDOW:
                    once(window != null, "Asynchronous Operations Window", subOffset);
                    requireLength(length, 4, "Asynchronous Operations Window", subOffset);
                    window = new AsyncOperationsWindow(sub.u16("Maximum-number-operations-invoked"),
                            sub.u16("Maximum-number-operations-performed"));
                    break;
                case ItemType.ROLE_SELECTION:
                    String sopClass = sub.text(sub.u16("UID-length"), "SOP-class-uid");
                    roles.add(new RoleSelection(sopClass, sub.u8("SCU-role") != 0, sub.u8("SCP-role") != 0));
                    sub.requireEnd("SCP/SCU Role Selection sub-item");
                    break;
                case ItemType.IMPLEMENTATION_VERSION_NAME:
                    once(implementationVersionName != null, "Implementation Version Name", subOffset);
                    implementationVersionName = sub.restAsText("Implementation-version-name");
                    break;
                case ItemType.SOP_CLASS_EXTENDED:
                    String extendedClass = sub.text(sub.u16("SOP-class-uid-length"), "SOP-class-uid");
                    extended.add(new SopClassExtendedNegotiation(extendedClass, sub.rest()));
                    break;
                case ItemType.SOP_CLASS_COMMON_EXTENDED:
                    commonExtended.add(commonExtended(sub));
                    break;
                case ItemType.USER_IDENTITY_RQ:
                    once(identityRq != null, "User Identity", subOffset);
                    int identityType = sub.u8("User-Identity-Type");
                    boolean positiveResponse = sub.u8("Positive-response-requested") != 0;
                    byte[] primary = sub.bytes(sub.u16("Primary-field-length"), "Primary-field");
                    byte[] secondary = sub.bytes(sub.u16("Secondary-field-length"), "Secondary-field");
                    sub.requireEnd("User Identity sub-item");
                    identityRq = new UserIdentityRq(identityType, positiveResponse, primary, secondary);
                    break;
                case ItemType.USER_IDENTITY_AC:
                    once(identityAc != null, "User Identity response", subOffset);
                    identityAc = new UserIdentityAc(sub.bytes(sub.u16("Server-response-length"), "Server-response"));
                    sub.requireEnd("User Identity response sub-item");
                    break;
                default:
                    unknown.add(new UnknownItem(type, sub.rest()));
            }
        }
        if (maxLength < 0) {
            throw new PduFormatException("User Information item has no Maximum Length sub-item (PS3.8 D.1)",
                    itemOffset);
        }
        return new UserInformation(maxLength, implementationClassUid, implementationVersionName, window, roles,
                extended, commonExtended, identityRq, identityAc, unknown);
    }

    /**
     * PS3.7 D.3.3.6, version 0 fields. Bytes after the Related General SOP Class Identification are
     * skipped: that is where a later Sub-Item-version would put its fields.
     */
    private static SopClassCommonExtendedNegotiation commonExtended(BodyCursor sub) throws PduFormatException {
        String sopClass = sub.text(sub.u16("SOP-class-uid-length"), "SOP-class-uid");
        String serviceClass = sub.text(sub.u16("Service-class-uid-length"), "Service-class-uid");
        int relatedLength = sub.u16("Related-general-sop-class-identification-length");
        BodyCursor related = sub.slice(relatedLength, "Related-general-sop-class-identification");
        List<String> relatedUids = new ArrayList<>(2);
        while (related.hasRemaining()) {
            relatedUids.add(related.text(related.u16("Related-general-sop-class-uid-length"),
                    "Related-general-sop-class-uid"));
        }
        return new SopClassCommonExtendedNegotiation(sopClass, serviceClass, relatedUids);
    }

    private static void once(boolean seen, String what, long offset) throws PduFormatException {
        if (seen) {
            throw new PduFormatException("User Information item has a second " + what + " sub-item", offset);
        }
    }

    private static void requireLength(int length, int expected, String what, long offset) throws PduFormatException {
        if (length != expected) {
            throw new PduFormatException(what + " sub-item-length must be " + expected + ", was " + length, offset);
        }
    }
}
