package org.netdicom.tools.common;

import java.time.Duration;

import org.netdicom.core.api.ApplicationEntity;

import picocli.CommandLine.Option;

/** Maximum PDU length and timeouts, named as in DCMTK (-pdu, -to, -ta, -td) and pynetdicom. */
public final class NetworkOptions {

    @Option(names = {"--max-pdu", "-pdu"}, paramLabel = "BYTES",
            description = "Largest PDU we receive, 4096 or more, 0 = unlimited (default: ${DEFAULT-VALUE}).")
    int maxPdu = 16384;

    @Option(names = {"--connect-timeout", "-to"}, paramLabel = "SECONDS",
            description = "Time allowed to open the TCP connection (default: ${DEFAULT-VALUE}).")
    double connectTimeout = 30;

    @Option(names = {"--acse-timeout", "-ta"}, paramLabel = "SECONDS",
            description = "Time allowed for association negotiation and release (default: ${DEFAULT-VALUE}).")
    double acseTimeout = 30;

    @Option(names = {"--dimse-timeout", "-td"}, paramLabel = "SECONDS",
            description = "Time allowed for each DIMSE response (default: ${DEFAULT-VALUE}).")
    double dimseTimeout = 30;

    /** Applies these settings; a bad value fails with IllegalArgumentException (exit code 1). */
    public ApplicationEntity applyTo(ApplicationEntity ae) {
        ae.maximumPduLength(maxPdu);
        ae.connectionTimeout(seconds(connectTimeout, "--connect-timeout"));
        ae.acseTimeout(seconds(acseTimeout, "--acse-timeout"));
        ae.dimseTimeout(seconds(dimseTimeout, "--dimse-timeout"));
        // The idle limit must not cut a DIMSE wait short.
        ae.networkTimeout(seconds(Math.max(60, Math.max(acseTimeout, dimseTimeout) * 2), "network timeout"));
        return ae;
    }

    private static Duration seconds(double value, String option) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(option + " must be positive, not " + value);
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }
}
