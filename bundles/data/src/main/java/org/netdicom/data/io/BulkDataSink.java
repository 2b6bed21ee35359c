package org.netdicom.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netdicom.data.BulkData;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/**
 * Receives the large values a {@link DicomReader} does not load (see
 * {@link DicomReader#bulkData(long, BulkDataSink)}): Pixel Data and other OB, OW, OF, OD, OL, OV
 * and UN values of defined length at or above the reader's threshold.
 *
 * <p>The sink gets the element's tag and VR, the offset of the value's first byte in the reader's
 * input (the file offset for a Part 10 file that is not deflated), the value length, whether its
 * multi-byte units are big endian, and a stream of exactly the value's bytes. It may read all,
 * part or none of the stream: the reader skips what is left (by seeking where the input can).
 * It returns the {@link BulkData} to keep in the data set in place of the value, or {@code null}
 * to leave the element out. An exception from the sink ends the read and reaches the caller.
 */
@FunctionalInterface
public interface BulkDataSink {
    BulkData accept(int tag, VR vr, long offset, long length, boolean bigEndian, InputStream value) throws IOException;

    /**
     * Keeps each value as a reference into {@code file}, which must be the reader's input (offsets
     * count from its first byte); nothing is read. Fails with a {@link DicomFormatException} if a
     * value would run past the end of the file (a truncated file).
     */
    static BulkDataSink reference(Path file) throws IOException {
        long size = Files.size(file);
        return (tag, vr, offset, length, bigEndian, value) -> {
            if (offset + length > size) {
                throw new DicomFormatException("value of " + length + " bytes of "
                        + Tag.toString(tag) + " runs past the end of the file (" + size + " bytes)", offset);
            }
            return BulkData.ofFile(file, offset, length, bigEndian);
        };
    }

    /**
     * Copies each value to a new file in {@code dir} and refers to it there; for inputs that are
     * not files (deflated data sets, network streams). The caller owns the files.
     */
    static BulkDataSink spool(Path dir) {
        return (tag, vr, offset, length, bigEndian, value) -> {
            Path f = Files.createTempFile(dir, "bulk-" + String.format("%08x", tag) + "-", ".raw");
            long copied;
            try (OutputStream out = Files.newOutputStream(f)) {
                copied = value.transferTo(out);
            }
            if (copied != length) {
                throw new DicomFormatException("stream ends inside value of " + Tag.toString(tag)
                        + ": " + copied + " of " + length + " bytes", offset + copied);
            }
            return BulkData.ofFile(f, 0, length, bigEndian);
        };
    }
}
