package org.netdicom.core.api.handler;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CGetEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_C_GET: finds the instances that match the identifier, announces their number with
 * {@link CGetEvent#subOperations(int)}, sends each with {@code store} (a C-STORE sub-operation to
 * the requestor on this association, followed by a Pending C-GET-RSP with the counts), and returns
 * a status. netdicom builds the final response from it and the counts (PS3.4 C.4.3.1.3):
 * <ul>
 * <li>{@link Status#SUCCESS}: the answer follows the counts: Success (0x0000) when every
 * sub-operation completed; 0xB000 (sub-operations complete, one or more failures or warnings) when
 * some failed or warned; 0xA702 (out of resources, unable to perform sub-operations) when all
 * failed. Announced sub-operations that were never performed count as failed.</li>
 * <li>Cancel (0xFE00), or any status after the peer cancelled: the answer is Cancel with the counts,
 * including the remaining ones.</li>
 * <li>Any other failure or warning (e.g. 0xA900 identifier does not match the SOP class, 0xC000
 * range unable to process): answered as is, with the remaining sub-operations counted as
 * failed.</li>
 * </ul>
 * Every final response except Success carries the completed, failed and warning counts, and an
 * identifier with the Failed SOP Instance UID List (0008,0058) when an instance failed (always with
 * Cancel).
 * <p>
 * Without a bound handler the answer is 0xA701 (out of resources, unable to calculate the number
 * of matches). A handler that throws or returns null is logged and the peer gets 0xC411 with the
 * counts so far (remaining ones failed); a count above 65535 is answered 0xC416.
 */
@ConsumerType
@FunctionalInterface
public interface CGetHandler extends DicomEventHandler {

    Status onCGet(CGetEvent event) throws Exception;
}
