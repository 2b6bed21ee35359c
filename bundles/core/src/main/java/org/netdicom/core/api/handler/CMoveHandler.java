package org.netdicom.core.api.handler;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CMoveEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_C_MOVE: resolves {@link CMoveEvent#moveDestination()} to an address and calls
 * {@link CMoveEvent#destination} (or returns 0xA801 Move destination unknown), then announces the
 * number of matching instances with {@link CMoveEvent#subOperations(int)} and sends each with
 * {@code store}: a C-STORE sub-operation over an association to the destination, followed by a
 * Pending C-MOVE-RSP with the counts. The returned status and the counts make the final response
 * by the rules of {@link CGetHandler} (PS3.4 C.4.2.1.6): Success, 0xB000, 0xA702, Cancel with the
 * counts, or the handler's failure with the remaining sub-operations counted as failed.
 * <p>
 * A handler that returns without calling {@code destination}, or whose destination cannot be
 * associated with, gets 0xA801 (with every announced sub-operation failed: a {@code store} then
 * returns 0x0110 without sending). The association to the
 * destination is released when the handler returns.
 * <p>
 * Without a bound handler the answer is 0xA701 (out of resources, unable to calculate the number
 * of matches). A handler that throws or returns null is logged and the peer gets 0xC511 with the
 * counts so far (remaining ones failed); a count above 65535 is answered 0xC516.
 */
@ConsumerType
@FunctionalInterface
public interface CMoveHandler extends DicomEventHandler {

    Status onCMove(CMoveEvent event) throws Exception;
}
