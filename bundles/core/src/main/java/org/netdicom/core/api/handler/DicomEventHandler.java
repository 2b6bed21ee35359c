package org.netdicom.core.api.handler;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A handler of association events. Implement the sub-interface for the event:
 * {@link NotificationHandler} for every notification event, or the one that
 * {@link org.netdicom.core.api.event.EventType#handlerType()} names for an intervention event.
 * Bind it in code ({@code bind} on an association or server) or, in OSGi, register it as a
 * {@code DicomEventHandler} service with the {@code event} property.
 */
@ConsumerType
public interface DicomEventHandler {
}
