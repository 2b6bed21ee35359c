package org.netdicom.data;

/**
 * The 34 Value Representations of DICOM PS3.5 section 6.2, with the facts a codec needs: the byte
 * that pads a value to even length, the size of the length field in Explicit VR encodings (PS3.5
 * 7.1.2), the maximum length of one value, the size of one binary value (for byte swapping and
 * value multiplicity) and the kind of content.
 *
 * <p>{@link #isValid(String)} checks one value (not a backslash-separated list) against the
 * character repertoire and the length limit of PS3.5 Table 6.2-1.
 */
public enum VR {
    AE(Kind.STRING, ' ', false, 16, 0),
    AS(Kind.STRING, ' ', false, 4, 0),
    AT(Kind.BINARY, 0, false, 4, 2),
    CS(Kind.STRING, ' ', false, 16, 0),
    DA(Kind.STRING, ' ', false, 8, 0),
    DS(Kind.STRING, ' ', false, 16, 0),
    DT(Kind.STRING, ' ', false, 26, 0),
    FD(Kind.BINARY, 0, false, 8, 8),
    FL(Kind.BINARY, 0, false, 4, 4),
    IS(Kind.STRING, ' ', false, 12, 0),
    LO(Kind.STRING, ' ', false, 64, 0),
    LT(Kind.TEXT, ' ', false, 10240, 0),
    OB(Kind.BYTES, 0, true, -1, 1),
    OD(Kind.BINARY, 0, true, -1, 8),
    OF(Kind.BINARY, 0, true, -1, 4),
    OL(Kind.BINARY, 0, true, -1, 4),
    OV(Kind.BINARY, 0, true, -1, 8),
    OW(Kind.BINARY, 0, true, -1, 2),
    PN(Kind.STRING, ' ', false, 64, 0),
    SH(Kind.STRING, ' ', false, 16, 0),
    SL(Kind.BINARY, 0, false, 4, 4),
    SQ(Kind.SEQUENCE, 0, true, -1, 0),
    SS(Kind.BINARY, 0, false, 2, 2),
    ST(Kind.TEXT, ' ', false, 1024, 0),
    SV(Kind.BINARY, 0, true, 8, 8),
    TM(Kind.STRING, ' ', false, 14, 0),
    UC(Kind.STRING, ' ', true, -1, 0),
    UI(Kind.STRING, 0, false, 64, 0),
    UL(Kind.BINARY, 0, false, 4, 4),
    UN(Kind.BYTES, 0, true, -1, 1),
    UR(Kind.TEXT, ' ', true, -1, 0),
    US(Kind.BINARY, 0, false, 2, 2),
    UT(Kind.TEXT, ' ', true, -1, 0),
    UV(Kind.BINARY, 0, true, 8, 8);

