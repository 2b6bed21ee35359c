package org.netdicom.core.api;

/**
 * An accepted presentation context of an association: its ID, abstract syntax (SOP class) and the
 * one transfer syntax that both sides agreed on (PS3.8 7.1.1.13).
 */
public record PresentationContext(int id, String abstractSyntax, String transferSyntax) {
}
