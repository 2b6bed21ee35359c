package org.netdicom.core.pdu;

import java.util.List;

/**
 * User Information item (item type 0x50, PS3.8 9.3.2.3 and Annex D, PS3.7 Annex D.3.3) of an
 * A-ASSOCIATE-RQ or -AC. Absent single sub-items are {@code null}; repeated ones are lists, empty
 * when absent.
 *
 * @param maxLength Maximum Length sub-item (0x51): the largest P-DATA-TF variable field the
 *                  sender will receive; 0 means no limit. It is mandatory (PS3.8 D.1), so it is
 *                  always encoded and a User Information item without it fails to decode
 * @param implementationClassUid sub-item 0x52, or null
 * @param implementationVersionName sub-item 0x55, or null
 * @param asyncOperationsWindow sub-item 0x53, or null
 * @param roleSelections sub-items 0x54
 * @param sopClassExtended sub-items 0x56
 * @param sopClassCommonExtended sub-items 0x57
 * @param userIdentityRq sub-item 0x58 (sent in a request), or null
 * @param userIdentityAc sub-item 0x59 (sent in an accept), or null
 * @param unknownItems sub-items of any other type, kept as received and encoded after the known
 *                     ones (PS3.8 D.2: unrecognised sub-items are ignored, not rejected)
 */
public record UserInformation(long maxLength, String implementationClassUid, String implementationVersionName,
        AsyncOperationsWindow asyncOperationsWindow, List<RoleSelection> roleSelections,
        List<SopClassExtendedNegotiation> sopClassExtended,
        List<SopClassCommonExtendedNegotiation> sopClassCommonExtended, UserIdentityRq userIdentityRq,
        UserIdentityAc userIdentityAc, List<UnknownItem> unknownItems) {

    /** Maximum Length value meaning "no limit" (PS3.8 D.1). */
    public static final long UNLIMITED = 0;

    public UserInformation {
        FieldChecks.u32("maxLength", maxLength);
        roleSelections = List.copyOf(roleSelections);
        sopClassExtended = List.copyOf(sopClassExtended);
        sopClassCommonExtended = List.copyOf(sopClassCommonExtended);
        unknownItems = List.copyOf(unknownItems);
    }

    /** The common case: Maximum Length, Implementation Class UID and Implementation Version Name. */
    public static UserInformation of(long maxLength, String implementationClassUid,
            String implementationVersionName) {
        return new UserInformation(maxLength, implementationClassUid, implementationVersionName, null,
                List.of(), List.of(), List.of(), null, null, List.of());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("UserInformation[maxLength=").append(maxLength);
        append(sb, "implementationClassUid", implementationClassUid);
        append(sb, "implementationVersionName", implementationVersionName);
        append(sb, "asyncOperationsWindow", asyncOperationsWindow);
        append(sb, "roleSelections", roleSelections);
        append(sb, "sopClassExtended", sopClassExtended);
        append(sb, "sopClassCommonExtended", sopClassCommonExtended);
        append(sb, "userIdentityRq", userIdentityRq);
        append(sb, "userIdentityAc", userIdentityAc);
        append(sb, "unknownItems", unknownItems);
        return sb.append(']').toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            sb.append(", ").append(name).append('=').append(value);
        }
    }
}
