package org.netdicom.core.pdu;

/**
 * A-ABORT PDU (PS3.8 9.3.8). The reason is significant only when the source is the service
 * provider; otherwise it is sent as 0 and not tested.
 */
public record AAbort(int source, int reason) implements Pdu {

    /** DICOM UL service-user initiated abort. */
    public static final int SOURCE_SERVICE_USER = 0;
    /** DICOM UL service-provider initiated abort. */
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int REASON_UNRECOGNIZED_PDU = 1;
    public static final int REASON_UNEXPECTED_PDU = 2;
    public static final int REASON_UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int REASON_UNEXPECTED_PDU_PARAMETER = 5;
    public static final int REASON_INVALID_PDU_PARAMETER_VALUE = 6;

    public AAbort {
        FieldChecks.u8("source", source);
        FieldChecks.u8("reason", reason);
    }

    /** An abort by the service user, as the A-ABORT request primitive sends it. */
    public static AAbort byServiceUser() {
        return new AAbort(SOURCE_SERVICE_USER, REASON_NOT_SPECIFIED);
    }

    /** An abort by the service provider (the DUL) with one of the REASON_ values. */
    public static AAbort byServiceProvider(int reason) {
        return new AAbort(SOURCE_SERVICE_PROVIDER, reason);
    }

    @Override
    public int type() {
        return A_ABORT;
    }

    public static String sourceName(int source) {
        switch (source) {
            case SOURCE_SERVICE_USER: return "service-user";
            case 1: return "reserved source 1";
            case SOURCE_SERVICE_PROVIDER: return "service-provider";
            default: return "unknown source " + source;
        }
    }

    /** The name of a reason given by the service provider (PS3.8 Table 9-26). */
    public static String reasonName(int reason) {
        switch (reason) {
            case REASON_NOT_SPECIFIED: return "reason-not-specified";
            case REASON_UNRECOGNIZED_PDU: return "unrecognized-PDU";
            case REASON_UNEXPECTED_PDU: return "unexpected-PDU";
            case REASON_UNRECOGNIZED_PDU_PARAMETER: return "unrecognized-PDU-parameter";
            case REASON_UNEXPECTED_PDU_PARAMETER: return "unexpected-PDU-parameter";
            case REASON_INVALID_PDU_PARAMETER_VALUE: return "invalid-PDU-parameter-value";
            default: return "reserved reason " + reason;
        }
    }

    @Override
    public String toString() {
        return "A-ABORT[" + sourceName(source)
                + (source == SOURCE_SERVICE_PROVIDER ? ", " + reasonName(reason) : "") + ']';
    }
}
