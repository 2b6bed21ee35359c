package org.netdicom.core.pdu;

import java.util.List;
import java.util.Objects;

/**
 * Presentation Context item of an A-ASSOCIATE-RQ (item type 0x20, PS3.8 9.3.2.2).
 *
 * @param id the Presentation-context-ID; the standard wants odd values 1..255, which the ACSE
 *           layer checks; the codec carries any byte value
 * @param abstractSyntax the Abstract Syntax sub-item (0x30), a UID
 * @param transferSyntaxes the Transfer Syntax sub-items (0x40), one or more UIDs
 */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {

    public PresentationContextRq {
        FieldChecks.u8("id", id);
        Objects.requireNonNull(abstractSyntax, "abstractSyntax");
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    public PresentationContextRq(int id, String abstractSyntax, String... transferSyntaxes) {
        this(id, abstractSyntax, List.of(transferSyntaxes));
    }

    @Override
    public String toString() {
        return "[" + id + ": " + abstractSyntax + " " + transferSyntaxes + ']';
    }
}
