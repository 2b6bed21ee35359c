package org.netdicom.core.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Byte-exact vectors written by hand from the field tables of PS3.8 9.3.2-9.3.8 and PS3.7 D.3.3.
 * Each vector is checked both ways: the encoder must produce exactly these bytes and the decoder
 * must read them back into the same record. Quoted parts are ASCII; the rest is hex.
 */
class PduVectorsTest {

    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String IMPLICIT_VR_LE = "1.2.840.10008.1.2";
    static final String IMPLEMENTATION_UID = "1.2.3.4.5";
    static final String VERSION_NAME = "NETDICOM_010";

    static final UserInformation USER_INFO = UserInformation.of(16384, IMPLEMENTATION_UID, VERSION_NAME);

    /** PS3.8 9.3.2.3 / D.1 / PS3.7 D.3.3.2: the User Information item shared by the RQ and AC vectors. */
    static final String[] USER_INFO_BYTES = {
        "50 00 0025",               // User Information item-type 50H, reserved, item-length 37
        "51 00 0004", "00004000",   //   Maximum Length sub-item, length 4: 16384
        "52 00 0009", "'1.2.3.4.5'", //   Implementation Class UID sub-item, length 9
        "55 00 000C", "'NETDICOM_010'", // Implementation Version Name sub-item, length 12
    };

    static final byte[] ASSOCIATE_RQ = ByteVector.of(concat(new String[] {
        "01",                       // PDU-type 01H (A-ASSOCIATE-RQ)
        "00",                       // reserved
        "000000B8",                 // PDU-length 184 = 68 fixed + 25 + 50 + 41
        "0001",                     // Protocol-version: bit 0 set = version 1
        "0000",                     // reserved
        "'ANY-SCP         '",       // Called-AE-title, 16 bytes, space padded
        "'ECHOSCU         '",       // Calling-AE-title, 16 bytes, space padded
        ByteVector.zeros(32),       // reserved, 32 bytes
        "10 00 0015",               // Application Context item-type 10H, reserved, item-length 21
        "'1.2.840.10008.3.1.1.1'",  //   DICOM Application Context Name, unpadded
        "20 00 002E",               // Presentation Context item-type 20H, reserved, item-length 46
        "01 00 00 00",              //   Presentation-context-ID 1, three reserved bytes
        "30 00 0011",               //   Abstract Syntax sub-item-type 30H, reserved, length 17
        "'1.2.840.10008.1.1'",      //     Verification SOP Class
        "40 00 0011",               //   Transfer Syntax sub-item-type 40H, reserved, length 17
        "'1.2.840.10008.1.2'",      //     Implicit VR Little Endian
    }, USER_INFO_BYTES));

    static final byte[] ASSOCIATE_AC = ByteVector.of(concat(new String[] {
        "02",                       // PDU-type 02H (A-ASSOCIATE-AC)
        "00",                       // reserved
        "000000AF",                 // PDU-length 175 = 68 fixed + 25 + 29 + 12 + 41
        "0001",                     // Protocol-version 1
        "0000",                     // reserved
        "'ANY-SCP         '",       // reserved, sent as the Called-AE-title of the RQ
        "'ECHOSCU         '",       // reserved, sent as the Calling-AE-title of the RQ
        ByteVector.zeros(32),       // reserved, 32 bytes
        "10 00 0015",               // Application Context item, item-length 21
        "'1.2.840.10008.3.1.1.1'",
        "21 00 0019",               // Presentation Context item-type 21H, item-length 25
        "01 00 00 00",              //   ID 1, reserved, Result/Reason 0 = acceptance, reserved
        "40 00 0011",               //   Transfer Syntax sub-item, length 17
        "'1.2.840.10008.1.2'",
        "21 00 0008",               // Presentation Context item-type 21H, item-length 8
        "03 00 03 00",              //   ID 3, reserved, Result/Reason 3 = abstract-syntax-not-supported
        "40 00 0000",               //   Transfer Syntax sub-item, empty: not significant when rejected
    }, USER_INFO_BYTES));

