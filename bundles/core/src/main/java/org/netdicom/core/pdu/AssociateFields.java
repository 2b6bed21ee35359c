package org.netdicom.core.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of an A-ASSOCIATE-RQ or -AC (PS3.8 9.3.2, 9.3.3), which share their layout:
 * fixed fields, then one Application Context item, Presentation Context items (0x20 in a
 * request, 0x21 in an accept) and one User Information item.
 */
final class AssociateFields {

    int protocolVersion;
    String calledAeTitle;
    String callingAeTitle;
    String applicationContext;
    final List<PresentationContextRq> requestedContexts = new ArrayList<>();
    final List<PresentationContextAc> acceptedContexts = new ArrayList<>();
    UserInformation userInformation;

    private AssociateFields() {
    }

    static AssociateFields read(BodyCursor c, int pduType) throws PduFormatException {
        AssociateFields f = new AssociateFields();
        String pdu = Pdu.typeName(pduType);
        if (c.remaining() < PduDecoder.ASSOCIATE_FIXED_LENGTH) {
            throw c.error(pdu + " PDU-length " + c.remaining() + " is shorter than its fixed fields ("
                    + PduDecoder.ASSOCIATE_FIXED_LENGTH + " bytes)");
        }
        f.protocolVersion = c.u16("Protocol-version");
        c.skip(2, "reserved");
        // In an A-ASSOCIATE-AC these two are reserved fields echoing the request, not tested (PS3.8 9.3.3).
        f.calledAeTitle = c.aeTitle("Called-AE-title");
        f.callingAeTitle = c.aeTitle("Calling-AE-title");
        c.skip(32, "reserved");

        while (c.hasRemaining()) {
            BodyCursor.Item next = c.nextItem("item");
            int itemType = next.type();
            long itemOffset = next.offset();
            BodyCursor item = next.value();
            if (itemType == ItemType.APPLICATION_CONTEXT) {
                if (f.applicationContext != null) {
                    throw new PduFormatException(pdu + " has a second Application Context item", itemOffset);
                }
                f.applicationContext = item.restAsText("Application-context-name");
            } else if (itemType == ItemType.PRESENTATION_CONTEXT_RQ && pduType == Pdu.A_ASSOCIATE_RQ) {
                f.requestedContexts.add(requestedContext(item, itemOffset));
            } else if (itemType == ItemType.PRESENTATION_CONTEXT_AC && pduType == Pdu.A_ASSOCIATE_AC) {
                f.acceptedContexts.add(acceptedContext(item, itemOffset));
            } else if (itemType == ItemType.USER_INFORMATION) {
                if (f.userInformation != null) {
                    throw new PduFormatException(pdu + " has a second User Information item", itemOffset);
                }
                f.userInformation = UserInformationDecoder.read(item, itemOffset);
            }
            // PS3.8 9.3.1: "Items of unrecognized types shall be ignored and skipped." An item type
            // that belongs to the other A-ASSOCIATE PDU is unrecognized here and skipped as well.
        }
        if (f.applicationContext == null) {
            throw c.error(pdu + " has no Application Context item");
        }
        if (f.userInformation == null) {
            throw c.error(pdu + " has no User Information item");
        }
        return f;
    }

    /** PS3.8 9.3.2.2: id, 3 reserved, one Abstract Syntax sub-item, one or more Transfer Syntax sub-items. */
    private static PresentationContextRq requestedContext(BodyCursor item, long itemOffset) throws PduFormatException {
        int id = item.u8("Presentation-context-ID");
        item.skip(3, "reserved");
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>(2);
        while (item.hasRemaining()) {
            BodyCursor.Item sub = item.nextItem("sub-item");
            if (sub.type() == ItemType.ABSTRACT_SYNTAX) {
                if (abstractSyntax != null) {
                    throw new PduFormatException("presentation context " + id + " has a second Abstract Syntax "
                            + "sub-item", sub.offset());
                }
                abstractSyntax = sub.value().restAsText("Abstract-syntax-name");
            } else if (sub.type() == ItemType.TRANSFER_SYNTAX) {
                transferSyntaxes.add(sub.value().restAsText("Transfer-syntax-name"));
            }
            // other sub-item types: ignored and skipped (PS3.8 9.3.1)
        }
        if (abstractSyntax == null) {
            throw new PduFormatException("presentation context " + id + " has no Abstract Syntax sub-item",
                    itemOffset);
        }
        if (transferSyntaxes.isEmpty()) {
            throw new PduFormatException("presentation context " + id + " has no Transfer Syntax sub-item",
                    itemOffset);
        }
        return new PresentationContextRq(id, abstractSyntax, transferSyntaxes);
    }

    /** PS3.8 9.3.3.2: id, reserved, Result/Reason, reserved, one Transfer Syntax sub-item. */
    private static PresentationContextAc acceptedContext(BodyCursor item, long itemOffset) throws PduFormatException {
        int id = item.u8("Presentation-context-ID");
        item.skip(1, "reserved");
        int result = item.u8("Result/Reason");
        item.skip(1, "reserved");
        if (result != PresentationContextAc.ACCEPTANCE) {
            // PS3.8 9.3.3.2: when not accepted, the sub-item "shall not be significant and its value
            // shall not be tested when received": keep it if it is readable, never fail on it.
            String transferSyntax;
            try {
                transferSyntax = transferSyntax(item, id);
            } catch (PduFormatException ignored) {
                transferSyntax = null;
            }
            return new PresentationContextAc(id, result, transferSyntax);
        }
        String transferSyntax = transferSyntax(item, id);
        if (transferSyntax == null || transferSyntax.isEmpty()) {
            throw new PduFormatException("accepted presentation context " + id + " has no transfer syntax",
                    itemOffset);
        }
        return new PresentationContextAc(id, result, transferSyntax);
    }

    private static String transferSyntax(BodyCursor item, int id) throws PduFormatException {
        String transferSyntax = null;
        while (item.hasRemaining()) {
            BodyCursor.Item sub = item.nextItem("sub-item");
            if (sub.type() == ItemType.TRANSFER_SYNTAX) {
                if (transferSyntax != null) {
                    throw new PduFormatException("presentation context " + id + " has a second Transfer Syntax "
                            + "sub-item", sub.offset());
                }
                transferSyntax = sub.value().restAsText("Transfer-syntax-name");
            }
        }
        return transferSyntax;
    }
}
