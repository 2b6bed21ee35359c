package org.netdicom.core.pdu;

/**
 * Presentation Context item of an A-ASSOCIATE-AC (item type 0x21, PS3.8 9.3.3.2).
 *
 * <p>PS3.8 9.3.3.2: when the Result/Reason is not acceptance, the Transfer Syntax sub-item "shall
 * not be significant and its value shall not be tested when received". This record therefore
 * holds {@code null} for a rejected context whose sub-item is absent, empty or malformed, and
 * whatever UID was sent otherwise. The encoder always writes a Transfer Syntax sub-item, as
 * peers expect one: for a {@code null} transfer syntax it is empty (zero length). The ACSE layer
 * may put the first proposed transfer syntax here instead if it wants to be extra conservative.
 *
 * @param id the Presentation-context-ID of the proposal this answers
 * @param result one of {@link #ACCEPTANCE} .. {@link #TRANSFER_SYNTAXES_NOT_SUPPORTED}
 * @param transferSyntax the accepted transfer syntax UID; required when accepted, else may be null
 */
public record PresentationContextAc(int id, int result, String transferSyntax) {

    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    /** An empty transfer syntax is stored as {@code null}; acceptance requires a transfer syntax. */
    public PresentationContextAc {
        FieldChecks.u8("id", id);
        FieldChecks.u8("result", result);
        if (transferSyntax != null && transferSyntax.isEmpty()) {
            transferSyntax = null;
        }
        if (result == ACCEPTANCE && transferSyntax == null) {
            throw new IllegalArgumentException("an accepted presentation context needs a transfer syntax");
        }
    }

    public static PresentationContextAc accepted(int id, String transferSyntax) {
        return new PresentationContextAc(id, ACCEPTANCE, transferSyntax);
    }

    public static PresentationContextAc rejected(int id, int result) {
        if (result == ACCEPTANCE) {
            throw new IllegalArgumentException("result 0 is acceptance, not a rejection");
        }
        return new PresentationContextAc(id, result, null);
    }

    public boolean isAccepted() {
        return result == ACCEPTANCE;
    }

    /** The standard's name of a Result/Reason value (PS3.8 Table 9-18). */
    public static String resultName(int result) {
        switch (result) {
            case ACCEPTANCE: return "acceptance";
            case USER_REJECTION: return "user-rejection";
            case NO_REASON: return "no-reason (provider rejection)";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED: return "abstract-syntax-not-supported (provider rejection)";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED: return "transfer-syntaxes-not-supported (provider rejection)";
            default: return "unknown result " + result;
        }
    }

    @Override
    public String toString() {
        return "[" + id + ": " + resultName(result) + (transferSyntax != null ? " " + transferSyntax : "") + ']';
    }
}
