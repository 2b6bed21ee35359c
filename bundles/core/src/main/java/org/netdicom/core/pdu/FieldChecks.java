package org.netdicom.core.pdu;

import java.util.Objects;

/**
 * Argument checks shared by the record constructors: a value must fit the PDU field that will
 * carry it, so that every record can be encoded. Failures are programming errors and throw
 * {@link IllegalArgumentException}; the decoder never produces a value that fails them.
 */
final class FieldChecks {

    /** Length of an AE title field (PS3.8 9.3.2: 16 characters, space padded). */
    static final int AE_TITLE_LENGTH = 16;

    private FieldChecks() {
    }

    static int u8(String field, int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException(field + " must be 0..255, was " + value);
        }
        return value;
    }

    static int u16(String field, int value) {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException(field + " must be 0..65535, was " + value);
        }
        return value;
    }

    static long u32(String field, long value) {
        if ((value & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException(field + " must be 0..4294967295, was " + value);
        }
        return value;
    }

    /** Non-null, at most 16 characters, each encodable as one byte. */
    static String aeTitle(String field, String title) {
        Objects.requireNonNull(title, field);
        if (title.length() > AE_TITLE_LENGTH) {
            throw new IllegalArgumentException(field + " longer than 16 characters: \"" + title + '"');
        }
        for (int i = 0; i < title.length(); i++) {
            if (title.charAt(i) > 0xFF) {
                throw new IllegalArgumentException(field + " has a character outside ISO 646/8859-1: \""
                        + title + '"');
            }
        }
        return title;
    }
}
