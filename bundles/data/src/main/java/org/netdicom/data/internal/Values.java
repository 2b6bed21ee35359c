package org.netdicom.data.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/**
 * Conversions between encoded values (bytes in little endian order, as the data model keeps
 * them) and Java values: strings split on backslash with padding removed, and binary numbers.
 * Pure functions; no state.
 */
public final class Values {
    private static final String[] NO_STRINGS = new String[0];

    private Values() {
    }

    // ---- character values -------------------------------------------------------------------

    /**
     * Splits a character value into its values (on backslash for multi-valued VRs) and strips
     * the padding and non-significant spaces of PS3.5 Table 6.2-1. An empty value gives an empty array.
     */
    public static String[] strings(byte[] value, VR vr, Charset cs) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == ' ' || value[end - 1] == 0)) {
            end--;
        }
        if (end == 0) {
            return NO_STRINGS;
        }
        String s = new String(value, 0, end, vr == VR.UI || vr == VR.AE || vr == VR.CS || vr == VR.DA
                || vr == VR.DS || vr == VR.DT || vr == VR.IS || vr == VR.TM || vr == VR.AS
                ? StandardCharsets.ISO_8859_1 : cs);
        if (!vr.isMultiValuedString() || s.indexOf('\\') < 0) {
            return new String[] {trim(s, vr)};
        }
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\\') {
                parts.add(trim(s.substring(start, i), vr));
                start = i + 1;
            }
        }
        return parts.toArray(NO_STRINGS);
    }

    private static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        int start = 0;
        if (vr.trimsLeadingSpaces()) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    /** Joins values with backslash, encodes them and pads to even length with the VR's padding byte. */
    public static byte[] encodeStrings(String[] values, VR vr, Charset cs) {
        String joined = values.length == 1 ? values[0] : String.join("\\", values);
        byte[] b = joined.getBytes(vr == VR.UI ? StandardCharsets.US_ASCII : cs);
        return padded(b, vr.padding());
    }

    public static byte[] padded(byte[] b, byte pad) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] p = new byte[b.length + 1];
        System.arraycopy(b, 0, p, 0, b.length);
        p[b.length] = pad;
        return p;
    }

    // ---- binary values ----------------------------------------------------------------------

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static int i32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    public static long i64(byte[] b, int off) {
        return (i32(b, off) & 0xFFFFFFFFL) | ((long) i32(b, off + 4)) << 32;
    }

    public static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    public static void put32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    public static void put64(byte[] b, int off, long v) {
        put32(b, off, (int) v);
        put32(b, off + 4, (int) (v >>> 32));
    }

    /** The number of values in an encoded value of this VR (value multiplicity as stored). */
    public static int count(byte[] value, VR vr, Charset cs) {
        if (value.length == 0) {
            return 0;
        }
        switch (vr.kind()) {
            case BINARY:
                // OW, OF, OD, OL, OV hold one value however long; AT counts tag pairs
                return vr.name().charAt(0) == 'O' ? 1 : value.length / (vr == VR.AT ? 4 : vr.unitSize());
            case STRING:
                return strings(value, vr, cs).length == 0 ? 0 : countBackslashes(value) + 1;
            default:
                return 1;
        }
    }

    private static int countBackslashes(byte[] value) {
        int n = 0;
        for (byte b : value) {
            if (b == '\\') {
                n++;
            }
        }
        return n;
    }

    /** Whether the value is read as signed or unsigned integers. */
    public static long[] longs(byte[] v, VR vr) {
        switch (vr) {
            case US: case OW: {
                long[] r = new long[v.length / 2];
                for (int i = 0; i < r.length; i++) {
                    r[i] = u16(v, 2 * i);
                }
                return r;
            }
            case SS: {
                long[] r = new long[v.length / 2];
                for (int i = 0; i < r.length; i++) {
                    r[i] = (short) u16(v, 2 * i);
                }
                return r;
            }
            case UL: case OL: {
                long[] r = new long[v.length / 4];
                for (int i = 0; i < r.length; i++) {
                    r[i] = i32(v, 4 * i) & 0xFFFFFFFFL;
                }
                return r;
            }
            case SL: {
                long[] r = new long[v.length / 4];
                for (int i = 0; i < r.length; i++) {
                    r[i] = i32(v, 4 * i);
                }
                return r;
            }
            case SV: case UV: case OV: {
                long[] r = new long[v.length / 8];
                for (int i = 0; i < r.length; i++) {
                    r[i] = i64(v, 8 * i);
                }
                return r;
            }
            case AT: {
                long[] r = new long[v.length / 4];
                for (int i = 0; i < r.length; i++) {
                    r[i] = (u16(v, 4 * i) << 16 | u16(v, 4 * i + 2)) & 0xFFFFFFFFL;
                }
                return r;
            }
            case FL: case OF: case FD: case OD: {
                double[] d = doubles(v, vr);
                long[] r = new long[d.length];
                for (int i = 0; i < d.length; i++) {
                    r[i] = (long) d[i];
                }
                return r;
            }
            case IS: case DS: {
                String[] s = strings(v, vr, StandardCharsets.ISO_8859_1);
                long[] r = new long[s.length];
                for (int i = 0; i < s.length; i++) {
                    r[i] = vr == VR.IS ? Long.parseLong(stripPlus(s[i])) : (long) Double.parseDouble(s[i]);
                }
                return r;
            }
            default:
                throw new IllegalArgumentException("no integer values in VR " + vr);
        }
    }

    public static double[] doubles(byte[] v, VR vr) {
        switch (vr) {
            case FL: case OF: {
                double[] r = new double[v.length / 4];
                for (int i = 0; i < r.length; i++) {
                    r[i] = Float.intBitsToFloat(i32(v, 4 * i));
                }
                return r;
            }
            case FD: case OD: {
                double[] r = new double[v.length / 8];
                for (int i = 0; i < r.length; i++) {
                    r[i] = Double.longBitsToDouble(i64(v, 8 * i));
                }
                return r;
            }
            case DS: case IS: {
                String[] s = strings(v, vr, StandardCharsets.ISO_8859_1);
                double[] r = new double[s.length];
                for (int i = 0; i < s.length; i++) {
                    r[i] = Double.parseDouble(stripPlus(s[i]));
                }
                return r;
            }
            default: {
                long[] l = longs(v, vr);
                double[] r = new double[l.length];
                for (int i = 0; i < l.length; i++) {
                    r[i] = vr == VR.UV || vr == VR.OV ? unsignedToDouble(l[i]) : l[i];
                }
                return r;
            }
        }
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    private static String stripPlus(String s) {
        return s.startsWith("+") ? s.substring(1) : s;
    }

    /** Encodes integers in a binary VR (little endian) or as IS/DS text. */
    public static byte[] encodeLongs(long[] values, VR vr) {
        switch (vr) {
            case US: case SS: case OW: {
                byte[] b = new byte[values.length * 2];
                for (int i = 0; i < values.length; i++) {
                    checkRange(values[i], vr == VR.SS ? Short.MIN_VALUE : 0, vr == VR.SS ? Short.MAX_VALUE : 0xFFFF, vr);
                    put16(b, 2 * i, (int) values[i]);
                }
                return b;
            }
            case UL: case SL: case OL: {
                byte[] b = new byte[values.length * 4];
                for (int i = 0; i < values.length; i++) {
                    checkRange(values[i], vr == VR.SL ? Integer.MIN_VALUE : 0,
                            vr == VR.SL ? Integer.MAX_VALUE : 0xFFFFFFFFL, vr);
                    put32(b, 4 * i, (int) values[i]);
                }
                return b;
            }
            case SV: case UV: case OV: {
                byte[] b = new byte[values.length * 8];
                for (int i = 0; i < values.length; i++) {
                    put64(b, 8 * i, values[i]);
                }
                return b;
            }
            case AT: {
                byte[] b = new byte[values.length * 4];
                for (int i = 0; i < values.length; i++) {
                    put16(b, 4 * i, (int) (values[i] >>> 16));
                    put16(b, 4 * i + 2, (int) values[i]);
                }
                return b;
            }
            case FL: case FD: case OF: case OD: {
                double[] d = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    d[i] = values[i];
                }
                return encodeDoubles(d, vr);
            }
            case IS: case DS: {
                String[] s = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    s[i] = Long.toString(values[i]);
                }
                return encodeStrings(s, vr, StandardCharsets.US_ASCII);
            }
            default:
                throw new IllegalArgumentException("cannot store integers in VR " + vr);
        }
    }

    private static void checkRange(long v, long min, long max, VR vr) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " does not fit in VR " + vr);
        }
    }

    /** Encodes floating point numbers in FL/FD/OF/OD (little endian) or as DS text. */
    public static byte[] encodeDoubles(double[] values, VR vr) {
        switch (vr) {
            case FL: case OF: {
                byte[] b = new byte[values.length * 4];
                for (int i = 0; i < values.length; i++) {
                    put32(b, 4 * i, Float.floatToIntBits((float) values[i]));
                }
                return b;
            }
            case FD: case OD: {
                byte[] b = new byte[values.length * 8];
                for (int i = 0; i < values.length; i++) {
                    put64(b, 8 * i, Double.doubleToLongBits(values[i]));
                }
                return b;
            }
            case DS: {
                String[] s = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    s[i] = formatDecimalString(values[i]);
                }
                return encodeStrings(s, vr, StandardCharsets.US_ASCII);
            }
            default: {
                long[] l = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != Math.rint(values[i])) {
                        throw new IllegalArgumentException(values[i] + " is not an integer for VR " + vr);
                    }
                    l[i] = (long) values[i];
                }
                return encodeLongs(l, vr);
            }
        }
    }

    /** The shortest text for a DS value that fits in 16 characters (PS3.5 Table 6.2-1). */
    public static String formatDecimalString(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("DS cannot hold " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits >= 0; digits--) {
            String e = String.format(Locale.ROOT, "%." + digits + "E", v);
            int ePos = e.indexOf('E');
            String mantissa = e.substring(0, ePos);
            if (mantissa.indexOf('.') >= 0) {
                int end = mantissa.length();
                while (mantissa.charAt(end - 1) == '0') {
                    end--;
                }
                if (mantissa.charAt(end - 1) == '.') {
                    end--;
                }
                mantissa = mantissa.substring(0, end);
            }
            s = mantissa + "E" + Integer.parseInt(e.substring(ePos + 1));
            if (s.length() <= 16) {
                return s;
            }
        }
        throw new IllegalArgumentException("DS cannot hold " + v + " in 16 characters");
    }

    /** A value for display: strings as they are, binary numbers in decimal (AT as a tag). */
    public static String[] displayStrings(byte[] v, VR vr, Charset cs, int max) {
        if (vr.isString()) {
            return strings(v, vr, cs);
        }
        if (vr == VR.OB || vr == VR.UN) {
            int n = Math.min(v.length, max);
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                r[i] = String.format(Locale.ROOT, "%02x", v[i] & 0xFF);
            }
            return r;
        }
        if (vr == VR.AT) {
            long[] l = longs(v, vr);
            String[] r = new String[Math.min(l.length, max)];
            for (int i = 0; i < r.length; i++) {
                r[i] = Tag.toString((int) l[i]).toLowerCase(Locale.ROOT);
            }
            return r;
        }
        if (vr == VR.OW || vr == VR.OL || vr == VR.OV) {
            int unit = vr.unitSize();
            int n = Math.min(v.length / unit, max);
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                long x = unit == 2 ? u16(v, 2 * i) : unit == 4 ? i32(v, 4 * i) & 0xFFFFFFFFL : i64(v, 8 * i);
                r[i] = String.format(Locale.ROOT, "%0" + (2 * unit) + "x", x);
            }
            return r;
        }
        if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
            double[] d = doubles(v, vr);
            String[] r = new String[Math.min(d.length, max)];
            for (int i = 0; i < r.length; i++) {
                r[i] = vr == VR.FL || vr == VR.OF ? Float.toString((float) d[i]) : Double.toString(d[i]);
            }
            return r;
        }
        long[] l = longs(v, vr);
        String[] r = new String[Math.min(l.length, max)];
        for (int i = 0; i < r.length; i++) {
            r[i] = vr == VR.UV ? Long.toUnsignedString(l[i]) : Long.toString(l[i]);
        }
        return r;
    }
}
