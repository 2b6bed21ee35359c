package org.netdicom.core.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What real peers send that is not quite what we send: padded UIDs and AE titles, extra items. */
class PeerPaddingTest {

    /** An A-ASSOCIATE-RQ as DCMTK-era peers write it: UIDs padded to even length with a NUL. */
    static final byte[] PADDED_RQ = ByteVector.of(
        "01 00 000000BC",           // A-ASSOCIATE-RQ, PDU-length 188
        "0001 0000",                // Protocol-version 1, reserved
        "'  ANY-SCP       '",       // Called-AE-title with leading spaces (insignificant, PS3.8 9.3.2)
        "'ECHOSCU'", "00 20 20 20 20 20 20 20 20", // Calling-AE-title padded with a NUL then spaces
        ByteVector.zeros(32),
        "10 00 0016",               // Application Context item, item-length 22
        "'1.2.840.10008.3.1.1.1'", "00", //   21 characters + NUL pad
        "20 00 0030",               // Presentation Context item, item-length 48
        "01 00 00 00",
        "30 00 0012", "'1.2.840.10008.1.1'", "00", // Abstract syntax, 17 characters + NUL
        "40 00 0012", "'1.2.840.10008.1.2'", "00", // Transfer syntax, 17 characters + NUL
        "50 00 0026",               // User Information item, item-length 38
        "51 00 0004 00004000",
        "52 00 000A", "'1.2.3.4.5'", "00",         // Implementation Class UID + NUL
        "55 00 000C", "'NETDICOM_010'");

    @Test
    void decodesUidsWithTrailingNulAndAeTitlesWithSpaces() throws Exception {
        assertEquals(194, PADDED_RQ.length);
        AAssociateRq rq = (AAssociateRq) ByteVector.decode(PADDED_RQ);
        assertEquals(PduVectorsTest.associateRq(), rq);
        assertEquals("ANY-SCP", rq.calledAeTitle());
        assertEquals("ECHOSCU", rq.callingAeTitle());
        assertEquals("1.2.840.10008.1.1", rq.presentationContexts().get(0).abstractSyntax());
    }

    @Test
    void decodesUidsPaddedWithATrailingSpace() throws Exception {
        byte[] rq = PADDED_RQ.clone();
        rq[6 + 68 + 4 + 21] = ' ';      // the application context's NUL pad becomes a space
        assertEquals(AAssociateRq.DICOM_APPLICATION_CONTEXT,
                ((AAssociateRq) ByteVector.decode(rq)).applicationContextName());
    }

    @Test
    void skipsUnknownItemsInTheVariableFieldAsPs38Section931Requires() throws Exception {
        byte[] rq = ByteVector.of(
            "01 00 000000C3",       // PDU-length 195 = 184 + 7 + 4
            "0001 0000", "'ANY-SCP         '", "'ECHOSCU         '", ByteVector.zeros(32),
            "10 00 0015", "'1.2.840.10008.3.1.1.1'",
            "60 00 0003 010203",    // item-type 60H: unknown, skipped
            "21 00 0000",           // an A-ASSOCIATE-AC presentation context item: unrecognized here, skipped
            "20 00 0032", "01 00 00 00", // Presentation Context item-length 50 = 46 + 4
            "30 00 0011", "'1.2.840.10008.1.1'",
            "41 00 0000",           //   unknown sub-item 41H inside the context, skipped
            "40 00 0011", "'1.2.840.10008.1.2'",
            "50 00 0025", "51 00 0004 00004000", "52 00 0009", "'1.2.3.4.5'", "55 00 000C", "'NETDICOM_010'");
        assertEquals(PduVectorsTest.associateRq(), ByteVector.decode(rq));
    }

    @Test
    void keepsUnknownUserInformationSubItems() throws Exception {
        byte[] rq = ByteVector.of(
            "01 00 000000C2",       // PDU-length 194 = 184 + 10
            "0001 0000", "'ANY-SCP         '", "'ECHOSCU         '", ByteVector.zeros(32),
            "10 00 0015", "'1.2.840.10008.3.1.1.1'",
            "20 00 002E", "01 00 00 00", "30 00 0011", "'1.2.840.10008.1.1'", "40 00 0011", "'1.2.840.10008.1.2'",
            "50 00 002F",           // User Information item-length 47 = 37 + 10
            "51 00 0004 00004000",
            "5F 00 0002 CAFE",      // sub-item type 5FH, not defined: kept
            "52 00 0009", "'1.2.3.4.5'",
            "55 00 000C", "'NETDICOM_010'",
            "A0 00 0000");          // sub-item type A0H, empty: kept
        UserInformation ui = ((AAssociateRq) ByteVector.decode(rq)).userInformation();
        assertEquals(List.of(new UnknownItem(0x5F, new byte[] {(byte) 0xCA, (byte) 0xFE}),
                new UnknownItem(0xA0, new byte[0])), ui.unknownItems());
        assertEquals("1.2.3.4.5", ui.implementationClassUid());
    }

