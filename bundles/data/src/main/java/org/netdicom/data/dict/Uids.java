package org.netdicom.data.dict;

import java.math.BigInteger;
import java.util.UUID;

/**
 * Making and checking UIDs. New UIDs are {@code 2.25.} followed by the decimal value of a random
 * (version 4) UUID, as PS3.5 B.2 allows without any registered root.
 */
public final class Uids {
    /** The UID that identifies netdicom's implementation in associations and file meta information. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.338625098750908960327969964687268693230";
    /** netdicom's implementation version name (at most 16 characters, PS3.7 D.3.3.2.2). */
    public static final String IMPLEMENTATION_VERSION_NAME = "NETDICOM_010";

    private static final int MAX_LENGTH = 64;

    private Uids() {
    }

    /** A new UID under the 2.25 root from a random UUID; at most 44 characters. */
    public static String generate() {
        return fromUuid(UUID.randomUUID());
    }

    /** The 2.25 UID of a UUID: {@code 2.25.} and the UUID as an unsigned 128-bit decimal number. */
    public static String fromUuid(UUID uuid) {
        byte[] b = new byte[17]; // leading zero byte keeps the number positive
        long hi = uuid.getMostSignificantBits();
        long lo = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[1 + i] = (byte) (hi >>> (56 - 8 * i));
            b[9 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return "2.25." + new BigInteger(b).toString();
    }

    /**
     * True if {@code uid} is a valid UID by PS3.5 9.1: 1 to 64 characters, components of digits
     * separated by single dots, no empty component, no component with a leading zero (a component
     * that is just {@code 0} is fine).
     */
    public static boolean isValid(String uid) {
        return problem(uid) == null;
    }

    /** Why {@code uid} is not a valid UID (PS3.5 9.1), or {@code null} if it is valid. */
    public static String problem(String uid) {
        if (uid == null || uid.isEmpty()) {
            return "empty UID";
        }
        if (uid.length() > MAX_LENGTH) {
            return "longer than 64 characters: " + uid.length();
        }
        int componentStart = 0;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i < uid.length() ? uid.charAt(i) : '.';
            if (c == '.') {
                if (i == componentStart) {
                    return "empty component at index " + i;
                }
                if (uid.charAt(componentStart) == '0' && i - componentStart > 1) {
                    return "component with leading zero at index " + componentStart;
                }
                componentStart = i + 1;
            } else if (c < '0' || c > '9') {
                return "character '" + c + "' at index " + i + " is neither a digit nor a dot";
            }
        }
        return null;
    }
}
