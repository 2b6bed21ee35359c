package org.netdicom.core.api;

/**
 * The sub-operation counts of a C-GET or C-MOVE response (PS3.4 C.4.2.1.6, C.4.3.1.3).
 *
 * @param remaining number of remaining sub-operations, -1 when the response leaves it out (final responses may)
 * @param completed number of completed sub-operations
 * @param failed    number of failed sub-operations
 * @param warning   number of sub-operations that completed with a warning
 */
public record SubOperations(int remaining, int completed, int failed, int warning) {
}
