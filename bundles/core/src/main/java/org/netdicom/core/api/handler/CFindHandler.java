package org.netdicom.core.api.handler;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CFindEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_C_FIND: finds the matches of a query, hands each to {@link CFindEvent#pending} as soon as it
 * is found (each is sent at once in a Pending response; nothing is collected), and returns the
 * final status:
 * <ul>
 * <li>{@link Status#SUCCESS}: all matches were sent. The final response carries no identifier
 * (PS3.4 C.4.1.1.4). If the peer cancelled meanwhile the answer is Cancel (0xFE00) instead.</li>
 * <li>Cancel, {@code new Status(0xFE00)}: the handler saw {@link CFindEvent#isCancelled()} and
 * stopped (PS3.7 9.3.2.3).</li>
 * <li>A failure: 0xA700 out of resources, 0xA900 identifier does not match the SOP class,
 * 0xC000-0xCFFF unable to process (PS3.4 C.4.1.1.4); 0x0122 SOP class not supported.</li>
 * </ul>
 * A handler should poll {@link CFindEvent#isCancelled()} (or watch {@code pending} return false)
 * and stop. For the Relevant Patient Information Query SOP classes only the first match is sent
 * (PS3.4 Annex Q: one match at most); later {@code pending} calls return false.
 * <p>
 * Without a bound handler the answer is 0xA700 (Refused: out of resources) with no match. A
 * handler that throws, or returns null or a Pending status, is logged and the peer gets 0xC311
 * (unable to process; the failure pynetdicom also answers); a match that cannot be encoded ends
 * the request with 0xC312. An identifier that cannot be decoded is answered 0xC310 without calling
 * the handler.
 */
@ConsumerType
@FunctionalInterface
public interface CFindHandler extends DicomEventHandler {

    Status onCFind(CFindEvent event) throws Exception;
}
