package org.netdicom.core.api;

/**
 * An accepted presentation context of an association: its ID, abstract syntax (SOP class), the one
 * transfer syntax both sides agreed on (PS3.8 7.1.1.13), and the roles negotiated for it (PS3.7
 * D.3.3.4): whether the association requestor may act as SCU and as SCP on it. Without role
 * selection the requestor is SCU only and the acceptor SCP only.
 */
public record PresentationContext(int id, String abstractSyntax, String transferSyntax, boolean requestorIsScu,
        boolean requestorIsScp) {

    /** A context with the default roles: requestor SCU, acceptor SCP. */
    public PresentationContext(int id, String abstractSyntax, String transferSyntax) {
        this(id, abstractSyntax, transferSyntax, true, false);
    }

    /** Whether the acceptor may act as SCP here (it sends the requests: C-STORE sub-operations of C-GET). */
    public boolean acceptorIsScu() {
        return requestorIsScp;
    }

    public boolean acceptorIsScp() {
        return requestorIsScu;
    }
}
