package org.netdicom.index;

/**
 * The identifier cannot be matched: a malformed key value (a date range that is no date), or a
 * unique key a hierarchical query needs is missing (PS3.4 C.4.1.2.1). A C-FIND SCP answers it with
 * 0xA900 (Identifier does not match SOP Class) or 0xC000 (Unable to process).
 */
public class InvalidQueryException extends IndexException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }
}
