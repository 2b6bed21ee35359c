package org.netdicom.core.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Malformed bodies: every one must end in a PduFormatException with a useful offset. */
class PduDecoderRejectsTest {

    /**
     * Offsets (from the start of the PDU) of the 2-byte item-length fields of
     * {@link PduVectorsTest#ASSOCIATE_RQ}: Application Context, Presentation Context, Abstract
     * Syntax, Transfer Syntax, User Information, Maximum Length, Implementation Class UID,
     * Implementation Version Name.
     */
    static final int[] RQ_ITEM_LENGTH_FIELDS = {76, 101, 109, 130, 151, 155, 163, 176};

    private final PduDecoder decoder = new PduDecoder();

    @Test
    void rejectsUnknownPduTypeAsUnrecognizedPdu() {
        for (int type : new int[] {0x00, 0x08, 0xFF}) {
            PduFormatException e = assertThrows(PduFormatException.class,
                    () -> decoder.decode(type, new byte[4], 0, 4));
            assertEquals(AAbort.REASON_UNRECOGNIZED_PDU, e.abortReason());
        }
    }

    @Test
    void rejectsFixedLengthPdusWhoseLengthIsNotFour() {
        for (int type : new int[] {Pdu.A_ASSOCIATE_RJ, Pdu.A_RELEASE_RQ, Pdu.A_RELEASE_RP, Pdu.A_ABORT}) {
            for (int length : new int[] {0, 3, 5}) {
                PduFormatException e = assertThrows(PduFormatException.class,
                        () -> decoder.decode(type, new byte[8], 0, length));
                assertEquals(2, e.offset(), "points at the PDU-length field");
                assertEquals(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE, e.abortReason());
            }
        }
    }

    @Test
    void rejectsAssociatePdusShorterThanTheirFixedFields() {
        for (int type : new int[] {Pdu.A_ASSOCIATE_RQ, Pdu.A_ASSOCIATE_AC}) {
            assertThrows(PduFormatException.class, () -> decoder.decode(type, new byte[67], 0, 67));
        }
    }

    @Test
    void rejectsItemLengthPastEndOfPdu() {
        byte[] rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[76] = 0x7F;              // Application Context item-length 7F15H
        PduFormatException e = assertThrows(PduFormatException.class, () -> ByteVector.decode(rq));
        assertEquals(78, e.offset(), "just after the item-length field");
        assertTrue(e.getMessage().contains("item 0x10"), e.getMessage());
    }

    @Test
    void rejectsSubItemLengthPastEndOfItem() {
        byte[] rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[110] = 0x30;             // Abstract Syntax sub-item-length 48: inside the PDU, past its item
        assertThrows(PduFormatException.class, () -> ByteVector.decode(rq));
    }

    @Test
    void rejectsEveryItemLengthOfAnAssociateRqThatIsOneTooShortOrTooLong() {
        for (int field : RQ_ITEM_LENGTH_FIELDS) {
            for (int delta : new int[] {-1, +1}) {
                byte[] rq = PduVectorsTest.ASSOCIATE_RQ.clone();
                int length = ((rq[field] & 0xFF) << 8 | (rq[field + 1] & 0xFF)) + delta;
                rq[field] = (byte) (length >> 8);
                rq[field + 1] = (byte) length;
                assertThrows(PduFormatException.class, () -> ByteVector.decode(rq),
                        "item-length at " + field + " changed by " + delta);
            }
        }
    }

    @Test
    void rejectsEveryTruncationOfAnAssociateRqAndAc() {
        for (byte[] pdu : new byte[][] {PduVectorsTest.ASSOCIATE_RQ, PduVectorsTest.ASSOCIATE_AC}) {
            for (int length = 0; length < pdu.length - 6; length++) {
                int n = length;
                assertThrows(PduFormatException.class, () -> decoder.decode(pdu[0], pdu, 6, n),
                        "body truncated to " + n);
            }
        }
    }

    @Test
    void rejectsPDataTfTruncatedInsideAPdv() {
        byte[] p = PduVectorsTest.P_DATA_TF;
        for (int length = 0; length < p.length - 6; length++) {
            if (length == 10) {
                continue;           // ends exactly after the first PDV: a valid one-PDV P-DATA-TF
            }
            int n = length;
            assertThrows(PduFormatException.class, () -> decoder.decode(Pdu.P_DATA_TF, p, 6, n),
                    "body truncated to " + n);
        }
    }

