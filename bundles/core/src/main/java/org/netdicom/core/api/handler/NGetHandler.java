package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.NGetEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_N_GET: returns the values of the attributes {@link NGetEvent#attributeIdentifiers()} asks for
 * (all the SOP class defines when the list is empty) as the Attribute List of the N-GET-RSP, with
 * Success, or 0x0107 (Warning: attribute list error) with the tags it does not know in
 * {@link NResult#withAttributeIdentifiers}; 0x0112 (No such SOP instance) for an unknown
 * instance.
 * <p>
 * Without a bound handler the answer is 0x0211 (Unrecognized operation, PS3.7 C.5: the
 * operation is not one this SCP performs), with an Error Comment that says no handler is bound.
 * A handler that throws, returns null or an invalid {@link NResult} (Pending or Cancel status) is
 * logged and the peer gets 0x0110 (Processing failure, PS3.7 C.5); the association goes on.
 * See {@link NResult} for what the response carries.
 */
@ConsumerType
@FunctionalInterface
public interface NGetHandler extends DicomEventHandler {

    NResult onNGet(NGetEvent event) throws Exception;
}
