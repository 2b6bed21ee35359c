package org.netdicom.data.dict;

/** The kinds of UIDs in PS3.6 Table A-1. */
public enum UidType {
    TRANSFER_SYNTAX("ts"),
    SOP_CLASS("sop"),
    META_SOP_CLASS("meta"),
    SERVICE_CLASS("service"),
    WELL_KNOWN_SOP_INSTANCE("instance"),
    WELL_KNOWN_FRAME_OF_REFERENCE("frame"),
    APPLICATION_CONTEXT_NAME("context"),
    CODING_SCHEME("coding");

    private final String code;

    UidType(String code) {
        this.code = code;
    }

    static UidType ofCode(String code) {
        for (UidType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown UID type " + code);
    }
}
