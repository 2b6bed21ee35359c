package org.netdicom.tools.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;

/**
 * Transfer syntaxes named on the command line by UID, by keyword ({@code ExplicitVRLittleEndian})
 * or by a short name: {@code implicit}, {@code explicit}, {@code big}, {@code deflated}.
 */
public final class TransferSyntaxNames {

    public static final String IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    public static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    public static final String BIG = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid();
    public static final String DEFLATED = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid();

    private TransferSyntaxNames() {
    }

    /** The UID of a named transfer syntax; IllegalArgumentException (exit code 1) if unknown. */
    public static String uid(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "implicit": return IMPLICIT;
            case "explicit": return EXPLICIT;
            case "big": return BIG;
            case "deflated": return DEFLATED;
            default: break;
        }
        if (UidRegistry.transferSyntax(name) != null) {
            return name;
        }
        for (TransferSyntax ts : UidRegistry.transferSyntaxes()) {
            if (ts.keyword().equalsIgnoreCase(name)) {
                return ts.uid();
            }
        }
        throw new IllegalArgumentException("unknown transfer syntax: " + name
                + " (give a UID, a keyword such as ExplicitVRLittleEndian, or implicit, explicit, big, deflated)");
    }

    public static List<String> uids(List<String> names) {
        List<String> uids = new ArrayList<>();
        for (String n : names) {
            String uid = uid(n);
            if (!uids.contains(uid)) {
                uids.add(uid);
            }
        }
        return uids;
    }

    /** Whether the data bundle converts {@code uid} to and from the other uncompressed syntaxes. */
    public static boolean isUncompressed(String uid) {
        return uid.equals(IMPLICIT) || uid.equals(EXPLICIT) || uid.equals(BIG) || uid.equals(DEFLATED);
    }

    /** Short readable name of a transfer syntax for messages. */
    public static String nameOf(String uid) {
        TransferSyntax ts = UidRegistry.transferSyntax(uid);
        return ts == null ? uid : ts.keyword();
    }
}