    @Test
    void rejectsPdvItemLengthsThatAreTooShortOrTooLong() {
        for (String itemLength : new String[] {"00000000", "00000001", "00000010", "FFFFFFFF"}) {
            byte[] p = PduVectorsTest.P_DATA_TF.clone();
            System.arraycopy(ByteVector.of(itemLength), 0, p, 6, 4);
            PduFormatException e = assertThrows(PduFormatException.class, () -> ByteVector.decode(p), itemLength);
            assertEquals(6, e.offset(), "points at the PDV item");
            ByteBuffer direct = ByteBuffer.allocateDirect(p.length).put(p).position(6);
            PduFormatException inPlace = assertThrows(PduFormatException.class, () -> decoder.pDataTf(direct));
            assertEquals(e.getMessage(), inPlace.getMessage(), "the same error from a direct buffer");
        }
        for (int firstLength : new int[] {5, 7}) {
            byte[] p = PduVectorsTest.P_DATA_TF.clone();
            p[9] = (byte) firstLength; // first PDV one byte off: the second PDV's header is misread
            assertThrows(PduFormatException.class, () -> ByteVector.decode(p), "first item-length " + firstLength);
        }
    }

    @Test
    void rejectsPDataTfWithoutPdv() {
        assertThrows(PduFormatException.class, () -> decoder.decode(Pdu.P_DATA_TF, new byte[0], 0, 0));
    }

    @Test
    void rejectsAssociateRqWithoutApplicationContextOrUserInformation() {
        byte[] rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[74] = 0x11;              // the Application Context item becomes an unknown item
        assertMessage(rq, "no Application Context");
        rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[149] = 0x5F;             // the User Information item becomes an unknown item
        assertMessage(rq, "no User Information");
    }

    @Test
    void rejectsUserInformationWithoutMaximumLength() {
        byte[] rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[153] = 0x5F;             // the Maximum Length sub-item becomes an unknown sub-item
        assertMessage(rq, "no Maximum Length");
    }

    @Test
    void rejectsASecondSingleInstanceItem() {
        byte[] rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[174] = 0x52;             // version name sub-item becomes a second Implementation Class UID
        assertMessage(rq, "second Implementation Class UID");
        byte[] twoUserInformation = Arrays.copyOf(PduVectorsTest.ASSOCIATE_RQ, 190 + 41);
        System.arraycopy(PduVectorsTest.ASSOCIATE_RQ, 149, twoUserInformation, 190, 41);
        assertThrows(PduFormatException.class,
                () -> decoder.decode(Pdu.A_ASSOCIATE_RQ, twoUserInformation, 6, 184 + 41));
    }

    @Test
    void rejectsPresentationContextWithoutAbstractOrTransferSyntax() {
        byte[] rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[107] = 0x31;             // abstract syntax sub-item becomes unknown
        assertMessage(rq, "no Abstract Syntax");
        rq = PduVectorsTest.ASSOCIATE_RQ.clone();
        rq[128] = 0x41;             // transfer syntax sub-item becomes unknown
        assertMessage(rq, "no Transfer Syntax");
    }

    @Test
    void rejectsAcceptedPresentationContextWithoutTransferSyntax() {
        byte[] empty = PeerPaddingTest.acWithContext("21 00 0008", "01 00 00 00", "40 00 0000");
        assertMessage(empty, "accepted presentation context 1 has no transfer syntax");
        byte[] absent = PeerPaddingTest.acWithContext("21 00 0004", "01 00 00 00");
        assertMessage(absent, "accepted presentation context 1 has no transfer syntax");
    }

    @Test
    void rejectsFixedSizeSubItemsOfTheWrongLength() {
        assertMessage(PeerPaddingTest.acWithUserInformation("53 00 0003 000100"), "must be 4");
        assertMessage(PeerPaddingTest.acWithUserInformation("54 00 0008", "0003", "'1.2'", "01 01 00"),
                "unexpected bytes");
        assertMessage(PeerPaddingTest.acWithUserInformation("58 00 0008", "01 00", "0001", "'a'", "0000", "00"),
                "unexpected bytes");
        assertMessage(PeerPaddingTest.acWithUserInformation("59 00 0003", "0002", "00"), "needs 2 bytes");
    }

    @Test
    void rejectsLengthFieldsInsideSubItemsThatRunPastTheirSubItem() {
        assertThrows(PduFormatException.class,
                () -> ByteVector.decode(PeerPaddingTest.acWithUserInformation("54 00 0004", "0009", "'1.'")));
        assertThrows(PduFormatException.class,
                () -> ByteVector.decode(PeerPaddingTest.acWithUserInformation("56 00 0002", "0001")));
        assertThrows(PduFormatException.class, () -> ByteVector.decode(PeerPaddingTest.acWithUserInformation(
                "57 00 000A", "0001", "'1'", "0001", "'2'", "0003", "00"))); // related length past its item
        assertThrows(PduFormatException.class, () -> ByteVector.decode(PeerPaddingTest.acWithUserInformation(
                "57 00 000C", "0001", "'1'", "0001", "'2'", "0002", "0005"))); // related UID length past its field
    }

    private static void assertMessage(byte[] pdu, String expected) {
        PduFormatException e = assertThrows(PduFormatException.class, () -> ByteVector.decode(pdu));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
