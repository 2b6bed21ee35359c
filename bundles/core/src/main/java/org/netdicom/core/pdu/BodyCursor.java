package org.netdicom.core.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bounds-checked big-endian reads over one region of a PDU body: the whole body, or one item
 * inside it. Every read checks against the region's end, so a length field can never make the
 * decoder read past its enclosing item or PDU. Errors report their offset from the start of the
 * PDU header.
 */
final class BodyCursor {

    private final byte[] buf;
    private final int end;
    /** Array index of the PDU's first header byte (may be negative: the header is not in the array). */
    private final int pduStart;
    private int pos;

    /** A cursor over a PDU body of {@code length} bytes at {@code offset}. */
    BodyCursor(byte[] buf, int offset, int length) {
        this(buf, offset, offset + length, offset - Pdu.HEADER_LENGTH);
    }

    private BodyCursor(byte[] buf, int pos, int end, int pduStart) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
        this.pduStart = pduStart;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    int remaining() {
        return end - pos;
    }

    /** Array index of the next byte, for values that keep a slice of the body. */
    int arrayPosition() {
        return pos;
    }

    /** Offset of the next byte from the start of the PDU, for messages. */
    long offset() {
        return (long) pos - pduStart;
    }

    int u8(String field) throws PduFormatException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    int u16(String field) throws PduFormatException {
        need(2, field);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String field) throws PduFormatException {
        need(4, field);
        long v = ((buf[pos] & 0xFFL) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    void skip(int n, String field) throws PduFormatException {
        need(n, field);
        pos += n;
    }

    /** The next {@code n} bytes as a cursor of their own; this cursor moves past them. */
    BodyCursor slice(int n, String field) throws PduFormatException {
        need(n, field);
        BodyCursor item = new BodyCursor(buf, pos, pos + n, pduStart);
        pos += n;
        return item;
    }

    /** An item or sub-item of the A-ASSOCIATE PDUs: its type, the offset of its first byte, a cursor over its value. */
    record Item(int type, long offset, BodyCursor value) {
    }

    /**
     * Reads the 4-byte header of the next item (item-type, reserved or version byte, 16-bit
     * item-length; PS3.8 9.3.2) and returns the item with its value sliced out of this region.
     */
    Item nextItem(String what) throws PduFormatException {
        long start = offset();
        int type = u8(what + "-type");
        skip(1, "reserved");
        int length = u16(what + "-length");
        return new Item(type, start, slice(length, what + " " + Hex.byteValue(type) + " of item-length " + length));
    }

    byte[] bytes(int n, String field) throws PduFormatException {
        need(n, field);
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    /** All bytes left in this region. */
    byte[] rest() {
        byte[] b = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return b;
    }

    /**
     * A 16-byte AE title field without its leading and trailing spaces, which PS3.8 9.3.2 declares
     * insignificant; trailing NULs, which some peers pad with, go too.
     */
    String aeTitle(String field) throws PduFormatException {
        need(FieldChecks.AE_TITLE_LENGTH, field);
        int from = pos;
        int to = pos + FieldChecks.AE_TITLE_LENGTH;
        pos = to;
        while (from < to && buf[from] == ' ') {
            from++;
        }
        while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == 0)) {
            to--;
        }
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code n} bytes of UID or other ISO 646 text, without trailing NULs and spaces: UIDs must not
     * be padded (PS3.8 Annex F) but some peers pad them to even length as in a data set.
     */
    String text(int n, String field) throws PduFormatException {
        need(n, field);
        int from = pos;
        int to = pos + n;
        pos = to;
        while (to > from && (buf[to - 1] == 0 || buf[to - 1] == ' ')) {
            to--;
        }
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Text filling the rest of this region. */
    String restAsText(String field) throws PduFormatException {
        return text(remaining(), field);
    }

    /** Fails unless the region has been read to its end: for items whose length is fixed by their fields. */
    void requireEnd(String what) throws PduFormatException {
        if (pos != end) {
            throw error(what + " has " + (end - pos) + " unexpected bytes at its end");
        }
    }

    PduFormatException error(String message) {
        return new PduFormatException(message, offset());
    }

    private void need(int n, String field) throws PduFormatException {
        if (n < 0 || n > end - pos) {
            throw error(field + " needs " + n + " bytes but only " + (end - pos) + " remain in its enclosing "
                    + "item or PDU");
        }
    }
}
