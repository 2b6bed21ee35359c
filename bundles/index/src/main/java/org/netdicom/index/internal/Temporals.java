package org.netdicom.index.internal;

import org.netdicom.data.VR;

/**
 * DA, TM and DT values as fixed-width strings that compare in time order, for range matching
 * (PS3.4 C.2.2.2.5). A value of lower precision stands for an interval: as a lower bound it is
 * padded with its earliest instant, as an upper bound with its latest ({@code 1030} runs to
 * 10:30:59.999999). The legacy forms {@code YYYY.MM.DD} and {@code HH:MM:SS} are accepted. A DT's
 * UTC offset is ignored (values are compared as written).
 */
final class Temporals {

    private static final String DA_LOW = "00000101";
    private static final String DA_HIGH = "99991231";
    private static final String TM_LOW = "000000.000000";
    private static final String TM_HIGH = "235959.999999";

    private Temporals() {
    }

    /** {@code value} padded to full precision as the start ({@code high} false) or end of its interval; null if malformed. */
    static String normalize(VR vr, String value, boolean high) {
        String v = value.strip();
        return switch (vr) {
            case DA -> date(v.replace(".", ""), high);
            case TM -> time(v.replace(":", ""), high);
            case DT -> dateTime(v, high);
            default -> throw new IllegalArgumentException("not a temporal VR: " + vr);
        };
    }

    static String date(String v, boolean high) {
        if (!digits(v, 0, v.length()) || (v.length() != 4 && v.length() != 6 && v.length() != 8)) {
            return null;
        }
        return v + (high ? DA_HIGH : DA_LOW).substring(v.length());
    }

    static String time(String v, boolean high) {
        int dot = v.indexOf('.');
        String whole = dot < 0 ? v : v.substring(0, dot);
        String fraction = dot < 0 ? "" : v.substring(dot + 1);
        if (!digits(whole, 0, whole.length()) || whole.length() % 2 != 0 || whole.length() == 0 || whole.length() > 6
                || !digits(fraction, 0, fraction.length()) || fraction.length() > 6
                || (dot >= 0 && whole.length() != 6)) {
            return null;
        }
        String pad = high ? TM_HIGH : TM_LOW;
        if (dot < 0) {
            return whole + pad.substring(whole.length());
        }
        return whole + "." + fraction + pad.substring(7 + fraction.length());
    }

    static String dateTime(String v, boolean high) {
        int offset = Math.max(v.indexOf('+'), v.indexOf('-', 1));
        if (offset > 0) {
            v = v.substring(0, offset);
        }
        if (v.length() <= 8) {
            String date = date(v, high);
            return date == null ? null : date + (high ? TM_HIGH : TM_LOW);
        }
        String date = date(v.substring(0, 8), high);
        String time = time(v.substring(8), high);
        return date == null || time == null ? null : date + time;
    }

    /** A date and a time (either may be null: its whole day) as a DT bound. */
    static String combine(String date, String time, boolean high) {
        String d = date == null ? (high ? DA_HIGH : DA_LOW) : date;
        String t = time == null ? (high ? TM_HIGH : TM_LOW) : time;
        return d + t;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
