package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.NCreateEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_N_CREATE: creates the SOP instance from {@link NCreateEvent#attributeList()} and returns the
 * status of the N-CREATE-RSP, optionally with the attributes as created. When the request named no
 * instance ({@link NCreateEvent#sopInstanceUid()} is null) a Success or Warning answer must name the
 * UID it assigned, with {@link NResult#withAffectedSopInstanceUid} or as SOP Instance UID (0008,0018)
 * in the returned data set; it is sent as Affected SOP Instance UID (0000,1000). Without one the
 * peer gets 0x0110 instead. Typical failures: 0x0111 (Duplicate SOP instance), 0x0120 (Missing
 * attribute), 0x0106 (Invalid attribute value).
 * <p>
 * Without a bound handler the answer is 0x0211 (Unrecognized operation, PS3.7 C.5: the
 * operation is not one this SCP performs), with an Error Comment that says no handler is bound.
 * A handler that throws, returns null or an invalid {@link NResult} (Pending or Cancel status) is
 * logged and the peer gets 0x0110 (Processing failure, PS3.7 C.5); the association goes on.
 * See {@link NResult} for what the response carries.
 */
@ConsumerType
@FunctionalInterface
public interface NCreateHandler extends DicomEventHandler {

    NResult onNCreate(NCreateEvent event) throws Exception;
}
