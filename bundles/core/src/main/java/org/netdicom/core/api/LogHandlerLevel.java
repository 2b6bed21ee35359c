package org.netdicom.core.api;

/**
 * Which logging handlers netdicom binds to every association by itself (pynetdicom's
 * {@code LOG_HANDLER_LEVEL}). They log through SLF4J under {@code org.netdicom.association}.
 */
public enum LogHandlerLevel {
    /** No logging handlers. */
    NONE,
    /** One INFO line per association outcome (accepted, rejected, released, aborted); DIMSE messages at DEBUG. */
    STANDARD,
    /** STANDARD, plus every PDU sent and received in readable form at DEBUG. */
    DEBUG
}
