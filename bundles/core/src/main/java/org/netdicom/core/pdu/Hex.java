package org.netdicom.core.pdu;

/** Renders bytes for {@code toString()} and error messages; never used on the data path. */
final class Hex {

    /** Longest byte run rendered in full; longer ones are cut and their length is shown. */
    static final int MAX_SHOWN = 32;

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /** {@code 0x4A} for 74; values outside a byte are shown in full. */
    static String byteValue(int value) {
        if ((value & ~0xFF) != 0) {
            return "0x" + Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        }
        return "0x" + DIGITS[(value >> 4) & 0xF] + DIGITS[value & 0xF];
    }

    /** Hex digits of {@code len} bytes, at most {@link #MAX_SHOWN} of them, then {@code ...(n bytes)}. */
    static String bytes(byte[] buf, int off, int len) {
        int shown = Math.min(len, MAX_SHOWN);
        StringBuilder sb = new StringBuilder(shown * 2 + 16);
        for (int i = 0; i < shown; i++) {
            int b = buf[off + i];
            sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
        }
        if (shown < len) {
            sb.append("...(").append(len).append(" bytes)");
        }
        return sb.toString();
    }

    static String bytes(byte[] buf) {
        return bytes(buf, 0, buf.length);
    }
}
