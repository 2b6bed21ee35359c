package org.netdicom.core.api;

import java.util.ArrayList;
import java.util.List;

import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.DicomEventHandler;

/**
 * Handlers to bind when a server starts or an association is requested, so that they see the first
 * events too (pynetdicom's {@code evt_handlers}):
 * {@code EventBindings.of(EVT_C_ECHO, echoHandler).and(EVT_ACCEPTED, logger, "extra", 42)}.
 */
public final class EventBindings {

    /** One binding: the event, its handler and the extra arguments the handler receives. */
    public record Entry(EventType type, DicomEventHandler handler, List<Object> arguments) {
    }

    private final List<Entry> entries = new ArrayList<>();

    private EventBindings() {
    }

    public static EventBindings none() {
        return new EventBindings();
    }

    public static EventBindings of(EventType type, DicomEventHandler handler, Object... arguments) {
        return new EventBindings().and(type, handler, arguments);
    }

    public EventBindings and(EventType type, DicomEventHandler handler, Object... arguments) {
        entries.add(new Entry(type, handler, List.of(arguments)));
        return this;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