    static final byte[] ASSOCIATE_RJ = ByteVector.of(
        "03 00",                    // PDU-type 03H, reserved
        "00000004",                 // PDU-length 4
        "00",                       // reserved
        "01",                       // Result 1: rejected-permanent
        "01",                       // Source 1: DICOM UL service-user
        "03");                      // Reason 3: calling-AE-title-not-recognized

    static final byte[] P_DATA_TF = ByteVector.of(
        "04 00",                    // PDU-type 04H, reserved
        "00000013",                 // PDU-length 19 = (4 + 6) + (4 + 5)
        "00000006",                 // PDV item-length 6: context id + control header + 4 bytes
        "01",                       //   Presentation-context-ID 1
        "03",                       //   message control header: bit 0 command, bit 1 last (PS3.8 E.2)
        "01020304",                 //   fragment
        "00000005",                 // PDV item-length 5
        "01",                       //   Presentation-context-ID 1
        "00",                       //   message control header: data set, not last
        "AABBCC");                  //   fragment

    static final byte[] A_RELEASE_RQ = ByteVector.of("05 00", "00000004", "00000000"); // type, reserved, length 4, reserved
    static final byte[] A_RELEASE_RP = ByteVector.of("06 00", "00000004", "00000000");

    static final byte[] A_ABORT = ByteVector.of(
        "07 00",                    // PDU-type 07H, reserved
        "00000004",                 // PDU-length 4
        "00 00",                    // reserved, reserved
        "02",                       // Source 2: DICOM UL service-provider
        "06");                      // Reason 6: invalid-PDU-parameter-value

    static AAssociateRq associateRq() {
        return new AAssociateRq("ANY-SCP", "ECHOSCU",
                List.of(new PresentationContextRq(1, VERIFICATION, IMPLICIT_VR_LE)), USER_INFO);
    }

    static AAssociateAc associateAc() {
        return new AAssociateAc(1, "ANY-SCP", "ECHOSCU", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(PresentationContextAc.accepted(1, IMPLICIT_VR_LE),
                        PresentationContextAc.rejected(3, PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED)),
                USER_INFO);
    }

    static PDataTf pDataTf() {
        return new PDataTf(
                PresentationDataValue.of(1, 0x03, ByteVector.of("01020304")),
                PresentationDataValue.of(1, 0x00, ByteVector.of("AABBCC")));
    }

    private final PduEncoder encoder = new PduEncoder();

    @Test
    void encodesAssociateRqWithOnePresentationContextByteForByte() {
        assertEquals(190, ASSOCIATE_RQ.length, "vector length = 6 + PDU-length");
        assertArrayEquals(ASSOCIATE_RQ, encoder.encode(associateRq()));
    }

    @Test
    void decodesAssociateRqWithOnePresentationContext() throws Exception {
        assertEquals(associateRq(), ByteVector.decode(ASSOCIATE_RQ));
    }

    @Test
    void encodesAssociateAcWithAcceptedAndRejectedContextByteForByte() {
        assertEquals(181, ASSOCIATE_AC.length);
        assertArrayEquals(ASSOCIATE_AC, encoder.encode(associateAc()));
    }

    @Test
    void decodesAssociateAcWithAcceptedAndRejectedContext() throws Exception {
        AAssociateAc ac = (AAssociateAc) ByteVector.decode(ASSOCIATE_AC);
        assertEquals(associateAc(), ac);
        assertEquals(null, ac.presentationContexts().get(1).transferSyntax());
    }

