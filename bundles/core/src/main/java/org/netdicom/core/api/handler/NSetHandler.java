package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.NSetEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_N_SET: applies {@link NSetEvent#modificationList()} to the SOP instance and returns the status
 * of the N-SET-RSP, optionally with the attributes as modified as its Attribute List. Typical
 * failures: 0x0105 (No such attribute) and 0x0106 (Invalid attribute value) with the tag in
 * {@link NResult#withOffendingElements}, 0x0112 (No such SOP instance).
 * <p>
 * Without a bound handler the answer is 0x0211 (Unrecognized operation, PS3.7 C.5: the
 * operation is not one this SCP performs), with an Error Comment that says no handler is bound.
 * A handler that throws, returns null or an invalid {@link NResult} (Pending or Cancel status) is
 * logged and the peer gets 0x0110 (Processing failure, PS3.7 C.5); the association goes on.
 * See {@link NResult} for what the response carries.
 */
@ConsumerType
@FunctionalInterface
public interface NSetHandler extends DicomEventHandler {

    NResult onNSet(NSetEvent event) throws Exception;
}
