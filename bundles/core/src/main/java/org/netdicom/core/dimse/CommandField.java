package org.netdicom.core.dimse;

/** Values of Command Field (0000,0100) (PS3.7 9.3 and 10.3); a response is its request | 0x8000. */
public final class CommandField {

    public static final int C_STORE_RQ = 0x0001;
    public static final int C_GET_RQ = 0x0010;
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_MOVE_RQ = 0x0021;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int N_EVENT_REPORT_RQ = 0x0100;
    public static final int N_GET_RQ = 0x0110;
    public static final int N_SET_RQ = 0x0120;
    public static final int N_ACTION_RQ = 0x0130;
    public static final int N_CREATE_RQ = 0x0140;
    public static final int N_DELETE_RQ = 0x0150;
    public static final int C_CANCEL_RQ = 0x0FFF;
    public static final int RESPONSE_BIT = 0x8000;
    public static final int C_ECHO_RSP = C_ECHO_RQ | RESPONSE_BIT;

    private CommandField() {
    }

    public static boolean isResponse(int commandField) {
        return (commandField & RESPONSE_BIT) != 0;
    }

    /** A readable name such as {@code C-ECHO-RQ}, or the hex value for an unknown field. */
    public static String name(int commandField) {
        String base = switch (commandField & ~RESPONSE_BIT) {
            case C_STORE_RQ -> "C-STORE";
            case C_GET_RQ -> "C-GET";
            case C_FIND_RQ -> "C-FIND";
            case C_MOVE_RQ -> "C-MOVE";
            case C_ECHO_RQ -> "C-ECHO";
            case N_EVENT_REPORT_RQ -> "N-EVENT-REPORT";
            case N_GET_RQ -> "N-GET";
            case N_SET_RQ -> "N-SET";
            case N_ACTION_RQ -> "N-ACTION";
            case N_CREATE_RQ -> "N-CREATE";
            case N_DELETE_RQ -> "N-DELETE";
            case C_CANCEL_RQ -> "C-CANCEL";
            default -> null;
        };
        if (base == null) {
            return String.format("0x%04X", commandField);
        }
        return base + (isResponse(commandField) ? "-RSP" : "-RQ");
    }
}
