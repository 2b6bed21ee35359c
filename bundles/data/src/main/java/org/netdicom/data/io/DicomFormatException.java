package org.netdicom.data.io;

import java.io.IOException;

/**
 * Bytes that are not a valid DICOM encoding: a stream that ends inside an element, a value length
 * past the end of its container or above the allowed maximum, an undefined length where none is
 * allowed, an unknown VR, a missing item tag. Says what went wrong and at which byte offset of the
 * input (counted from the first byte the reader was given, or of the file for Part 10 files; for
 * deflated data sets, of the inflated stream).
 */
public class DicomFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public DicomFormatException(String message, long offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    public DicomFormatException(String message, long offset, Throwable cause) {
        super(message + " (at byte offset " + offset + ")", cause);
        this.offset = offset;
    }

    /** The byte offset at which the problem was found. */
    public long offset() {
        return offset;
    }
}
