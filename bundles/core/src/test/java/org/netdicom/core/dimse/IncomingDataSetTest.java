package org.netdicom.core.dimse;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncomingDataSetTest {

    @TempDir
    Path spool;

    private static byte[] fragment(int index, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (index * 7 + i);
        }
        return b;
    }

    @Test
    void collectsFragmentsInBlocksWithoutGrowingAnArray() throws Exception {
        IncomingDataSet data = new IncomingDataSet(spool, 1 << 20, Long.MAX_VALUE, IncomingDataSet.Prefix.NONE);
        int fragments = 32;
        int length = 16372;
        for (int i = 0; i < fragments; i++) {
            data.append(fragment(i, length), 0, length);
            // a block of 16 KiB, then blocks of 128 KiB: nothing allocated beyond the next block
            assertTrue(data.capacity() < (i + 1) * length + 128 * 1024, i + ": " + data.capacity());
        }
        ReceivedDataSet received = data.finish();
        assertTrue(received.isInMemory());
        assertEquals((long) fragments * length, received.length());
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        received.writeTo(written); // from the blocks
        byte[] all = written.toByteArray();
        assertEquals(fragments * length, all.length);
        for (int i = 0; i < fragments; i++) {
            byte[] expected = fragment(i, length);
            for (int j = 0; j < length; j++) {
                assertEquals(expected[j], all[i * length + j], "fragment " + i + " byte " + j);
            }
        }
        try (InputStream in = received.open()) { // from the blocks, in place
            assertArrayEquals(all, in.readAllBytes());
        }
        try (InputStream in = received.open()) {
            java.io.ByteArrayOutputStream transferred = new java.io.ByteArrayOutputStream();
            assertEquals(16_000, in.skip(16_000));
            assertEquals(all[16_000] & 0xFF, in.read());
            assertEquals(all.length - 16_001, in.transferTo(transferred));
            assertArrayEquals(java.util.Arrays.copyOfRange(all, 16_001, all.length), transferred.toByteArray());
            assertEquals(-1, in.read());
        }
        assertArrayEquals(all, received.array(), "joined into one array of the exact size");
        try (InputStream in = received.open()) {
            assertArrayEquals(all, in.readAllBytes());
        }
    }

    @Test
    void neverGrowsPastTheMemoryLimitAndSpoolsBeyondIt() throws Exception {
        IncomingDataSet data = new IncomingDataSet(spool, 40_000, Long.MAX_VALUE, () -> new byte[] {'P', 'F'});
        data.append(fragment(0, 16_000), 0, 16_000);
        data.append(fragment(1, 16_000), 0, 16_000);
        assertTrue(data.capacity() <= 40_000, Integer.toString(data.capacity()));
        data.append(fragment(2, 16_000), 0, 16_000);
        assertEquals(0, data.capacity(), "spooled");
        ReceivedDataSet received = data.finish();
        assertEquals(2, received.fileOffset());
        assertEquals(48_000, received.length());
        try (InputStream in = received.open()) {
            byte[] all = in.readAllBytes();
            assertEquals(48_000, all.length);
            assertEquals(fragment(2, 16_000)[15_999], all[47_999]);
        }
        received.close();
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aSpooledDataSetsFirstBytesAreReadFromMemoryAndTheRestFromTheFile() throws Exception {
        IncomingDataSet data = new IncomingDataSet(spool, 0, Long.MAX_VALUE, () -> new byte[] {'P', 'F'});
        byte[] all = new byte[0];
        for (int i = 0; i < 5; i++) {
            byte[] f = fragment(i, 10_000);
            data.append(f, 0, f.length);
            all = concat(all, f);
        }
        ReceivedDataSet received = data.finish();
        Path file = received.file();
        try (InputStream in = received.open()) {
            byte[] head = in.readNBytes(IncomingDataSet.HEAD);
            assertArrayEquals(java.util.Arrays.copyOf(all, IncomingDataSet.HEAD), head);
            // the file is not needed for the head: overwriting its copy of those bytes changes nothing read
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(new byte[IncomingDataSet.HEAD]), 2);
            }
            assertArrayEquals(java.util.Arrays.copyOfRange(all, IncomingDataSet.HEAD, all.length), in.readAllBytes(),
                    "the rest, from the file, right after the head");
            assertEquals(-1, in.read());
        }
        Path moved = spool.resolve("moved.dcm");
        assertTrue(received.moveTo(moved));
        try (InputStream in = received.open()) {
            assertEquals(1000, in.skip(1000));
            assertEquals(all[1000] & 0xFF, in.read());
            in.skipNBytes(IncomingDataSet.HEAD);
            assertEquals(all[1001 + IncomingDataSet.HEAD] & 0xFF, in.read(), "read from the moved file");
        }
        received.close();
        assertTrue(Files.exists(moved));
    }

    @Test
    void aSpooledDataSetShorterThanTheHeadNeverOpensItsFile() throws Exception {
        IncomingDataSet data = new IncomingDataSet(spool, 0, Long.MAX_VALUE, IncomingDataSet.Prefix.NONE);
        byte[] small = fragment(3, 1000);
        data.append(small, 0, small.length);
        ReceivedDataSet received = data.finish();
        Files.delete(received.file()); // were it opened, reading would fail
        InputStream in = received.open();
        assertArrayEquals(small, in.readAllBytes());
        in.close();
        assertThrows(IOException.class, in::read, "closed, even where the head could answer");
        received.close();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void refusesADataSetLongerThanItsMaximum() throws IOException {
        IncomingDataSet data = new IncomingDataSet(spool, 1000, 1500, IncomingDataSet.Prefix.NONE);
        assertDoesNotThrow(() -> data.append(new byte[1000], 0, 1000));
        assertThrows(DimseFormatException.class, () -> data.append(new byte[1000], 0, 1000));
        data.discard();
    }

    /** The one spool file in the spool directory. */
    private Path spoolFile() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void keepsDirectFragmentsInPlaceUntilTheirBufferIsReusedThenWritesThemAfterThePrefix() throws Exception {
        IncomingDataSet data = new IncomingDataSet(spool, 0, Long.MAX_VALUE, () -> new byte[] {'P', 'F'});
        ByteBuffer lent = ByteBuffer.allocateDirect(3 * 10_000); // a reader's buffer, lent in place
        for (int i = 0; i < 3; i++) {
            lent.put(fragment(i, 10_000));
        }
        for (int i = 0; i < 3; i++) {
            data.append(lent.slice(i * 10_000, 10_000));
        }
        Path file = spoolFile();
        assertEquals(0, Files.size(file), "nothing written yet: the prefix waits with the fragments");
        data.releaseInPlaceData();
        assertEquals(2 + 30_000, Files.size(file), "one gathered write");
        lent.clear();
        while (lent.hasRemaining()) {
            lent.put((byte) 0x55); // the reader reuses its buffer
        }
        byte[] copied = fragment(3, 500);
        data.append(ByteBuffer.wrap(copied));
        copied[0] ^= 1; // an array fragment was copied: the caller may change it at once
        ByteBuffer last = ByteBuffer.allocateDirect(700).put(fragment(4, 700)).flip();
        data.append(last);
        ReceivedDataSet received = data.finish();
        byte[] expected = {'P', 'F'};
        for (int i = 0; i < 3; i++) {
            expected = concat(expected, fragment(i, 10_000));
        }
        expected = concat(concat(expected, fragment(3, 500)), fragment(4, 700));
        assertArrayEquals(expected, Files.readAllBytes(received.file()));
        assertEquals(2, received.fileOffset());
        received.close();
    }

    @Test
    void aDiscardedDataSetLeavesNoFileAndWritesNoFragmentKeptInPlace() throws Exception {
        IncomingDataSet data = new IncomingDataSet(spool, 0, Long.MAX_VALUE, IncomingDataSet.Prefix.NONE);
        ByteBuffer lent = ByteBuffer.allocateDirect(20_000).put(fragment(1, 20_000)).flip();
        data.append(lent);
        spoolFile();
        data.discard();
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(0, files.count());
        }
    }
}
