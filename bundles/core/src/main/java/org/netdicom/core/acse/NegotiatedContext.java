package org.netdicom.core.acse;

/** An accepted presentation context: its ID, abstract syntax and the one transfer syntax agreed. */
public record NegotiatedContext(int id, String abstractSyntax, String transferSyntax) {
}
