package org.netdicom.shell;

/** How long ago something happened, the way a console shows it: {@code 45s}, {@code 3m 07s}, {@code 2h 05m}, {@code 4d 01h}. */
final class Ages {

    private Ages() {
    }

    static String since(long epochMillis, long now) {
        if (epochMillis <= 0) {
            return "-";
        }
        long s = Math.max(0, (now - epochMillis) / 1000);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format("%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return String.format("%dd %02dh", s / 86400, s % 86400 / 3600);
    }
}
