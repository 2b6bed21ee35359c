package org.netdicom.data.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * DA, TM and DT text to and from java.time (PS3.5 Table 6.2-1). Parsing is by hand: no regex,
 * no formatter objects, and a clear message naming the text when it is not a complete value.
 */
public final class Temporals {
    private Temporals() {
    }

    public static LocalDate parseDate(String s) {
        String t = s.length() == 10 && s.charAt(4) == '.' && s.charAt(7) == '.'
                ? s.substring(0, 4) + s.substring(5, 7) + s.substring(8) // ACR-NEMA YYYY.MM.DD
                : s;
        if (t.length() != 8) {
            throw new IllegalArgumentException("not a complete DA value (YYYYMMDD): '" + s + "'");
        }
        try {
            return LocalDate.of(digits(t, 0, 4, s), digits(t, 4, 6, s), digits(t, 6, 8, s));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid date: '" + s + "'", e);
        }
    }

    public static LocalTime parseTime(String s) {
        int n = s.length();
        if (n != 2 && n != 4 && n < 6) {
            throw new IllegalArgumentException("not a TM value (HH[MM[SS[.F{1,6}]]]): '" + s + "'");
        }
        try {
            int hour = digits(s, 0, 2, s);
            int minute = n >= 4 ? digits(s, 2, 4, s) : 0;
            int second = n >= 6 ? Math.min(59, digits(s, 4, 6, s)) : 0; // a leap second 60 reads as 59
            int nanos = 0;
            if (n > 6) {
                if (s.charAt(6) != '.' || n > 13 || n == 7) {
                    throw new IllegalArgumentException("not a TM value: '" + s + "'");
                }
                int frac = digits(s, 7, n, s);
                for (int k = n - 7; k < 9; k++) {
                    frac *= 10;
                }
                nanos = frac;
            }
            return LocalTime.of(hour, minute, second, nanos);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid time: '" + s + "'", e);
        }
    }

    public static LocalDateTime parseDateTime(String s) {
        int end = s.length();
        for (int i = 8; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                end = i; // &ZZXX offset: not part of the local date-time
                break;
            }
        }
        if (end < 8) {
            throw new IllegalArgumentException("DT value names no complete date: '" + s + "'");
        }
        LocalDate date = parseDate(s.substring(0, 8));
        LocalTime time = end == 8 ? LocalTime.MIDNIGHT : parseTime(s.substring(8, end));
        return LocalDateTime.of(date, time);
    }

    public static String formatDate(LocalDate d) {
        return pad(d.getYear(), 4) + pad(d.getMonthValue(), 2) + pad(d.getDayOfMonth(), 2);
    }

    /** HHMMSS, with .FFFFFF only when there are fractional seconds. */
    public static String formatTime(LocalTime t) {
        String s = pad(t.getHour(), 2) + pad(t.getMinute(), 2) + pad(t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        return micros == 0 ? s : s + "." + pad(micros, 6);
    }

    public static String formatDateTime(LocalDateTime dt) {
        return formatDate(dt.toLocalDate()) + formatTime(dt.toLocalTime());
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static int digits(String t, int from, int to, String whole) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i + " in '" + whole + "'");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
