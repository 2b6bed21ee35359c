package org.netdicom.core.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class PduRoundTripTest {

    private final PduEncoder encoder = new PduEncoder();

    @Test
    void roundTripsEveryPduType() throws Exception {
        for (Pdu pdu : SamplePdus.all()) {
            byte[] bytes = encoder.encode(pdu);
            assertEquals(pdu.type(), bytes[0], pdu.toString());
            assertEquals(bytes.length - 6, readU32(bytes, 2), "PDU-length of " + pdu);
            assertEquals(pdu, ByteVector.decode(bytes));
        }
    }

    @Test
    void roundTripsEveryUserInformationSubItemOfARequest() throws Exception {
        AAssociateRq rq = SamplePdus.fullRequest();
        AAssociateRq decoded = (AAssociateRq) ByteVector.decode(encoder.encode(rq));
        UserInformation ui = decoded.userInformation();
        assertEquals(32768, ui.maxLength());
        assertEquals(new AsyncOperationsWindow(5, 0), ui.asyncOperationsWindow());
        assertEquals(rq.userInformation().roleSelections(), ui.roleSelections());
        assertArrayEquals(new byte[] {1, 1, 0}, ui.sopClassExtended().get(0).applicationInformation());
        assertEquals(List.of("1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33"),
                ui.sopClassCommonExtended().get(0).relatedGeneralSopClassUids());
        assertEquals(List.of(), ui.sopClassCommonExtended().get(1).relatedGeneralSopClassUids());
        assertEquals(UserIdentityRq.USERNAME_AND_PASSCODE, ui.userIdentityRq().type());
        assertArrayEquals("alice".getBytes(), ui.userIdentityRq().primaryField());
        assertArrayEquals("s3cret".getBytes(), ui.userIdentityRq().secondaryField());
        assertEquals(rq.userInformation().unknownItems(), ui.unknownItems());
        assertEquals(rq, decoded);
    }

    @Test
    void roundTripsEveryUserInformationSubItemOfAnAccept() throws Exception {
        AAssociateAc ac = SamplePdus.fullAccept();
        AAssociateAc decoded = (AAssociateAc) ByteVector.decode(encoder.encode(ac));
        assertEquals(0, decoded.userInformation().maxLength());
        assertNull(decoded.userInformation().implementationVersionName());
        assertArrayEquals(new byte[] {0x4A, 0x57, 0x54}, decoded.userInformation().userIdentityAc().serverResponse());
        assertEquals("1.2.840.10008.1.2", decoded.presentationContexts().get(2).transferSyntax(),
                "a rejected context keeps whatever transfer syntax was sent");
        assertEquals(ac, decoded);
    }

    @Test
    void writesUserInformationSubItemsInIncreasingTypeOrder() throws Exception {
        byte[] bytes = encoder.encode(SamplePdus.fullRequest());
        int ui = indexOfItem(bytes, 0x50);
        int end = ui + 4 + ((bytes[ui + 2] & 0xFF) << 8 | (bytes[ui + 3] & 0xFF));
        int previous = 0;
        for (int p = ui + 4; p < end; p += 4 + ((bytes[p + 2] & 0xFF) << 8 | (bytes[p + 3] & 0xFF))) {
            int type = bytes[p] & 0xFF;
            assertEquals(true, type >= previous, "sub-item " + Integer.toHexString(type) + " after "
                    + Integer.toHexString(previous));
            previous = type;
        }
        assertEquals(0x70, previous, "the last sub-item is the unknown 0x70 one");
    }

    @Test
    void writesCommonExtendedNegotiationWithSubItemVersionZero() {
        byte[] bytes = encoder.encode(SamplePdus.fullRequest());
        int item = indexOfItem(bytes, 0x57);
        assertEquals(0, bytes[item + 1], "Sub-Item-version 00H (PS3.7 D.3.3.6)");
    }

    @Test
    void writeProducesTheSameBytesAsEncode() throws Exception {
        for (Pdu pdu : SamplePdus.all()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            encoder.write(pdu, out);
            assertArrayEquals(encoder.encode(pdu), out.toByteArray(), pdu.toString());
        }
    }

    @Test
    void writePDataTfFastPathMatchesTheRecordEncoding() throws Exception {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PduEncoder.writePDataTf(out, 5, PresentationDataValue.LAST, data, 10, 900);
        PDataTf expected = new PDataTf(new PresentationDataValue(5, PresentationDataValue.LAST, data, 10, 900));
        assertArrayEquals(encoder.encode(expected), out.toByteArray());
        assertEquals(906, readU32(out.toByteArray(), 2), "PDU-length = PDV item header (6) + data");
        assertEquals(902, readU32(out.toByteArray(), 6), "PDV item-length = context id + header + data");
    }

    @Test
    void readerReadsASequenceOfPdusThenReportsTheEnd() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Pdu pdu : SamplePdus.all()) {
            encoder.write(pdu, out);
        }
        PduReader reader = new PduReader(new ByteArrayInputStream(out.toByteArray()), 16384);
        for (Pdu pdu : SamplePdus.all()) {
            assertEquals(pdu, reader.read());
        }
        assertNull(reader.read());
    }

    static long readU32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** Offset of the first item of {@code type} reached by walking items from the variable field of an RQ/AC. */
    static int indexOfItem(byte[] pdu, int type) {
        for (int p = 74; p < pdu.length; ) {
            int t = pdu[p] & 0xFF;
            int len = (pdu[p + 2] & 0xFF) << 8 | (pdu[p + 3] & 0xFF);
            if (t == type) {
                return p;
            }
            p += t == 0x50 ? 4 : 4 + len; // descend into the User Information item
        }
        throw new AssertionError("no item " + Integer.toHexString(type));
    }
}
