package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.Event;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Handles notification events. Every handler bound to an event is called, in the order they were
 * bound, on the association's own thread: keep it short (a slow handler slows its association). An
 * exception is logged and the other handlers still run; it changes nothing else.
 */
@ConsumerType
@FunctionalInterface
public interface NotificationHandler extends DicomEventHandler {

    /** @param event the event; its concrete type depends on its {@code type()} (see EventType) */
    void onEvent(Event event) throws Exception;
}
