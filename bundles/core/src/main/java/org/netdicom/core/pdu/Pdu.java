package org.netdicom.core.pdu;

/**
 * One DICOM Upper Layer Protocol Data Unit (PS3.8 9.3). The {@link #toString()} of every PDU is
 * a one-line summary meant for debug logging.
 */
public sealed interface Pdu
        permits AAssociateRq, AAssociateAc, AAssociateRj, PDataTf, AReleaseRq, AReleaseRp, AAbort {

    int A_ASSOCIATE_RQ = 0x01;
    int A_ASSOCIATE_AC = 0x02;
    int A_ASSOCIATE_RJ = 0x03;
    int P_DATA_TF = 0x04;
    int A_RELEASE_RQ = 0x05;
    int A_RELEASE_RP = 0x06;
    int A_ABORT = 0x07;

    /** Length of the PDU header: PDU-type, reserved byte, 4-byte PDU-length (PS3.8 9.3.1). */
    int HEADER_LENGTH = 6;

    /** The PDU-type byte, 0x01 to 0x07. */
    int type();

    /** True for the seven PDU types defined by PS3.8 9.3. */
    static boolean isKnownType(int type) {
        return type >= A_ASSOCIATE_RQ && type <= A_ABORT;
    }

    /** The standard's name of a PDU type, or {@code "PDU type 0xNN"} for an unknown one. */
    static String typeName(int type) {
        switch (type) {
            case A_ASSOCIATE_RQ: return "A-ASSOCIATE-RQ";
            case A_ASSOCIATE_AC: return "A-ASSOCIATE-AC";
            case A_ASSOCIATE_RJ: return "A-ASSOCIATE-RJ";
            case P_DATA_TF: return "P-DATA-TF";
            case A_RELEASE_RQ: return "A-RELEASE-RQ";
            case A_RELEASE_RP: return "A-RELEASE-RP";
            case A_ABORT: return "A-ABORT";
            default: return "PDU type " + Hex.byteValue(type);
        }
    }
}
