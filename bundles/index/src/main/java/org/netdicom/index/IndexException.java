package org.netdicom.index;

import java.io.IOException;

/** The index could not be read or written, or a query cannot be answered (the message says which). */
public class IndexException extends IOException {

    private static final long serialVersionUID = 1L;

    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
