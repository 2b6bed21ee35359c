package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.NDeleteEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_N_DELETE: deletes the SOP instance and returns the status of the N-DELETE-RSP (a data set in
 * the result is ignored: the response has none). Typical failure: 0x0112 (No such SOP instance).
 * <p>
 * Without a bound handler the answer is 0x0211 (Unrecognized operation, PS3.7 C.5: the
 * operation is not one this SCP performs), with an Error Comment that says no handler is bound.
 * A handler that throws, returns null or an invalid {@link NResult} (Pending or Cancel status) is
 * logged and the peer gets 0x0110 (Processing failure, PS3.7 C.5); the association goes on.
 * See {@link NResult} for what the response carries.
 */
@ConsumerType
@FunctionalInterface
public interface NDeleteHandler extends DicomEventHandler {

    NResult onNDelete(NDeleteEvent event) throws Exception;
}
