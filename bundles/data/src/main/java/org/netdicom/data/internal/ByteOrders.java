package org.netdicom.data.internal;

/** Byte order conversion of encoded binary values, shared by the reader, the writer and bulk data. */
public final class ByteOrders {
    private ByteOrders() {
    }

    /** Reverses the byte order of each {@code unit}-byte value in {@code b[0..length)} in place. */
    public static void swap(byte[] b, int length, int unit) {
        swap(b, 0, length, unit);
    }

    /** Reverses the byte order of each {@code unit}-byte value in {@code b[from..from+length)} in place. */
    public static void swap(byte[] b, int from, int length, int unit) {
        int n = from + length - length % unit;
        switch (unit) {
            case 1:
                break;
            case 2:
                for (int i = from; i < n; i += 2) {
                    byte t = b[i];
                    b[i] = b[i + 1];
                    b[i + 1] = t;
                }
                break;
            case 4:
                for (int i = from; i < n; i += 4) {
                    byte t = b[i];
                    b[i] = b[i + 3];
                    b[i + 3] = t;
                    t = b[i + 1];
                    b[i + 1] = b[i + 2];
                    b[i + 2] = t;
                }
                break;
            case 8:
                for (int i = from; i < n; i += 8) {
                    for (int k = 0; k < 4; k++) {
                        byte t = b[i + k];
                        b[i + k] = b[i + 7 - k];
                        b[i + 7 - k] = t;
                    }
                }
                break;
            default:
                throw new IllegalArgumentException("unit " + unit);
        }
    }
}
