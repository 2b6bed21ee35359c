package org.netdicom.data.dict;

/**
 * A transfer syntax and the encoding properties a codec needs (PS3.5 section 10 and Annex A).
 * Instances come from {@link UidRegistry}; the constants here are the ones a codec handles
 * natively. Two transfer syntaxes are equal when their UIDs are.
 */
public final class TransferSyntax {
    // Defined here rather than taken from the registry so that class initialisation has no cycle;
    // the registry hands out these same instances for their UIDs.
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(
            new UidEntry("1.2.840.10008.1.2", UidType.TRANSFER_SYNTAX, "ImplicitVRLittleEndian",
                    "Implicit VR Little Endian", false), "IL");
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(
            new UidEntry("1.2.840.10008.1.2.1", UidType.TRANSFER_SYNTAX, "ExplicitVRLittleEndian",
                    "Explicit VR Little Endian", false), "EL");
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(
            new UidEntry("1.2.840.10008.1.2.1.99", UidType.TRANSFER_SYNTAX, "DeflatedExplicitVRLittleEndian",
                    "Deflated Explicit VR Little Endian", false), "ELD");
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN = new TransferSyntax(
            new UidEntry("1.2.840.10008.1.2.2", UidType.TRANSFER_SYNTAX, "ExplicitVRBigEndian",
                    "Explicit VR Big Endian", true), "EBR");

    /** The constant with this UID, or null: without the registry (UidRegistry answers these by it). */
    static TransferSyntax predefined(String uid) {
        if (uid == null) {
            return null;
        }
        return switch (uid) {
            case "1.2.840.10008.1.2" -> IMPLICIT_VR_LITTLE_ENDIAN;
            case "1.2.840.10008.1.2.1" -> EXPLICIT_VR_LITTLE_ENDIAN;
            case "1.2.840.10008.1.2.1.99" -> DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            case "1.2.840.10008.1.2.2" -> EXPLICIT_VR_BIG_ENDIAN;
            default -> null;
        };
    }

    private final UidEntry entry;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;
    private final boolean referencedPixelData;

    TransferSyntax(UidEntry entry, String flags) {
        this.entry = entry;
        this.explicitVr = flags.indexOf('E') >= 0;
        this.bigEndian = flags.indexOf('B') >= 0;
        this.deflated = flags.indexOf('D') >= 0;
        this.encapsulated = flags.indexOf('C') >= 0;
        this.referencedPixelData = flags.indexOf('N') >= 0;
        if (explicitVr == (flags.indexOf('I') >= 0)) {
            throw new IllegalArgumentException("transfer syntax " + entry.uid() + " needs exactly one of I, E");
        }
    }

    /**
     * A transfer syntax not in the registry (a private one): by PS3.5 A.4 anything unknown is
     * assumed to be Explicit VR Little Endian with encapsulated pixel data.
     */
    public static TransferSyntax unknown(String uid) {
        return new TransferSyntax(new UidEntry(uid, UidType.TRANSFER_SYNTAX, "", "Unknown transfer syntax", false), "ELC");
    }

    public String uid() {
        return entry.uid();
    }

    public String keyword() {
        return entry.keyword();
    }

    public String name() {
        return entry.name();
    }

    public boolean isRetired() {
        return entry.retired();
    }

    public boolean isExplicitVr() {
        return explicitVr;
    }

    public boolean isBigEndian() {
        return bigEndian;
    }

    /** True if the data set after the file meta information is deflated (RFC 1951, no zlib header). */
    public boolean isDeflated() {
        return deflated;
    }

    /** True if Pixel Data is encapsulated: fragments in items after a Basic Offset Table item (PS3.5 A.4). */
    public boolean isEncapsulated() {
        return encapsulated;
    }

    /** True for the JPIP transfer syntaxes, where pixel data is referenced, not carried. */
    public boolean isPixelDataReferenced() {
        return referencedPixelData;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferSyntax t && t.uid().equals(uid());
    }

    @Override
    public int hashCode() {
        return uid().hashCode();
    }

    @Override
    public String toString() {
        return entry.name() + " (" + entry.uid() + ")";
    }
}
