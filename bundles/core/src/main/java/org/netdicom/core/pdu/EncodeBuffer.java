package org.netdicom.core.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Growable big-endian byte buffer for encoding association PDUs. Length fields are written as
 * placeholders and patched when their item is complete, so nothing is measured twice.
 */
final class EncodeBuffer {

    private byte[] buf = new byte[512];
    private int pos;

    int position() {
        return pos;
    }

    void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void u32(long v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void zeros(int n) {
        ensure(n);
        pos += n; // new array space is already zero and is never reused
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** ISO 646 text (UIDs, names) without padding; PS3.8 Annex F: UIDs are not padded. */
    void ascii(String s) {
        bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An AE title in a 16-byte field, padded with trailing spaces (PS3.8 9.3.2). */
    void aeTitle(String title) {
        ensure(FieldChecks.AE_TITLE_LENGTH);
        int n = title.length();
        for (int i = 0; i < FieldChecks.AE_TITLE_LENGTH; i++) {
            buf[pos++] = i < n ? (byte) title.charAt(i) : (byte) ' ';
        }
    }

    /** Starts an item: type, reserved byte, 2-byte length placeholder. Returns the mark for {@link #endItem}. */
    int beginItem(int type) {
        return beginItem(type, 0);
    }

    /** Like {@link #beginItem(int)} with a value for byte 2 (the Sub-Item-version of item 0x57). */
    int beginItem(int type, int secondByte) {
        u8(type);
        u8(secondByte);
        int mark = pos;
        u16(0);
        return mark;
    }

    /** Patches the 16-bit item length written at {@code mark}. */
    void endItem(int mark, String what) {
        int len = pos - mark - 2;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException(what + " is " + len + " bytes, more than an item can hold (65535)");
        }
        buf[mark] = (byte) (len >>> 8);
        buf[mark + 1] = (byte) len;
    }

    /** Writes a 16-bit length prefix and the text (sub-fields of items 0x54, 0x56, 0x57). */
    void lengthPrefixed(String s, String what) {
        lengthPrefixed(s.getBytes(StandardCharsets.ISO_8859_1), what);
    }

    void lengthPrefixed(byte[] b, String what) {
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException(what + " is " + b.length + " bytes, more than 65535");
        }
        u16(b.length);
        bytes(b);
    }

    /** Patches the 32-bit PDU length at {@code mark} (the PDU header's bytes 3-6). */
    void endPdu(int mark) {
        long len = pos - mark - 4L;
        buf[mark] = (byte) (len >>> 24);
        buf[mark + 1] = (byte) (len >>> 16);
        buf[mark + 2] = (byte) (len >>> 8);
        buf[mark + 3] = (byte) len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
