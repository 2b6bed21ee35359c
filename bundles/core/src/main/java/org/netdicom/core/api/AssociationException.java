package org.netdicom.core.api;

import java.io.IOException;

/** An association that could not be established, or that ended while an operation waited on it. */
public class AssociationException extends IOException {

    private static final long serialVersionUID = 1L;

    public AssociationException(String message) {
        super(message);
    }

    public AssociationException(String message, Throwable cause) {
        super(message, cause);
    }
}
