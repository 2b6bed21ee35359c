package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
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
 * A 300 MB instance is written, read and written again with a heap of 64 MB: the failsafe
 * execution {@code large-instance} in the pom forks this class alone with {@code -Xmx64m}, so any
 * step that held the pixel data in memory would end in an {@code OutOfMemoryError}. The heap
 * limit is asserted first, so the test fails instead of passing vacuously if the fork loses it.
 */
class LargeInstanceIT {
    private static final long PIXEL_BYTES = 300L * 1024 * 1024;
    private static final long MAX_HEAP = 64L * 1024 * 1024;

    @Test
    void readsAndWritesA300MegabyteInstanceWithFlatHeap(@TempDir Path dir) throws IOException {
        assertTrue(Runtime.getRuntime().maxMemory() <= MAX_HEAP,
                "run with -Xmx64m (failsafe execution large-instance); max heap is " + Runtime.getRuntime().maxMemory());
        resetPeaks();

        Dataset d = new Dataset();
        d.setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7.3");
        d.setString("SOPInstanceUID", "2.25.300");
        d.setInt("Rows", 1024).setInt("Columns", 1024).setInt("NumberOfFrames", 150);
        d.setInt("BitsAllocated", 16);
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

        long peak = peakHeapUsed();
        assertTrue(peak < 48L * 1024 * 1024, "peak heap use " + peak + " bytes for a " + PIXEL_BYTES + "-byte value");
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
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return md.digest();
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