    @Test
    void readsRejectedContextWithoutTransferSyntaxSubItemAsNull() throws Exception {
        byte[] ac = acWithContext("21 00 0004", "05 00 02 00"); // id 5, no-reason, no sub-item at all
        PresentationContextAc pc = ((AAssociateAc) ByteVector.decode(ac)).presentationContexts().get(0);
        assertEquals(new PresentationContextAc(5, PresentationContextAc.NO_REASON, null), pc);
    }

    @Test
    void doesNotTestTheTransferSyntaxOfARejectedContext() throws Exception {
        // PS3.8 9.3.3.2: not significant and not tested when the result is not acceptance.
        byte[] ac = acWithContext("21 00 0008", "07 00 01 00", "40 00 00FF"); // sub-item claims 255 bytes
        PresentationContextAc pc = ((AAssociateAc) ByteVector.decode(ac)).presentationContexts().get(0);
        assertEquals(PresentationContextAc.USER_REJECTION, pc.result());
        assertNull(pc.transferSyntax());
    }

    @Test
    void acceptsAnySubItemVersionOfCommonExtendedNegotiationAndSkipsLaterFields() throws Exception {
        byte[] ac = acWithUserInformation(
            "57 01 000E",           // SOP Class Common Extended Negotiation, Sub-Item-version 1, length 14
            "0003", "'1.2'",        //   SOP-class-uid-length 3, SOP-class-uid
            "0003", "'1.3'",        //   Service-class-uid-length 3, Service-class-uid
            "0000",                 //   Related-general-sop-class-identification-length 0
            "ABCD");                //   two bytes a later version might define: skipped
        UserInformation ui = ((AAssociateAc) ByteVector.decode(ac)).userInformation();
        assertEquals(List.of(new SopClassCommonExtendedNegotiation("1.2", "1.3", List.of())),
                ui.sopClassCommonExtended());
    }

    @Test
    void readsProtocolVersionWithoutJudgingIt() throws Exception {
        byte[] rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[7] = 0x02;               // Protocol-version 0002H: bit 0 clear
        AAssociateRq decoded = (AAssociateRq) ByteVector.decode(rq);
        assertEquals(2, decoded.protocolVersion());
        assertEquals(false, decoded.supportsVersion1());
        assertEquals(true, PduVectorsTest.associateRq().supportsVersion1());
    }

    /** An A-ASSOCIATE-AC whose only presentation context item is {@code contextItem}. */
    static byte[] acWithContext(String... contextItem) {
        byte[] item = ByteVector.of(contextItem);
        byte[] ui = ByteVector.of("50 00 0008 51 00 0004 00004000");
        return associateAc(item, ui);
    }

    /** An A-ASSOCIATE-AC whose User Information item holds Maximum Length and {@code subItems}. */
    static byte[] acWithUserInformation(String... subItems) {
        byte[] extra = ByteVector.of(subItems);
        byte[] ui = new byte[12 + extra.length];
        System.arraycopy(ByteVector.of("50 00", String.format("%04X", 8 + extra.length), "51 00 0004 00004000"),
                0, ui, 0, 12);
        System.arraycopy(extra, 0, ui, 12, extra.length);
        return associateAc(new byte[0], ui);
    }

    private static byte[] associateAc(byte[] contextItems, byte[] userInformation) {
        byte[] fixed = ByteVector.of("0001 0000", "'ANY-SCP         '", "'ECHOSCU         '", ByteVector.zeros(32),
                "10 00 0015", "'1.2.840.10008.3.1.1.1'");
        int bodyLength = fixed.length + contextItems.length + userInformation.length;
        byte[] pdu = new byte[6 + bodyLength];
        pdu[0] = 0x02;
        pdu[4] = (byte) (bodyLength >> 8);
        pdu[5] = (byte) bodyLength;
        System.arraycopy(fixed, 0, pdu, 6, fixed.length);
        System.arraycopy(contextItems, 0, pdu, 6 + fixed.length, contextItems.length);
        System.arraycopy(userInformation, 0, pdu, 6 + fixed.length + contextItems.length, userInformation.length);
        return pdu;
    }
}
