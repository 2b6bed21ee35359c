package org.netdicom.data.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import org.netdicom.data.Tag;

/**
 * A buffered input with its own byte array, so that reading a header is array access and not a
 * virtual call per byte. Tracks the absolute offset for error messages. Never allocates from a
 * length it has not checked: large values grow their array as bytes actually arrive.
 */
final class ByteSource {
    private static final int BUFFER_SIZE = 64 * 1024;
    /** Values up to this size are allocated at once; larger ones grow as data arrives. */
    private static final int EAGER_ALLOCATION = 8 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    /** Offset of buf[0] in the input. */
    private long base;

    ByteSource(InputStream in, long startOffset) {
        this.in = in;
        this.base = startOffset;
    }

    long offset() {
        return base + pos;
    }

    /** Tries to buffer {@code n} bytes (n &lt;= buffer size); false if the input ends first. */
    boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                return false;
            }
            limit += r;
        }
        return true;
    }

    void require(int n, String what) throws IOException {
        if (!ensure(n)) {
            throw new DicomFormatException("stream ends inside " + what + ": " + n + " bytes needed, "
                    + (limit - pos) + " left", offset());
        }
    }

    boolean atEnd() throws IOException {
        return !ensure(1);
    }

    int u8(int ahead) {
        return buf[pos + ahead] & 0xFF;
    }

    int u16(int ahead, boolean bigEndian) {
        int p = pos + ahead;
        return bigEndian ? (buf[p] & 0xFF) << 8 | (buf[p + 1] & 0xFF) : (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8;
    }

    int i32(int ahead, boolean bigEndian) {
        int p = pos + ahead;
        return bigEndian
                ? (buf[p] & 0xFF) << 24 | (buf[p + 1] & 0xFF) << 16 | (buf[p + 2] & 0xFF) << 8 | (buf[p + 3] & 0xFF)
                : (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8 | (buf[p + 2] & 0xFF) << 16 | (buf[p + 3] & 0xFF) << 24;
    }

    void skip(int n) {
        pos += n;
    }

    /**
     * Reads exactly {@code length} bytes. Arrays above a few megabytes are grown as bytes arrive,
     * so a length that lies about a truncated stream costs at most twice the bytes really there.
     */
    byte[] read(int length, int tag) throws IOException {
        long start = offset();
        byte[] dst = new byte[Math.min(length, EAGER_ALLOCATION)];
        int filled = 0;
        while (filled < length) {
            if (filled == dst.length) {
                dst = Arrays.copyOf(dst, (int) Math.min(length, (long) dst.length * 2));
            }
            int want = dst.length - filled;
            int buffered = limit - pos;
            if (buffered > 0) {
                int n = Math.min(buffered, want);
                System.arraycopy(buf, pos, dst, filled, n);
                pos += n;
                filled += n;
            } else if (want >= BUFFER_SIZE) {
                int r = in.read(dst, filled, want);
                if (r < 0) {
                    throw truncated(tag, length, filled, start);
                }
                base += r; // bytes that went past the buffer still count
                filled += r;
            } else if (!ensure(1)) {
                throw truncated(tag, length, filled, start);
            }
        }
        return dst;
    }

    /** The message is built only on failure: no string work per element on the hot path. */
    private DicomFormatException truncated(int tag, int length, int filled, long start) {
        String what = tag == Tag.ITEM ? "pixel data fragment" : "value of " + Tag.toString(tag);
        return new DicomFormatException("stream ends inside " + what + ": value of " + length
                + " bytes starting at " + start + " has only " + filled, offset());
    }

    /** The unread rest of the input, buffered bytes first. */
    InputStream remaining() {
        InputStream rest = new ByteArrayInputStream(Arrays.copyOfRange(buf, pos, limit));
        base += limit;
        pos = 0;
        limit = 0;
        return new SequenceInputStream(rest, in);
    }
}
