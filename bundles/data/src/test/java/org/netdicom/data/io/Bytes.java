package org.netdicom.data.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds byte fixtures by hand, little or big endian. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    private Bytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static Bytes le() {
        return new Bytes(false);
    }

    static Bytes be() {
        return new Bytes(true);
    }

    Bytes u16(int v) {
        if (bigEndian) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    Bytes u32(long v) {
        int x = (int) v;
        if (bigEndian) {
            u16(x >>> 16).u16(x);
        } else {
            u16(x).u16(x >>> 16);
        }
        return this;
    }

    Bytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    Bytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    Bytes raw(int... b) {
        for (int x : b) {
            out.write(x);
        }
        return this;
    }

    /** Explicit VR header with a 16-bit length. */
    Bytes shortHeader(int tag, String vr, int length) {
        return tag(tag).ascii(vr).u16(length);
    }

    /** Explicit VR header with reserved bytes and a 32-bit length. */
    Bytes longHeader(int tag, String vr, long length) {
        return tag(tag).ascii(vr).u16(0).u32(length);
    }

    /** Implicit VR header. */
    Bytes implicitHeader(int tag, long length) {
        return tag(tag).u32(length);
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
