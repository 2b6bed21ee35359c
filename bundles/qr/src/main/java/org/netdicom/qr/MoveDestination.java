package org.netdicom.qr;

import java.util.Objects;

import org.netdicom.core.api.AeTitle;

/**
 * Where a C-MOVE sends the instances when its Move Destination is {@code aeTitle}: written
 * {@code AET@host:port}, with {@code /tls} appended for a destination that speaks TLS.
 */
public record MoveDestination(String aeTitle, String host, int port, boolean tls) {

    public MoveDestination {
        AeTitle.requireValid(aeTitle);
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("move destination " + aeTitle + ": no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("move destination " + aeTitle + ": " + port + " is not a TCP port");
        }
    }

    /**
     * Parses {@code AET@host:port} or {@code AET@host:port/tls} (an IPv6 host in brackets).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static MoveDestination parse(String text) {
        String s = text.strip();
        boolean tls = false;
        if (s.toLowerCase(java.util.Locale.ROOT).endsWith("/tls")) {
            tls = true;
            s = s.substring(0, s.length() - 4);
        }
        int at = s.lastIndexOf('@');
        int colon = s.lastIndexOf(':');
        if (at <= 0 || colon < at) {
            throw new IllegalArgumentException("move destination '" + text.strip() + "' is not AET@host:port");
        }
        String host = s.substring(at + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("move destination '" + text.strip() + "': '" + s.substring(colon + 1)
                    + "' is not a port");
        }
        return new MoveDestination(s.substring(0, at).strip(), host, port, tls);
    }

    @Override
    public String toString() {
        return aeTitle + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + (tls ? "/tls" : "");
    }
}