    /** What a value of this VR holds. */
    public enum Kind {
        /** Character strings; several values are separated by a backslash. */
        STRING,
        /** Free text of one value; a backslash is an ordinary character. */
        TEXT,
        /** Fixed-size binary numbers (or AT tag pairs), byte-swapped by the transfer syntax. */
        BINARY,
        /** An opaque byte stream (OB, UN), never byte-swapped. */
        BYTES,
        /** A sequence of items. */
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            BY_CODE[index(vr.name().charAt(0), vr.name().charAt(1))] = vr;
        }
    }

    private final Kind kind;
    private final byte padding;
    private final boolean longLength;
    private final int maxLength;
    private final int unitSize;
    /** The two code characters as a big-endian 16-bit number, as they appear on the wire. */
    private final int code;

    VR(Kind kind, int padding, boolean longLength, int maxLength, int unitSize) {
        this.kind = kind;
        this.padding = (byte) padding;
        this.longLength = longLength;
        this.maxLength = maxLength;
        this.unitSize = unitSize;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    private static int index(int c0, int c1) {
        return (c0 - 'A') * 26 + (c1 - 'A');
    }

    /**
     * The VR whose two-character code is {@code c0 c1} (as read from an Explicit VR header), or
     * {@code null} if there is none.
     */
    public static VR of(int c0, int c1) {
        if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
            return null;
        }
        return BY_CODE[index(c0, c1)];
    }

    /** The VR with this two-character code, or {@code null}. */
    public static VR of(String code) {
        return code.length() == 2 ? of(code.charAt(0), code.charAt(1)) : null;
    }

    public Kind kind() {
        return kind;
    }

    /** The two code characters as a 16-bit number, first character in the high byte. */
    public int code() {
        return code;
    }

    /** The byte appended to a value of odd length: space for character VRs, NUL for UI and binary VRs. */
    public byte padding() {
        return padding;
    }

    /**
     * True if the Explicit VR header has two reserved bytes and a 32-bit length (PS3.5 Table 7.1-1),
     * false if it has a 16-bit length (Table 7.1-2).
     */
    public boolean hasLongLength() {
        return longLength;
    }

    /** The size of the explicit VR length field in bytes: 2 or 4. */
    public int lengthFieldSize() {
        return longLength ? 4 : 2;
    }

    /**
     * The maximum length of one value: bytes for fixed-size and character VRs (characters for LO,
     * LT, PN per component group, SH, ST), or -1 where only the length field limits it.
     */
    public int maxLength() {
        return maxLength;
    }

    /** The size in bytes of one binary value (the byte-swap unit; 2 for AT), 1 for OB/UN, 0 for text and SQ. */
    public int unitSize() {
        return unitSize;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** True for VRs whose values are split on backslash. */
    public boolean isMultiValuedString() {
        return kind == Kind.STRING;
    }

    /**
     * True for VRs whose leading spaces are not significant (PS3.5 Table 6.2-1); the text VRs,
     * LO, SH, PN and UC keep their leading spaces, and all character VRs drop trailing padding.
     */
    public boolean trimsLeadingSpaces() {
        switch (this) {
            case AE: case CS: case DS: case IS: case DA: case DT: case TM: case AS: case UI: case UR:
                return true;
            default:
                return false;
        }
    }

    /**
     * Checks one value (no backslash-separated list) against PS3.5 Table 6.2-1: character
     * repertoire and maximum length. Only character VRs are checked; other VRs accept any string.
     */
    public boolean isValid(String value) {
        if (maxLength > 0 && isString() && this != PN && value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!allows(c)) {
                return false;
            }
        }
        switch (this) {
            case AS:
                return value.length() == 4 && "DWMY".indexOf(value.charAt(3)) >= 0
                        && Character.isDigit(value.charAt(0)) && Character.isDigit(value.charAt(1))
                        && Character.isDigit(value.charAt(2));
            case DA:
                return value.isEmpty() || value.length() == 8;
            case PN:
                for (String group : value.split("=", -1)) {
                    if (group.length() > 64) {
                        return false;
                    }
                }
                return value.split("=", -1).length <= 3;
            default:
                return true;
        }
    }

    private boolean allows(char c) {
        switch (this) {
            case AE:
                return c >= 0x20 && c < 0x7F && c != '\\';
            case AS:
                return (c >= '0' && c <= '9') || c == 'D' || c == 'W' || c == 'M' || c == 'Y';
            case CS:
                return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '_';
            case DA:
                return c >= '0' && c <= '9';
            case DS:
                return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == 'E' || c == 'e' || c == '.' || c == ' ';
            case DT:
                return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == ' ';
            case IS:
                return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == ' ';
            case TM:
                return (c >= '0' && c <= '9') || c == '.' || c == ' ';
            case UI:
                return (c >= '0' && c <= '9') || c == '.';
            case LO: case SH: case PN: case UC:
                return c != '\\' && (c >= 0x20 || c == 0x1B);
            case LT: case ST: case UT:
                return c >= 0x20 || c == '\r' || c == '\n' || c == '\t' || c == '\f' || c == 0x1B;
            case UR:
                return c > 0x20 && c < 0x7F;
            default:
                return true;
        }
    }
}
