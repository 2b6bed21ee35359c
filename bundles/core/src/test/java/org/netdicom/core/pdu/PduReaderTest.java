package org.netdicom.core.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PduReaderTest {

    @Test
    void returnsNullAtCleanEndOfStream() throws Exception {
        assertNull(new PduReader(new ByteArrayInputStream(new byte[0]), 16384).read());
    }

    @Test
    void throwsEofWhenStreamEndsMidHeader() {
        PduReader reader = new PduReader(new ByteArrayInputStream(ByteVector.of("05 00 00")), 16384);
        EOFException e = assertThrows(EOFException.class, reader::read);
        assertTrue(e.getMessage().contains("header after 3 of 6"), e.getMessage());
    }

    @Test
    void throwsEofWhenStreamEndsMidBody() {
        byte[] truncated = Arrays.copyOf(PduVectorsTest.ASSOCIATE_RQ, 100);
        PduReader reader = new PduReader(new ByteArrayInputStream(truncated), 16384);
        EOFException e = assertThrows(EOFException.class, reader::read);
        assertTrue(e.getMessage().contains("after 94 of 184"), e.getMessage());
    }

    @Test
    void refusesHugePDataLengthWithoutReadingTheBody() {
        for (long max : new long[] {16384, 0}) {  // negotiated, and "unlimited"
            PduReader reader = new PduReader(new HeaderOnlyStream(ByteVector.of("04 00 FFFFFFFF")), max);
            PduTooLargeException e = assertThrows(PduTooLargeException.class, reader::read);
            assertEquals(0xFFFF_FFFFL, e.length());
            assertEquals(max == 0 ? PduReader.HARD_LIMIT : max, e.limit());
            assertEquals(Pdu.P_DATA_TF, e.pduType());
        }
    }

    @Test
    void refusesPDataOneByteLongerThanTheMaximumAndAcceptsExactlyTheMaximum() throws Exception {
        byte[] data = new byte[16384 - 6];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PduEncoder.writePDataTf(out, 1, 0, data, 0, data.length);      // PDU-length 16384
        PduEncoder.writePDataTf(out, 1, 0, new byte[data.length + 1], 0, data.length + 1);
        PduReader reader = new PduReader(new ByteArrayInputStream(out.toByteArray()), 16384);
        assertEquals(data.length, ((PDataTf) reader.read()).values().get(0).length());
        PduTooLargeException e = assertThrows(PduTooLargeException.class, reader::read);
        assertEquals(16385, e.length());
    }

    @Test
    void appliesANewMaximumFromTheNextPdu() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PduEncoder.writePDataTf(out, 1, 0, new byte[994], 0, 994);    // PDU-length 1000
        PduEncoder.writePDataTf(out, 1, 0, new byte[994], 0, 994);
        PduReader reader = new PduReader(new ByteArrayInputStream(out.toByteArray()), 1000);
        reader.read();
        reader.setMaxPDataLength(999);
        assertEquals(999, reader.maxPDataLength());
        assertThrows(PduTooLargeException.class, reader::read);
    }

    @Test
    void boundsAssociatePdusByTheirOwnLimitNotTheNegotiatedOne() throws Exception {
        PduReader small = new PduReader(new ByteArrayInputStream(PduVectorsTest.ASSOCIATE_RQ), 100);
        assertEquals(PduVectorsTest.associateRq(), small.read(), "an RQ longer than the P-DATA maximum is fine");
        PduReader reader = new PduReader(new HeaderOnlyStream(ByteVector.of("01 00 00100001")), 0);
        PduTooLargeException e = assertThrows(PduTooLargeException.class, reader::read);
        assertEquals(PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH, e.limit());
        PduReader custom = new PduReader(new HeaderOnlyStream(ByteVector.of("02 00 00000BB9")), 0, 3000);
        assertEquals(3000, assertThrows(PduTooLargeException.class, custom::read).limit());
    }

    @Test
    void refusesFixedLengthPdusLongerThanFourWithoutReadingTheBody() {
        for (String header : new String[] {"03 00 00000005", "05 00 000F0000", "06 00 00000400", "07 00 FFFFFFFF"}) {
            PduReader reader = new PduReader(new HeaderOnlyStream(ByteVector.of(header)), 0);
            assertEquals(4, assertThrows(PduTooLargeException.class, reader::read).limit(), header);
        }
    }

    @Test
    void refusesUnknownPduTypeWithoutReadingTheBody() {
        PduReader reader = new PduReader(new HeaderOnlyStream(ByteVector.of("08 00 00000004")), 16384);
        PduFormatException e = assertThrows(PduFormatException.class, reader::read);
        assertEquals(AAbort.REASON_UNRECOGNIZED_PDU, e.abortReason());
        assertEquals(0, e.offset());
    }

    @Test
    void readsAPduThatArrivesInSmallPieces() throws Exception {
        PduReader reader = new PduReader(new TricklingStream(PduVectorsTest.ASSOCIATE_RQ, 3), 16384);
        assertEquals(PduVectorsTest.associateRq(), reader.read());
        assertNull(reader.read());
    }

    @Test
    void readsALargePDataThatGrowsItsBufferAsBytesArrive() throws Exception {
        byte[] data = new byte[PduReader.EAGER_ALLOCATION * 3 + 17];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PduEncoder.writePDataTf(out, 7, PresentationDataValue.LAST, data, 0, data.length);
        PduReader reader = new PduReader(new TricklingStream(out.toByteArray(), 65536), 0);
        PresentationDataValue pdv = ((PDataTf) reader.read()).values().get(0);
        assertTrue(Arrays.equals(data, pdv.copyData()));
        assertEquals(7, pdv.contextId());
    }

    @Test
    void doesNotAllocateTheClaimedLengthBeforeTheBytesArrive() {
        // 1 GB announced, 1000 bytes sent: the reader must fail having allocated little.
        byte[] lie = Arrays.copyOf(ByteVector.of("04 00 3B9ACA00"), 1006);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        PduReader reader = new PduReader(new ByteArrayInputStream(lie), 0);
        assertThrows(EOFException.class, reader::read);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4 * PduReader.EAGER_ALLOCATION, "allocated " + allocated + " bytes");
    }

    @Test
    void rejectsMalformedBodyAfterReadingItCompletely() throws Exception {
        byte[] twoPdus = new byte[10 + PduVectorsTest.A_RELEASE_RQ.length];
        System.arraycopy(ByteVector.of("04 00 00000004 00000001"), 0, twoPdus, 0, 10); // PDV item-length 1
        System.arraycopy(PduVectorsTest.A_RELEASE_RQ, 0, twoPdus, 10, 10);
        PduReader reader = new PduReader(new ByteArrayInputStream(twoPdus), 16384);
        assertThrows(PduFormatException.class, reader::read);
        assertEquals(new AReleaseRq(), reader.read(), "the stream stays in step after a malformed body");
    }

    /** Serves the given header bytes; any attempt to read further fails the test. */
    private static final class HeaderOnlyStream extends InputStream {
        private final byte[] header;
        private int pos;

        HeaderOnlyStream(byte[] header) {
            this.header = header;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= header.length) {
                throw new AssertionError("read past the PDU header");
            }
            int n = Math.min(len, header.length - pos);
            System.arraycopy(header, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** Returns at most {@code chunk} bytes per read, like a slow socket. */
    private static final class TricklingStream extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int pos;

        TricklingStream(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void reusedDataBodyHoldsEachPduExactlyAndNeverReadsIntoTheNext() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[][] payloads = {filled(5000, 1), filled(300, 2), filled(9000, 3), filled(10, 4)};
        for (byte[] p : payloads) {
            PduEncoder.writePDataTf(out, 1, 0, p, 0, p.length);
        }
        out.write(new PduEncoder().encode(new AReleaseRq()));
        PduReader reader = new PduReader(new ByteArrayInputStream(out.toByteArray()), 16384);
        byte[] firstBody = null;
        for (int i = 0; i < payloads.length; i++) {
            PresentationDataValue pdv = ((PDataTf) reader.read(true)).values().get(0);
            assertArrayEquals(payloads[i], pdv.copyData(), "PDU " + i);
            if (i == 1) {
                assertSame(firstBody, pdv.buffer(), "a smaller body goes into the array of the one before");
            }
            firstBody = pdv.buffer();
        }
        assertInstanceOf(AReleaseRq.class, reader.read(true), "the PDU after the reused bodies is intact");
        assertNull(reader.read(true));
    }

    @Test
    void detachedCopyOfAReusedPduSurvivesTheNextRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PduEncoder.writePDataTf(out, 1, 0, filled(100, 7), 0, 100);
        PduEncoder.writePDataTf(out, 1, 0, filled(100, 8), 0, 100);
        PduReader reader = new PduReader(new ByteArrayInputStream(out.toByteArray()), 16384);
        reader.read(true);
        PDataTf kept = (PDataTf) reader.lastPduDetached();
        reader.read(true);
        assertArrayEquals(filled(100, 7), kept.values().get(0).copyData());
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
