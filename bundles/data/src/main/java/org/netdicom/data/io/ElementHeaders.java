package org.netdicom.data.io;

import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/**
 * Encodes data element headers (PS3.5 7.1.1 to 7.1.3) and item headers (PS3.5 7.5) into a byte
 * array; one encoder for {@link DicomWriter} and {@link Transcoder}.
 */
final class ElementHeaders {
    /** The longest header: tag, VR, two reserved bytes and a 32-bit length. */
    static final int MAX_SIZE = 12;

    private ElementHeaders() {
    }

    /**
     * Writes the header of element {@code tag} at {@code b[p]} and returns the position after it;
     * {@code length} is the 32-bit length field ({@code 0xFFFFFFFF}: undefined).
     *
     * @throws IllegalArgumentException if the length does not fit the 16-bit field of {@code vr}
     */
    static int element(byte[] b, int p, int tag, VR vr, int length, boolean explicitVr, boolean bigEndian) {
        p = put16(b, p, tag >>> 16, bigEndian);
        p = put16(b, p, tag, bigEndian);
        if (!explicitVr) {
            return put32(b, p, length, bigEndian);
        }
        b[p++] = (byte) (vr.code() >>> 8);
        b[p++] = (byte) vr.code();
        if (vr.hasLongLength()) {
            b[p++] = 0;
            b[p++] = 0;
            return put32(b, p, length, bigEndian);
        }
        if ((length & 0xFFFFFFFFL) > 0xFFFF) {
            throw new IllegalArgumentException(Tag.toString(tag) + ": value of " + (length & 0xFFFFFFFFL)
                    + " bytes does not fit the 16-bit length of VR " + vr);
        }
        return put16(b, p, length, bigEndian);
    }

    /** Writes an item, item delimitation or sequence delimitation header (no VR in any syntax). */
    static int item(byte[] b, int p, int tag, int length, boolean bigEndian) {
        p = put16(b, p, tag >>> 16, bigEndian);
        p = put16(b, p, tag, bigEndian);
        return put32(b, p, length, bigEndian);
    }

    static int put16(byte[] b, int p, int v, boolean bigEndian) {
        if (bigEndian) {
            b[p] = (byte) (v >>> 8);
            b[p + 1] = (byte) v;
        } else {
            b[p] = (byte) v;
            b[p + 1] = (byte) (v >>> 8);
        }
        return p + 2;
    }

    static int put32(byte[] b, int p, int v, boolean bigEndian) {
        return bigEndian ? put16(b, put16(b, p, v >>> 16, true), v, true) : put16(b, put16(b, p, v, false), v >>> 16, false);
    }
}