    @Test
    void encodesAndDecodesAssociateRj() throws Exception {
        AAssociateRj rj = new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER,
                AAssociateRj.REASON_CALLING_AE_TITLE_NOT_RECOGNIZED);
        assertArrayEquals(ASSOCIATE_RJ, encoder.encode(rj));
        assertEquals(rj, ByteVector.decode(ASSOCIATE_RJ));
    }

    @Test
    void encodesAndDecodesPDataTfWithTwoPdvs() throws Exception {
        assertArrayEquals(P_DATA_TF, encoder.encode(pDataTf()));
        PDataTf decoded = (PDataTf) ByteVector.decode(P_DATA_TF);
        assertEquals(pDataTf(), decoded);
        PresentationDataValue first = decoded.values().get(0);
        assertEquals(true, first.isCommand());
        assertEquals(true, first.isLast());
        assertEquals(12, first.offset(), "the PDV is a slice of the PDU bytes, not a copy");
        assertEquals(true, first.buffer() == P_DATA_TF);
    }

    @Test
    void decodesPDataTfFromADirectBufferIntoSlicesOfIt() throws Exception {
        ByteBuffer direct = ByteBuffer.allocateDirect(P_DATA_TF.length).put(P_DATA_TF).flip();
        PDataTf decoded = new PduDecoder().pDataTf(direct.position(Pdu.HEADER_LENGTH));
        assertEquals(pDataTf(), decoded, "the same values as from an array");
        PresentationDataValue first = decoded.values().get(0);
        assertTrue(first.data().isDirect(), "a slice of the buffer, not a copy");
        direct.put(12, (byte) (direct.get(12) ^ 0xFF));
        assertNotEquals(pDataTf().values().get(0), first, "it sees the buffer change");
        assertEquals(first.data().get(0), first.buffer()[first.offset()], "buffer(): a copy, from offset 0");
    }

    @Test
    void aPDataTfHeaderPutInPlaceIsTheHeaderOfAOnePdvPdu() {
        // PS3.8 9.3.5: type 04, reserved, PDU length (the PDV item and 4), then the item: its length
        // (value and 2), context ID, message control header
        byte[] expected = ByteVector.of("04 00 00000106 00000102 07 02");
        assertArrayEquals(expected, PduEncoder.pDataTfHeader(7, 2, 256));
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(40), ByteBuffer.allocateDirect(40),
                ByteBuffer.allocateDirect(40).order(java.nio.ByteOrder.LITTLE_ENDIAN)}) {
            PduEncoder.putPDataTfHeader(buffer, 20, 7, 2, 256);
            byte[] put = new byte[12];
            buffer.get(20, put);
            assertArrayEquals(expected, put, buffer.toString());
            assertEquals(0, buffer.position(), "its position left alone");
        }
    }

    @Test
    void encodesAndDecodesReleaseRqAndRp() throws Exception {
        assertArrayEquals(A_RELEASE_RQ, encoder.encode(new AReleaseRq()));
        assertArrayEquals(A_RELEASE_RP, encoder.encode(new AReleaseRp()));
        assertEquals(new AReleaseRq(), ByteVector.decode(A_RELEASE_RQ));
        assertEquals(new AReleaseRp(), ByteVector.decode(A_RELEASE_RP));
    }

    @Test
    void encodesAndDecodesAbort() throws Exception {
        AAbort abort = AAbort.byServiceProvider(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        assertArrayEquals(A_ABORT, encoder.encode(abort));
        assertEquals(abort, ByteVector.decode(A_ABORT));
    }

    @Test
    void ignoresReservedFieldsOnReceipt() throws Exception {
        byte[] rq = ASSOCIATE_RQ.clone();
        rq[1] = (byte) 0xFF;            // reserved after PDU-type
        rq[8] = 0x12;                   // reserved after Protocol-version
        rq[42] = 0x7F;                  // inside the 32 reserved bytes
        rq[75] = 0x55;                  // reserved byte of the Application Context item
        rq[104] = (byte) 0xEE;          // first reserved byte after the Presentation-context-ID (103)
        assertEquals(associateRq(), ByteVector.decode(rq));
        byte[] abort = A_ABORT.clone();
        abort[6] = 1;
        abort[7] = 1;
        assertEquals(new AAbort(2, 6), ByteVector.decode(abort));
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
