package org.netdicom.core.service;

/** Status codes (0000,0900) used by the built-in services (PS3.7 Annex C). */
public final class DimseStatus {

    public static final int SUCCESS = 0x0000;
    /** PS3.7 C.5.10: the operation is not recognised or not supported. */
    public static final int UNRECOGNIZED_OPERATION = 0x0211;

    private DimseStatus() {
    }
}
