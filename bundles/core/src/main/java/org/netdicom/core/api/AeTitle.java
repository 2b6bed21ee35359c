package org.netdicom.core.api;

/**
 * Validation of Application Entity titles (PS3.5 6.2, VR "AE"): at most 16 characters from the
 * default character repertoire, no backslash, no control characters, not only spaces. Leading and
 * trailing spaces are not significant and are removed.
 */
public final class AeTitle {

    /** Maximum length of an AE title (PS3.5 Table 6.2-1). */
    public static final int MAX_LENGTH = 16;

    private AeTitle() {
    }

    /**
     * Returns {@code title} without leading and trailing spaces.
     *
     * @throws IllegalArgumentException naming the rule that {@code title} breaks
     */
    public static String requireValid(String title) {
        if (title == null) {
            throw new IllegalArgumentException("AE title is missing");
        }
        String trimmed = title.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("AE title is empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("AE title '" + trimmed + "' is longer than "
                    + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\\') {
                throw new IllegalArgumentException("AE title '" + trimmed + "' contains a backslash");
            }
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("AE title contains the character U+"
                        + String.format("%04X", (int) c) + ", outside the default repertoire");
            }
        }
        return trimmed;
    }
}
