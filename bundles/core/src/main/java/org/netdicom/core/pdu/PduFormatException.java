package org.netdicom.core.pdu;

import java.io.IOException;

/**
 * A received PDU breaks the structure of PS3.8 9.3: an unknown PDU type, a length that does not
 * fit, a missing mandatory item. The DUL answers it with an A-ABORT (PS3.8 9.2.3, event 19);
 * {@link #abortReason()} suggests the reason to send.
 */
public class PduFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int abortReason;

    /** An invalid parameter value at {@code offset}. */
    public PduFormatException(String message, long offset) {
        this(message, offset, AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
    }

    public PduFormatException(String message, long offset, int abortReason) {
        super(message + " (at byte " + offset + " of the PDU)");
        this.offset = offset;
        this.abortReason = abortReason;
    }

    /** Zero-based offset from the first byte of the PDU header where decoding failed. */
    public long offset() {
        return offset;
    }

    /** The A-ABORT reason a service provider should send, one of {@code AAbort.REASON_*}. */
    public int abortReason() {
        return abortReason;
    }
}
