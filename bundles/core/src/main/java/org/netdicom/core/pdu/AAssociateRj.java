package org.netdicom.core.pdu;

/**
 * A-ASSOCIATE-RJ PDU (PS3.8 9.3.4): result, source and reason/diagnostic.
 */
public record AAssociateRj(int result, int source, int reason) implements Pdu {

    public static final int RESULT_REJECTED_PERMANENT = 1;
    public static final int RESULT_REJECTED_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    /** DICOM UL service-provider, ACSE related function. */
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    /** DICOM UL service-provider, Presentation related function. */
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    // Reasons when the source is the service-user (1).
    public static final int REASON_USER_NO_REASON_GIVEN = 1;
    public static final int REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2;
    public static final int REASON_CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
    public static final int REASON_CALLED_AE_TITLE_NOT_RECOGNIZED = 7;

    // Reasons when the source is the service-provider, ACSE related function (2).
    public static final int REASON_ACSE_NO_REASON_GIVEN = 1;
    public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 2;

    // Reasons when the source is the service-provider, Presentation related function (3).
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;

    public AAssociateRj {
        FieldChecks.u8("result", result);
        FieldChecks.u8("source", source);
        FieldChecks.u8("reason", reason);
    }

    @Override
    public int type() {
        return A_ASSOCIATE_RJ;
    }

    /** True for a transient rejection, after which the requestor may try again later. */
    public boolean isTransient() {
        return result == RESULT_REJECTED_TRANSIENT;
    }

    public static String resultName(int result) {
        switch (result) {
            case RESULT_REJECTED_PERMANENT: return "rejected-permanent";
            case RESULT_REJECTED_TRANSIENT: return "rejected-transient";
            default: return "unknown result " + result;
        }
    }

    public static String sourceName(int source) {
        switch (source) {
            case SOURCE_SERVICE_USER: return "service-user";
            case SOURCE_SERVICE_PROVIDER_ACSE: return "service-provider (ACSE)";
            case SOURCE_SERVICE_PROVIDER_PRESENTATION: return "service-provider (presentation)";
            default: return "unknown source " + source;
        }
    }

    /** The reason's name, which depends on the source (PS3.8 Table 9-21); values not listed are reserved. */
    public static String reasonName(int source, int reason) {
        if (source == SOURCE_SERVICE_USER) {
            switch (reason) {
                case REASON_USER_NO_REASON_GIVEN: return "no-reason-given";
                case REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED: return "application-context-name-not-supported";
                case REASON_CALLING_AE_TITLE_NOT_RECOGNIZED: return "calling-AE-title-not-recognized";
                case REASON_CALLED_AE_TITLE_NOT_RECOGNIZED: return "called-AE-title-not-recognized";
                default: return "reserved reason " + reason;
            }
        }
        if (source == SOURCE_SERVICE_PROVIDER_ACSE) {
            switch (reason) {
                case REASON_ACSE_NO_REASON_GIVEN: return "no-reason-given";
                case REASON_PROTOCOL_VERSION_NOT_SUPPORTED: return "protocol-version-not-supported";
                default: return "reserved reason " + reason;
            }
        }
        if (source == SOURCE_SERVICE_PROVIDER_PRESENTATION) {
            switch (reason) {
                case REASON_TEMPORARY_CONGESTION: return "temporary-congestion";
                case REASON_LOCAL_LIMIT_EXCEEDED: return "local-limit-exceeded";
                default: return "reserved reason " + reason;
            }
        }
        return "reason " + reason;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-RJ[" + resultName(result) + ", " + sourceName(source) + ", "
                + reasonName(source, reason) + ']';
    }
}
