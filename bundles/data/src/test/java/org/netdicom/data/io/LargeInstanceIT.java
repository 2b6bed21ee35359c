package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.data.BulkData;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;

/**
 * A 300 MB instance is written, read, written again and converted to other transfer syntaxes with
 * a heap of 64 MB: the failsafe execution {@code large-instance} in the pom forks this class alone
 * with {@code -Xmx64m}, so any step that held the pixel data in memory would end in an
 * {@code OutOfMemoryError}. The heap limit is asserted first, so the test fails instead of passing
 * vacuously if the fork loses it.
 */
class LargeInstanceIT {
    private static final long PIXEL_BYTES = 300L * 1024 * 1024;
    private static final long MAX_HEAP = 64L * 1024 * 1024;

    @Test
    void readsAndWritesA300MegabyteInstanceWithFlatHeap(@TempDir Path dir) throws IOException {
        startWithSmallHeap();

        Dataset d = multiFrameHeader();
        d.setBulkData(Tag.PIXEL_DATA, VR.OW, BulkData.ofSource(() -> new Pattern(PIXEL_BYTES), PIXEL_BYTES, false));
        Path in = dir.resolve("in.dcm");
        DicomFile.write(in, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN); // streams from the source
        assertTrue(Files.size(in) > PIXEL_BYTES);

        DicomFile f = DicomFile.read(in, 64 * 1024);
        BulkData pixels = f.dataset().getBulkData(Tag.PIXEL_DATA);
        assertEquals(PIXEL_BYTES, pixels.length());
        assertEquals(Files.size(in) - PIXEL_BYTES, pixels.offset());
        assertEquals(150, f.dataset().getInt("NumberOfFrames", 0));

        Path out = dir.resolve("out.dcm");
        DicomFile.write(out, f.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN); // streams from the file
        assertEquals(Files.size(in), Files.size(out));
        assertArrayEquals(sha256(in), sha256(out));
        try (InputStream a = pixels.openStream(); InputStream b = new Pattern(PIXEL_BYTES)) {
            assertArrayEquals(digest(b), digest(a));
        }

        assertPeakHeapBelow48Megabytes();
    }

    /** Fails unless the fork runs with -Xmx64m, and starts counting the heap's peak use. */
    private static void startWithSmallHeap() {
        assertTrue(Runtime.getRuntime().maxMemory() <= MAX_HEAP,
                "run with -Xmx64m (failsafe execution large-instance); max heap is " + Runtime.getRuntime().maxMemory());
        resetPeaks();
    }

    private static void assertPeakHeapBelow48Megabytes() {
        long peak = peakHeapUsed();
        assertTrue(peak < 48L * 1024 * 1024, "peak heap use " + peak + " bytes for a " + PIXEL_BYTES + "-byte value");
    }

    /** The elements of a 150-frame 1024 x 1024 16-bit instance without its Pixel Data. */
    private static Dataset multiFrameHeader() {
        Dataset d = new Dataset();
        d.setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7.3");
        d.setString("SOPInstanceUID", "2.25.300");
        d.setInt("Rows", 1024).setInt("Columns", 1024).setInt("NumberOfFrames", 150);
        d.setInt("BitsAllocated", 16);
        return d;
    }

    /**
     * A 300 MB Explicit VR Little Endian data set read from a stream (header bytes, then a pattern
     * generated as it is read: no file, no array) is converted to Implicit VR Little Endian with the
     * push model and to Explicit VR Big Endian with the pull model, read in 16 KiB pieces as the
     * network sender reads. Each output is checked as it streams by: its header part byte for byte
     * against what DicomWriter makes of the same elements, its pixel part by digest against the
     * pattern, swapped in 16-bit words for Big Endian.
     */
    @Test
    void transcodesA300MegabyteInstanceFromAStreamWithFlatHeap() throws IOException {
        startWithSmallHeap();

        Dataset header = multiFrameHeader();
        header.newSequence("ReferencedSeriesSequence").addNew().setString("SeriesInstanceUID", "1.2.3");
        TransferSyntax from = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        byte[] head = headerBytes(header, from);

        TransferSyntax implicit = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        HeadAndDigest il = new HeadAndDigest(headerBytes(header, implicit).length);
        Transcoder.transcode(new SequenceInputStream(new ByteArrayInputStream(head), new Pattern(PIXEL_BYTES)), from,
                il, implicit);
        assertArrayEquals(headerBytes(header, implicit), il.head.toByteArray());
        assertEquals(PIXEL_BYTES, il.pixelBytes);
        assertArrayEquals(digest(new Pattern(PIXEL_BYTES)), il.pixelDigest.digest());

        TransferSyntax big = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        HeadAndDigest eb = new HeadAndDigest(headerBytes(header, big).length);
        try (InputStream converted = Transcoder.transcoding(
                new SequenceInputStream(new ByteArrayInputStream(head), new Pattern(PIXEL_BYTES)), from, big)) {
            byte[] pdv = new byte[16 * 1024];
            for (int r; (r = converted.read(pdv)) >= 0; ) {
                eb.write(pdv, 0, r);
            }
        }
        assertArrayEquals(headerBytes(header, big), eb.head.toByteArray());
        assertEquals(PIXEL_BYTES, eb.pixelBytes);
        assertArrayEquals(digest(new WordSwapped(new Pattern(PIXEL_BYTES))), eb.pixelDigest.digest());

        assertPeakHeapBelow48Megabytes();
    }

    /** The encoding of {@code header} in {@code ts} followed by the OW header of the pixel data. */
    private static byte[] headerBytes(Dataset header, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter w = new DicomWriter(out);
        w.writeDataset(header, ts);
        w.flush();
        Bytes pixelHeader = ts.isBigEndian() ? Bytes.be() : Bytes.le();
        out.writeBytes((ts.isExplicitVr() ? pixelHeader.longHeader(Tag.PIXEL_DATA, "OW", PIXEL_BYTES)
                : pixelHeader.implicitHeader(Tag.PIXEL_DATA, PIXEL_BYTES)).toArray());
        return out.toByteArray();
    }

    /** Keeps the first {@code headLength} bytes written and digests the rest. */
    private static final class HeadAndDigest extends OutputStream {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        final MessageDigest pixelDigest = sha256();
        final int headLength;
        long pixelBytes;

        HeadAndDigest(int headLength) {
            this.headLength = headLength;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int toHead = Math.max(0, Math.min(len, headLength - head.size()));
            head.write(b, off, toHead);
            pixelDigest.update(b, off + toHead, len - toHead);
            pixelBytes += len - toHead;
        }
    }

    /** The bytes of {@code in} with each pair swapped, computed apart from the codec's own swapping. */
    private static final class WordSwapped extends InputStream {
        private final InputStream in;

        WordSwapped(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.readNBytes(b, off, len & ~1);
            for (int i = off; i + 1 < off + n; i += 2) {
                byte t = b[i];
                b[i] = b[i + 1];
                b[i + 1] = t;
            }
            return n == 0 && len > 1 ? -1 : n;
        }
    }

    /** A deterministic stream of {@code length} bytes that costs no memory. */
    private static final class Pattern extends InputStream {
        private final long length;
        private long pos;

        Pattern(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return pos < length ? (int) (pos++ * 31 >>> 3) & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (pos++ * 31 >>> 3);
            }
            return n;
        }
    }

    private static byte[] sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return digest(in);
        }
    }

    private static byte[] digest(InputStream in) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[64 * 1024];
        for (int r; (r = in.read(buf)) > 0; ) {
            md.update(buf, 0, r);
        }
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap ever in use at once. */
    private static long peakHeapUsed() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
