package org.netdicom.core.api.handler;

import java.util.Map;

import org.netdicom.core.api.event.SopCommonEvent;
import org.netdicom.core.pdu.SopClassCommonExtendedNegotiation;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_SOP_COMMON: reviews SOP Class Common Extended Negotiation items (PS3.7 D.3.3.6). Called for
 * every association request, with the requested items (possibly none). Returns the items it accepts;
 * the standard sends no reply item, so the result only tells netdicom which related general SOP
 * classes to serve as their service class. Without a handler, or when it throws, none is accepted.
 */
@ConsumerType
@FunctionalInterface
public interface SopCommonHandler extends DicomEventHandler {

    Map<String, SopClassCommonExtendedNegotiation> onSopCommon(SopCommonEvent event) throws Exception;
}
