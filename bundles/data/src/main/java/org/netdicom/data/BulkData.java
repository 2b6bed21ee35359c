package org.netdicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.netdicom.data.internal.ByteOrders;

/**
 * A value kept outside the heap: a byte range of a file, or a source that opens a stream of the
 * value's bytes. Used for Pixel Data and other large OB/OW/OF/OD/OL/OV/UN values, so that an
 * instance of several gigabytes can be read, held as a {@link Dataset} and written again without
 * its bulk values ever being in memory (the writer streams them).
 *
 * <p>The bytes are kept in the order they were read: {@link #bigEndian()} says whether the
 * multi-byte units of the value are big endian (only for OW/OF/OD/OL/OV read from Explicit VR Big
 * Endian); writers swap while streaming when the target order differs. Immutable; the referenced
 * file must not change while the dataset refers to it.
 */
public final class BulkData {
    /** Opens a new stream of a value's bytes, each call from the first byte. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final long length;
    private final boolean bigEndian;
    private final Path file;
    private final long offset;
    private final Source source;

    private BulkData(long length, boolean bigEndian, Path file, long offset, Source source) {
        if (length < 0 || length >= 0xFFFFFFFFL) {
            throw new IllegalArgumentException("value length " + length + " does not fit the 32-bit length field");
        }
        this.length = length;
        this.bigEndian = bigEndian;
        this.file = file;
        this.offset = offset;
        this.source = source;
    }

    /** The {@code length} bytes of {@code file} from {@code offset} on. */
    public static BulkData ofFile(Path file, long offset, long length, boolean bigEndian) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        return new BulkData(length, bigEndian, Objects.requireNonNull(file), offset, null);
    }

    /** A value of {@code length} bytes that {@code source} streams, e.g. from a store or a socket buffer on disk. */
    public static BulkData ofSource(Source source, long length, boolean bigEndian) {
        return new BulkData(length, bigEndian, null, 0, Objects.requireNonNull(source));
    }

    /** The value length in bytes (may be odd; writers pad it). */
    public long length() {
        return length;
    }

    /** True if the value's multi-byte units are big endian. */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** The file holding the value, or {@code null} for a stream source. */
    public Path file() {
        return file;
    }

    /** The value's offset in {@link #file()}; 0 for a stream source. */
    public long offset() {
        return offset;
    }

    /**
     * A new stream of the value's bytes as stored (see {@link #bigEndian()}). A file value reads
     * with positional reads and can be opened by several threads at once.
     */
    public InputStream openStream() throws IOException {
        return file != null ? new FileRange(FileChannel.open(file, StandardOpenOption.READ), offset, length)
                : source.open();
    }

    /** The value in memory, little endian; fails for values of 2 GiB or more. */
    public byte[] toBytes(VR vr) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a value of " + length + " bytes does not fit in an array");
        }
        byte[] b;
        try (InputStream in = openStream()) {
            b = in.readNBytes((int) length);
        }
        if (b.length != length) {
            throw new IOException("bulk data source ended after " + b.length + " of " + length + " bytes");
        }
        if (bigEndian && vr.unitSize() > 1) {
            ByteOrders.swap(b, b.length, vr.unitSize());
        }
        return b;
    }

    /** Equal if both refer to the same bytes of the same file, or are the same stream source. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BulkData d && d.length == length && d.bigEndian == bigEndian && d.offset == offset
                && Objects.equals(d.file, file) && Objects.equals(d.source, source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, offset, length, source);
    }

    @Override
    public String toString() {
        return file != null ? "BulkData " + length + " bytes at " + offset + " of " + file : "BulkData " + length + " bytes";
    }

    /** A byte range of a file channel as a stream; closes the channel. */
    private static final class FileRange extends InputStream {
        private final FileChannel ch;
        private long pos;
        private final long end;

        FileRange(FileChannel ch, long offset, long length) {
            this.ch = ch;
            this.pos = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= end) {
                return -1;
            }
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - pos)), pos);
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - pos));
            pos += k;
            return k;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
