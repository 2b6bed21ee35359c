package org.netdicom.core.api;

/**
 * A DIMSE status (0000,0900) and its category by the ranges of PS3.7 Annex C. Service-specific
 * meanings of failure codes come with the service classes.
 */
public record Status(int code) {

    /** What a status means for the operation (PS3.7 C.1). */
    public enum Category { SUCCESS, WARNING, FAILURE, CANCEL, PENDING }

    public static final Status SUCCESS = new Status(0x0000);

    public Status {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("status " + code + " is not a 16-bit value");
        }
    }

    public Category category() {
        if (code == 0x0000) {
            return Category.SUCCESS;
        }
        if (code == 0xFE00) {
            return Category.CANCEL;
        }
        if (code == 0xFF00 || code == 0xFF01) {
            return Category.PENDING;
        }
        // PS3.7 C.1: 0001, 0107, 0116 and Bxxx are warnings.
        if (code == 0x0001 || code == 0x0107 || code == 0x0116 || (code & 0xF000) == 0xB000) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    public boolean isSuccess() {
        return code == 0x0000;
    }

    @Override
    public String toString() {
        return String.format("0x%04X (%s)", code, category());
    }
}
