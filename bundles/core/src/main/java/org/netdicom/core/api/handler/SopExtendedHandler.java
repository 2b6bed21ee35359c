package org.netdicom.core.api.handler;

import java.util.Map;

import org.netdicom.core.api.event.SopExtendedEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_SOP_EXTENDED: answers SOP Class Extended Negotiation (PS3.7 D.3.3.5). Called for every
 * association request, with the requested items (possibly none). Returns SOP Class UID to the
 * service-class-application-information to send back; null or an empty map sends nothing. Items for
 * SOP classes that were not requested are dropped. Without a handler, or when it throws, nothing is sent.
 */
@ConsumerType
@FunctionalInterface
public interface SopExtendedHandler extends DicomEventHandler {

    Map<String, byte[]> onSopExtended(SopExtendedEvent event) throws Exception;
}
