package org.netdicom.core.dimse;

/** A DIMSE message that cannot be decoded or that breaks the rules of PS3.7. */
public final class DimseFormatException extends Exception {

    public DimseFormatException(String message) {
        super(message);
    }
}
