package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.NActionEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_N_ACTION: performs the action {@link NActionEvent#actionTypeId()} with its action
 * information and returns the status of the N-ACTION-RSP, optionally with an Action Reply. Typical
 * failures: 0x0123 (No such action), 0x0114 (No such argument), 0x0115 (Invalid argument value),
 * 0x0112 (No such SOP instance). A Storage Commitment SCP answers Success once it has taken on the
 * request and sends the result later with {@code Association.nEventReport}: on the same association
 * with {@link NResult#thenRun}, or on a new one.
 * <p>
 * Without a bound handler the answer is 0x0211 (Unrecognized operation, PS3.7 C.5: the
 * operation is not one this SCP performs), with an Error Comment that says no handler is bound.
 * A handler that throws, returns null or an invalid {@link NResult} (Pending or Cancel status) is
 * logged and the peer gets 0x0110 (Processing failure, PS3.7 C.5); the association goes on.
 * See {@link NResult} for what the response carries.
 */
@ConsumerType
@FunctionalInterface
public interface NActionHandler extends DicomEventHandler {

    NResult onNAction(NActionEvent event) throws Exception;
}
