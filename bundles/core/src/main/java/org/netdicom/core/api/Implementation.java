package org.netdicom.core.api;

/** How netdicom identifies itself to peers (PS3.7 D.3.3.2 and D.3.3.3). */
public final class Implementation {

    /** A 2.25 UUID-derived UID (PS3.5 B.2), fixed for netdicom. */
    public static final String CLASS_UID = "2.25.338625098750908960327969964687268693230";

    /** At most 16 characters of the default repertoire. */
    public static final String VERSION_NAME = "NETDICOM_010";

    private Implementation() {
    }
}
