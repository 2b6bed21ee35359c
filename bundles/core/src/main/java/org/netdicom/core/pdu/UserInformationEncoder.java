package org.netdicom.core.pdu;

/**
 * Writes the User Information item (0x50) and its sub-items (PS3.8 Annex D, PS3.7 D.3.3) in
 * increasing item-type order (PS3.8 9.3.1). Unknown sub-items, whose place in that order we
 * cannot know for sure, go last in the order they were given.
 */
final class UserInformationEncoder {

    private UserInformationEncoder() {
    }

    static void write(EncodeBuffer out, UserInformation ui) {
        int mark = out.beginItem(ItemType.USER_INFORMATION);

        int sub = out.beginItem(ItemType.MAXIMUM_LENGTH);
        out.u32(ui.maxLength());
        out.endItem(sub, "maximum length");

        if (ui.implementationClassUid() != null) {
            PduEncoder.textItem(out, ItemType.IMPLEMENTATION_CLASS_UID, ui.implementationClassUid(),
                    "implementation class UID");
        }
        AsyncOperationsWindow window = ui.asyncOperationsWindow();
        if (window != null) {
            sub = out.beginItem(ItemType.ASYNC_OPERATIONS_WINDOW);
            out.u16(window.maxOperationsInvoked());
            out.u16(window.maxOperationsPerformed());
            out.endItem(sub, "asynchronous operations window");
        }
        for (RoleSelection role : ui.roleSelections()) {
            sub = out.beginItem(ItemType.ROLE_SELECTION);
            out.lengthPrefixed(role.sopClassUid(), "role selection SOP class UID");
            out.u8(role.scuRole() ? 1 : 0);
            out.u8(role.scpRole() ? 1 : 0);
            out.endItem(sub, "role selection");
        }
        if (ui.implementationVersionName() != null) {
            PduEncoder.textItem(out, ItemType.IMPLEMENTATION_VERSION_NAME, ui.implementationVersionName(),
                    "implementation version name");
        }
        for (SopClassExtendedNegotiation ext : ui.sopClassExtended()) {
            sub = out.beginItem(ItemType.SOP_CLASS_EXTENDED);
            out.lengthPrefixed(ext.sopClassUid(), "extended negotiation SOP class UID");
            out.bytes(ext.applicationInformation());
            out.endItem(sub, "SOP class extended negotiation");
        }
        for (SopClassCommonExtendedNegotiation common : ui.sopClassCommonExtended()) {
            sub = out.beginItem(ItemType.SOP_CLASS_COMMON_EXTENDED, SopClassCommonExtendedNegotiation.SUB_ITEM_VERSION);
            out.lengthPrefixed(common.sopClassUid(), "common extended negotiation SOP class UID");
            out.lengthPrefixed(common.serviceClassUid(), "service class UID");
            int related = out.position();
            out.u16(0);
            for (String uid : common.relatedGeneralSopClassUids()) {
                out.lengthPrefixed(uid, "related general SOP class UID");
            }
            out.endItem(related, "related general SOP class identification");
            out.endItem(sub, "SOP class common extended negotiation");
        }
        UserIdentityRq identity = ui.userIdentityRq();
        if (identity != null) {
            sub = out.beginItem(ItemType.USER_IDENTITY_RQ);
            out.u8(identity.type());
            out.u8(identity.positiveResponseRequested() ? 1 : 0);
            out.lengthPrefixed(identity.primaryField(), "user identity primary field");
            out.lengthPrefixed(identity.secondaryField(), "user identity secondary field");
            out.endItem(sub, "user identity");
        }
        if (ui.userIdentityAc() != null) {
            sub = out.beginItem(ItemType.USER_IDENTITY_AC);
            out.lengthPrefixed(ui.userIdentityAc().serverResponse(), "user identity server response");
            out.endItem(sub, "user identity response");
        }
        for (UnknownItem unknown : ui.unknownItems()) {
            sub = out.beginItem(unknown.type());
            out.bytes(unknown.value());
            out.endItem(sub, "user information sub-item " + Hex.byteValue(unknown.type()));
        }
        out.endItem(mark, "user information item");
    }
}
