package org.netdicom.storage.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an attribute value (a Patient ID, a UID: whatever the peer sent) into one safe file or
 * folder name. The result is never empty, never {@code .} or {@code ..}, never starts with a dot
 * (no hidden files; temporary files start with one), holds only {@code A-Z a-z 0-9 . _ -} and no
 * {@code ..}, does not
 * end with a dot (Windows drops it), is not a name Windows reserves, and is at most
 * {@value #MAX_LENGTH} characters. A valid UID comes out unchanged.
 */
public final class PathComponent {

    /** What a missing or empty value becomes. */
    public static final String UNKNOWN = "UNKNOWN";
    /** Longest name made; a longer value is cut and ends with a hash of the whole value. */
    public static final int MAX_LENGTH = 100;

    private static final int HASH_CHARS = 8;
    private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "CONIN$", "CONOUT$");

    private PathComponent() {
    }

    /** {@code value} as a safe name; {@value #UNKNOWN} for null or blank. */
    public static String of(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        String v = value.strip(); // DICOM pads values with spaces
        StringBuilder name = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean secondDot = c == '.' && !name.isEmpty() && name.charAt(name.length() - 1) == '.';
            name.append(isSafe(c) && !secondDot ? c : '_'); // no ".." anywhere, not even inside a name
        }
        if (name.charAt(0) == '.') {
            name.setCharAt(0, '_'); // no hidden files, no "." or ".."
        }
        int last = name.length() - 1;
        if (name.charAt(last) == '.') {
            name.setCharAt(last, '_');
        }
        String safe = name.toString();
        String stem = safe.contains(".") ? safe.substring(0, safe.indexOf('.')) : safe;
        if (WINDOWS_RESERVED.contains(stem.toUpperCase(Locale.ROOT))) {
            safe = "_" + safe;
        }
        if (safe.length() > MAX_LENGTH) {
            safe = safe.substring(0, MAX_LENGTH - HASH_CHARS - 1) + "-" + hash(v, HASH_CHARS);
        }
        return safe;
    }

    /** Whether {@code name} is what {@link #of} makes of some value (a configured literal is checked with it). */
    public static boolean isSafe(String name) {
        return !name.isEmpty() && of(name).equals(name);
    }

    private static boolean isSafe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_';
    }

    /** The first {@code chars} hex digits of the SHA-256 of {@code value} in UTF-8. */
    public static String hash(String value, int chars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, Math.min(chars, 64));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
