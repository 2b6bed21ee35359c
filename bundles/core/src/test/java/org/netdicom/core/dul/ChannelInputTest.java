package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.PduReader;
import org.netdicom.core.pdu.PresentationDataValue;

class ChannelInputTest {

    /** A channel over fixed bytes that hands them out in pieces of random length, as a socket may. */
    private static class ChoppyChannel implements ReadableByteChannel {
        private final ByteBuffer bytes;
        private final Random random = new Random(7);
        private final int maxPiece;
        final List<Integer> asked = new ArrayList<>();
        final List<Integer> got = new ArrayList<>();

        ChoppyChannel(byte[] bytes, int maxPiece) {
            this.bytes = ByteBuffer.wrap(bytes);
            this.maxPiece = maxPiece;
        }

        @Override
        public int read(ByteBuffer dst) {
            asked.add(dst.remaining());
            if (!bytes.hasRemaining()) {
                return -1;
            }
            int n = Math.min(dst.remaining(), Math.min(bytes.remaining(), 1 + random.nextInt(maxPiece)));
            dst.put(bytes.slice(bytes.position(), n));
            bytes.position(bytes.position() + n);
            got.add(n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** A P-DATA-TF of one data set PDV of {@code length} bytes, each byte a function of {@code seed}. */
    /** A reader of {@code channel} with nothing to do before a buffer's reuse or a wait. */
    private static ChannelInput plain(ReadableByteChannel channel, long maxBodyLength) {
        return reusing(channel, maxBodyLength, () -> { });
    }

    private static ChannelInput reusing(ReadableByteChannel channel, long maxBodyLength, Runnable beforeReuse) {
        return new ChannelInput(channel, noSpin(), maxBodyLength, beforeReuse, () -> { });
    }

    private static byte[] pDataTf(int seed, int length) {
        ByteBuffer pdu = ByteBuffer.allocate(Pdu.HEADER_LENGTH + 6 + length);
        pdu.put((byte) Pdu.P_DATA_TF).put((byte) 0).putInt(6 + length);
        pdu.putInt(2 + length).put((byte) 1).put((byte) 0);
        for (int i = 0; i < length; i++) {
            pdu.put(fragmentByte(seed, i));
        }
        return pdu.array();
    }

    private static byte fragmentByte(int seed, int i) {
        return (byte) (seed * 31 + i * 7);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    private static ReadWait noSpin() {
        return new ReadWait(InputStream.nullInputStream(), ReadSpin.NONE, () -> false);
    }

    /** A fragment lent in place, and the bytes it must still hold until the reader announces reuse. */
    private record Lent(ByteBuffer data, int seed) {
        void check() {
            for (int i = 0; i < data.remaining(); i++) {
                assertEquals(fragmentByte(seed, i), data.get(i), "fragment " + seed + " byte " + i);
            }
        }
    }

    @Test
    void lendsBodiesInPlaceThatStayIntactUntilItAnnouncesReuse() throws Exception {
        Random random = new Random(1);
        List<byte[]> pdus = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int length = random.nextInt(4) == 0 ? 1 + random.nextInt(200) : 16_000 + random.nextInt(378);
            lengths.add(length);
            pdus.add(pDataTf(i, length));
        }
        List<Lent> held = new ArrayList<>();
        int[] reuses = {0};
        Runnable beforeReuse = () -> {
            held.forEach(Lent::check); // nothing lent was overwritten yet
            held.clear();
            reuses[0]++;
        };
        ChoppyChannel channel = new ChoppyChannel(concat(pdus), 40_000);
        PduReader reader = new PduReader(reusing(channel, 16_384, beforeReuse), 16_384,
                PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        for (int i = 0; i < pdus.size(); i++) {
            PDataTf pdu = (PDataTf) reader.read(true);
            PresentationDataValue pdv = pdu.values().get(0);
            assertEquals(lengths.get(i), pdv.length());
            assertTrue(pdv.data().isDirect(), "lent in place, not copied");
            Lent lent = new Lent(pdv.data(), i);
            lent.check();
            held.add(lent);
        }
        held.forEach(Lent::check);
        assertNull(reader.read(true), "the end of the stream between PDUs");
        assertTrue(reuses[0] > 10 && reuses[0] < 300 / 2, "several bodies per reuse: " + reuses[0]);
    }

    @Test
    void aReadThatCompletesABodyTakesAtMostTheNextHeaderBeyondIt() throws Exception {
        List<byte[]> pdus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pdus.add(pDataTf(i, 16_378));
        }
        ChoppyChannel channel = new ChoppyChannel(concat(pdus), 1 << 20); // the whole stream is waiting
        PduReader reader = new PduReader(plain(channel, 16_384), 16_384,
                PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        for (int i = 0; i < pdus.size(); i++) {
            assertEquals(16_378, ((PDataTf) reader.read(true)).values().get(0).length());
        }
        // one read per PDU: none of them asks for more than a body and two headers
        assertTrue(channel.asked.size() <= pdus.size() + 2, channel.asked.toString());
        assertTrue(channel.asked.stream().allMatch(n -> n <= 16_384 + 2 * Pdu.HEADER_LENGTH), channel.asked.toString());
    }

    @Test
    void beforeAReadThatMayWaitItRunsTheWaitingTaskAndOnlyThen() throws Exception {
        List<byte[]> pdus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pdus.add(pDataTf(i, 16_378));
        }
        // all waiting: every read takes what it asks for, and none may wait
        ChoppyChannel full = new ChoppyChannel(concat(pdus), Integer.MAX_VALUE); // pieces of any size: whole
        int[] waits = {0};
        PduReader reader = new PduReader(new ChannelInput(full, noSpin(), 16_384, () -> { }, () -> waits[0]++), 16_384,
                PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        for (int i = 0; i < pdus.size(); i++) {
            reader.read(true);
        }
        assertEquals(1, waits[0], "once, before the first read (nothing read yet): " + full.asked);

        // in pieces: before each read that follows a short one the task runs, lent bodies intact
        boolean[] waited = {false};
        List<Boolean> waitedBeforeRead = new ArrayList<>();
        ChoppyChannel pieces = new ChoppyChannel(concat(pdus), 3000) {
            @Override
            public int read(ByteBuffer dst) {
                waitedBeforeRead.add(waited[0]);
                waited[0] = false;
                return super.read(dst);
            }
        };
        List<Lent> held = new ArrayList<>();
        List<Integer> heldAtWait = new ArrayList<>();
        reader = new PduReader(new ChannelInput(pieces, noSpin(), 16_384, held::clear, () -> {
            held.forEach(Lent::check);
            heldAtWait.add(held.size());
            waited[0] = true;
        }), 16_384, PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        for (int i = 0; i < pdus.size(); i++) {
            held.add(new Lent(((PDataTf) reader.read(true)).values().get(0).data(), i));
        }
        int shortReads = 0;
        for (int i = 0; i < pieces.asked.size(); i++) {
            boolean afterShortRead = i == 0 || pieces.got.get(i - 1) < pieces.asked.get(i - 1);
            shortReads += afterShortRead && i > 0 ? 1 : 0;
            assertEquals(afterShortRead, waitedBeforeRead.get(i), "read " + i + " of " + pieces.asked.size());
        }
        assertTrue(shortReads > pdus.size(), "the pieces were short: " + shortReads);
        assertTrue(heldAtWait.stream().anyMatch(n -> n > 0), "it runs while bodies are lent: " + heldAtWait);
    }

    @Test
    void growsOnlyForLongBodies() throws Exception {
        List<byte[]> pdus = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pdus.add(pDataTf(i, 80)); // C-ECHO sized
        }
        ChannelInput input = plain(new ChoppyChannel(concat(pdus), 500), 16_384);
        PduReader reader = new PduReader(input, 16_384, PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        for (int i = 0; i < pdus.size(); i++) {
            reader.read(true);
        }
        assertEquals(16_384 + 2 * Pdu.HEADER_LENGTH, input.capacity(), "one PDU and two headers");

        ChannelInput grown = plain(new ChoppyChannel(pDataTf(1, 16_000), 500), 16_384);
        new PduReader(grown, 16_384, PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH).read(true);
        assertEquals(ChannelInput.GATHERED_PDUS * (16_384 + Pdu.HEADER_LENGTH) + Pdu.HEADER_LENGTH, grown.capacity());
    }

    @Test
    void copiesOutBodiesLongerThanItLendsAndThoseNobodyMayReuse() throws Exception {
        int longBody = ChannelInput.MAX_IN_PLACE + 1000;
        byte[] stream = concat(List.of(pDataTf(3, longBody), pDataTf(4, 16_000)));
        PduReader reader = new PduReader(plain(new ChoppyChannel(stream, 70_000), 0), 0,
                PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        PresentationDataValue copied = ((PDataTf) reader.read(true)).values().get(0);
        assertFalse(copied.data().isDirect());
        new Lent(copied.data(), 3).check();
        PresentationDataValue kept = ((PDataTf) reader.read(false)).values().get(0); // a watcher may keep it
        assertFalse(kept.data().isDirect());
        new Lent(kept.data(), 4).check();
    }

    @Test
    void aStreamThatEndsInsideABodyFailsAsTruncated() throws Exception {
        byte[] pdu = pDataTf(5, 10_000);
        byte[] cut = java.util.Arrays.copyOf(pdu, pdu.length - 100);
        PduReader reader = new PduReader(plain(new ChoppyChannel(cut, 3000), 16_384),
                16_384, PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        assertThrows(EOFException.class, () -> reader.read(true));
    }

    @Test
    void theRawBytesOfALentPduCanStillBeHadAndDecodedAgain() throws Exception {
        byte[] pdu = pDataTf(6, 12_000);
        PduReader reader = new PduReader(plain(new ChoppyChannel(pdu, 5000), 16_384),
                16_384, PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        PDataTf lent = (PDataTf) reader.read(true);
        assertArrayEquals(pdu, reader.lastPduBytes());
        PDataTf detached = (PDataTf) reader.lastPduDetached();
        assertFalse(detached.values().get(0).data().isDirect());
        assertEquals(lent, detached, "the same PDVs, wherever their bytes lie");
    }

    @Test
    void anInterruptedCallersReadsAndWritesKeepTheChannelOpenAndItsStatus() throws Exception {
        // A requestor's caller reads its own responses: a channel would close itself on I/O by a
        // thread whose interrupt status is set, where a socket stream never did.
        java.nio.channels.Pipe pipe = java.nio.channels.Pipe.open();
        try {
            ChannelOutput out = new ChannelOutput(pipe.sink(), 16_448);
            PduReader reader = new PduReader(plain(pipe.source(), 16_384), 16_384,
                    PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
            byte[] pdu = pDataTf(9, 100);
            Thread.currentThread().interrupt();
            out.write(pdu, 0, pdu.length);
            out.flush();
            assertTrue(Thread.currentThread().isInterrupted(), "the status is given back after the write");
            new Lent(((PDataTf) reader.read(true)).values().get(0).data(), 9).check();
            assertTrue(Thread.interrupted(), "and after the read");

            byte[] second = pDataTf(7, 300);
            ByteBuffer value = ByteBuffer.allocateDirect(300).put(second, 12, 300).flip();
            Thread.currentThread().interrupt();
            out.write(second, 0, 12);
            out.writeAfterBuffered(value);
            assertTrue(Thread.interrupted(), "given back after a gathered write too");
            assertFalse(value.hasRemaining());
            new Lent(((PDataTf) reader.read(true)).values().get(0).data(), 7).check();

            out.write(pDataTf(5, 0), 0, 12);
            out.writeAfterBuffered(ByteBuffer.allocateDirect(0));
            assertEquals(0, ((PDataTf) reader.read(true)).values().get(0).length(), "an empty value still goes");

            byte[] third = pDataTf(3, 200);
            ByteBuffer whole = ByteBuffer.allocateDirect(third.length).put(third).flip();
            Thread.currentThread().interrupt();
            out.writeAfterBuffered(whole); // nothing buffered: a plain write
            assertTrue(Thread.interrupted(), "given back after a plain write of direct memory");
            new Lent(((PDataTf) reader.read(true)).values().get(0).data(), 3).check();
            assertTrue(pipe.source().isOpen() && pipe.sink().isOpen());
        } finally {
            Thread.interrupted();
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void aHandlerThatReadsTheAssociationAgainLeavesTheRestOfItsPdusValuesIntact() throws Exception {
        // One PDU carries two requests; the first one's handler sends a request of its own on the
        // association and reads its answer (a nested read): the buffer is reused under the second
        // request's command, which must have been copied out first
        byte[] first = echo(1);
        byte[] second = echo(2);
        byte[] outer = new org.netdicom.core.pdu.PduEncoder().encode(new PDataTf(
                PresentationDataValue.of(1, 0x03, first), PresentationDataValue.of(1, 0x03, second)));
        List<byte[]> stream = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // earlier data: the buffer has grown, and the outer PDU lies far into it
            stream.add(pDataTf(i, 16_378));
        }
        stream.add(outer);
        for (int i = 0; i < 6; i++) { // the answers the handler reads: they fill the buffer again from its start
            stream.add(pDataTf(10 + i, 16_378));
        }
        java.util.concurrent.atomic.AtomicReference<org.netdicom.core.dimse.MessageAssembler> assembler =
                new java.util.concurrent.atomic.AtomicReference<>();
        PduReader reader = new PduReader(new ChannelInput(new ChoppyChannel(concat(stream), 1 << 20),
                noSpin(), 16_384, () -> assembler.get().releaseInPlaceData(), () -> { }), 16_384,
                PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
        List<Integer> messageIds = new ArrayList<>();
        assembler.set(new org.netdicom.core.dimse.MessageAssembler(message -> {
            messageIds.add(message.command().getInt(org.netdicom.core.dimse.CommandTag.MESSAGE_ID, -1));
            if (messageIds.size() == 1) {
                try {
                    for (int i = 0; i < 6; i++) { // the nested reads
                        new Lent(((PDataTf) reader.read(true)).values().get(0).data(), 10 + i).check();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, (contextId, command) -> {
            throw new AssertionError("no data set here");
        }));
        for (int i = 0; i < 3; i++) {
            reader.read(true);
        }

        assembler.get().accept((PDataTf) reader.read(true));

        assertEquals(List.of(1, 2), messageIds);
    }

    private static byte[] echo(int messageId) {
        return new org.netdicom.core.dimse.CommandSet()
                .put(org.netdicom.core.dimse.CommandTag.COMMAND_FIELD, org.netdicom.core.dimse.CommandField.C_ECHO_RQ)
                .put(org.netdicom.core.dimse.CommandTag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .put(org.netdicom.core.dimse.CommandTag.MESSAGE_ID, messageId)
                .put(org.netdicom.core.dimse.CommandTag.COMMAND_DATA_SET_TYPE, 0x0101).encode();
    }
}
