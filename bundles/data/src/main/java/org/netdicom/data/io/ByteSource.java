package org.netdicom.data.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Objects;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/**
 * A buffered input with its own byte array, so that reading a header is array access and not a
 * virtual call per byte. Tracks the absolute offset for error messages. Never allocates from a
 * length it has not checked: large values grow their array as bytes actually arrive.
 */
final class ByteSource {
    private static final int BUFFER_SIZE = 16 * 1024;
    /** Values up to this size are allocated at once; larger ones grow as data arrives. */
    private static final int EAGER_ALLOCATION = 8 * 1024 * 1024;

    private final InputStream in;
    /** The buffer, or the caller's array when the whole input is in memory (never written then). */
    private final byte[] buf;
    private final boolean wholeInput;
    private int pos;
    private int limit;
    /** Offset of buf[0] in the input. */
    private long base;

    ByteSource(InputStream in, long startOffset) {
        this.in = in;
        this.buf = new byte[BUFFER_SIZE];
        this.wholeInput = false;
        this.base = startOffset;
    }

    /**
     * The bytes {@code data[off, off + len)} as the whole input, read in place: no buffer to fill,
     * and each value is one {@code Arrays.copyOfRange} (which the JIT does without zeroing first).
     */
    ByteSource(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        this.in = InputStream.nullInputStream();
        this.buf = data;
        this.wholeInput = true;
        this.pos = off;
        this.limit = off + len;
        this.base = -off;
    }

    long offset() {
        return base + pos;
    }

    /** Tries to buffer {@code n} bytes (n &lt;= buffer size); false if the input ends first. */
    boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (wholeInput) {
            return false;
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

    /** The VR of the Explicit VR header of {@code tag} buffered at the read position (PS3.5 7.1.2). */
    VR explicitVr(int tag) throws DicomFormatException {
        VR vr = VR.of(u8(4), u8(5));
        if (vr == null) {
            throw new DicomFormatException("invalid VR bytes 0x" + Integer.toHexString(u16(4, true))
                    + " in header of " + Tag.toString(tag), offset());
        }
        return vr;
    }

    /**
     * The length field of the Explicit VR header buffered at the read position, after which it
     * skips the header: 8 bytes, or 12 for VRs with reserved bytes and a 32-bit length.
     */
    long explicitLength(VR vr, boolean bigEndian) throws IOException {
        if (vr.hasLongLength()) {
            require(12, "element header");
            long length = i32(8, bigEndian) & 0xFFFFFFFFL;
            skip(12);
            return length;
        }
        int length = u16(6, bigEndian);
        skip(8);
        return length;
    }

    /**
     * Reads exactly {@code length} bytes. Arrays above a few megabytes are grown as bytes arrive,
     * so a length that lies about a truncated stream costs at most twice the bytes really there.
     */
    byte[] read(int length, int tag) throws IOException {
        if (limit - pos >= length) { // the common case: a header-sized value already buffered
            byte[] dst = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return dst;
        }
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
    DicomFormatException truncated(int tag, long length, long filled, long start) {
        String what = tag == Tag.ITEM ? "pixel data fragment" : "value of " + Tag.toString(tag);
        return new DicomFormatException("stream ends inside " + what + ": value of " + length
                + " bytes starting at " + start + " has only " + filled, offset());
    }

    /**
     * Skips a value of {@code length} bytes without reading it into memory where the input can
     * seek (file streams skip by positioning). Fails if the input ends first; an input that skips
     * past its end without saying so is caught by the caller (see {@code BulkDataSink.reference}).
     */
    void skipValue(long length, int tag) throws IOException {
        long start = offset();
        long left = length;
        int buffered = (int) Math.min(left, limit - pos);
        pos += buffered;
        left -= buffered;
        if (left == 0) {
            return;
        }
        base += limit; // the buffer is used up: offsets continue past it
        pos = 0;
        limit = 0;
        while (left > 0) {
            long s = in.skip(left);
            if (s > 0) {
                base += s;
                left -= s;
                continue;
            }
            int r = in.read(buf, 0, (int) Math.min(left, buf.length)); // skip unsupported, or the end
            if (r < 0) {
                throw truncated(tag, length, length - left, start);
            }
            base += r;
            left -= r;
        }
    }

    /**
     * The next {@code length} bytes as a stream; reading it advances this source. A reader of a
     * large value gets it in buffer-sized pieces (or directly from the input), never as one array.
     */
    InputStream slice(long length) {
        return new Slice(length);
    }

    private final class Slice extends InputStream {
        private long left;

        Slice(long length) {
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left == 0 || !ensure(1)) {
                return -1;
            }
            left--;
            return buf[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int want = (int) Math.min(len, left);
            int buffered = limit - pos;
            if (buffered == 0 && want >= BUFFER_SIZE) {
                int r = in.read(b, off, want);
                if (r > 0) {
                    base += pos + r; // pos == limit: nothing buffered is skipped
                    pos = 0;
                    limit = 0;
                    left -= r;
                }
                return r;
            }
            if (buffered == 0) {
                if (!ensure(1)) {
                    return -1;
                }
                buffered = limit - pos;
            }
            int n = Math.min(buffered, want);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            left -= n;
            return n;
        }

        /** Bytes of the value not yet read. */
        long left() {
            return left;
        }
    }

    /** Bytes of a slice its reader left unread. */
    static long unread(InputStream slice) {
        return ((Slice) slice).left();
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
