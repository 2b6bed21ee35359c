package org.netdicom.core.event;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.DicomEventHandler;

/**
 * The handlers bound in code to a server or to one association. An association's registry has its
 * server's as parent: notification handlers of both run (the server's first), and for an
 * intervention event the association's own handler wins over the server's. Reads take an immutable
 * snapshot (one volatile read); writes are serialised and publish a new snapshot.
 */
public final class HandlerRegistry implements HandlerSource {

    /**
     * A handler and the extra arguments it was bound with. A handler of the container (an OSGi
     * service) also has a {@link Lease} (null for handlers bound in code) and, for notifications, the
     * executor that delivers its events off the association's thread (null: deliver on it).
     */
    public record Binding(DicomEventHandler handler, List<Object> arguments, Lease lease, java.util.concurrent.Executor executor) {

        public Binding(DicomEventHandler handler, List<Object> arguments) {
            this(handler, arguments, null, null);
        }
    }

    private final HandlerSource parent;
    private volatile Map<EventType, List<Binding>> bindings = new EnumMap<>(EventType.class);

    public HandlerRegistry(HandlerSource parent) {
        this.parent = parent;
    }

    /**
     * Binds {@code handler} to {@code type}. An intervention event keeps one handler: binding another
     * replaces it. Binding the same notification handler twice has no effect.
     *
     * @throws IllegalArgumentException if the handler does not implement the event's handler type
     */
    public synchronized void bind(EventType type, DicomEventHandler handler, Object... arguments) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        requireHandlerType(type, handler);
        Map<EventType, List<Binding>> next = copy();
        List<Binding> list = new ArrayList<>(next.getOrDefault(type, List.of()));
        Binding binding = new Binding(handler, List.of(arguments));
        if (type.isIntervention()) {
            list.clear();
        } else if (list.stream().anyMatch(b -> b.handler() == handler)) {
            return;
        }
        list.add(binding);
        next.put(type, List.copyOf(list));
        bindings = next;
    }

    /** Removes {@code handler} from {@code type} (by identity); an intervention event falls back. */
    public synchronized void unbind(EventType type, DicomEventHandler handler) {
        Map<EventType, List<Binding>> next = copy();
        List<Binding> list = new ArrayList<>(next.getOrDefault(type, List.of()));
        if (list.removeIf(b -> b.handler() == handler)) {
            next.put(type, List.copyOf(list));
            bindings = next;
        }
    }

    /** The handlers that receive {@code type}: for an intervention event the one that wins, if any. */
    public List<DicomEventHandler> handlers(EventType type) {
        if (type.isIntervention()) {
            Binding winner = intervention(type);
            return winner == null ? List.of() : List.of(winner.handler());
        }
        return notifications(type).stream().map(Binding::handler).toList();
    }

    /** True if any notification handler (here or in the parent) receives {@code type}: check first. */
    @Override
    public boolean wants(EventType type) {
        return bindings.containsKey(type) && !bindings.get(type).isEmpty() || parent != null && parent.wants(type);
    }

    /** Notification bindings of {@code type}, the parent's first. */
    @Override
    public List<Binding> notifications(EventType type) {
        List<Binding> own = bindings.getOrDefault(type, List.of());
        if (parent == null) {
            return own;
        }
        List<Binding> inherited = parent.notifications(type);
        if (inherited.isEmpty()) {
            return own;
        }
        if (own.isEmpty()) {
            return inherited;
        }
        List<Binding> all = new ArrayList<>(inherited);
        all.addAll(own);
        return all;
    }

    /** The intervention binding that wins for {@code type}, or null for the built-in default. */
    @Override
    public Binding intervention(EventType type) {
        List<Binding> own = bindings.getOrDefault(type, List.of());
        if (!own.isEmpty()) {
            return own.get(0);
        }
        return parent == null ? null : parent.intervention(type);
    }

    private Map<EventType, List<Binding>> copy() {
        Map<EventType, List<Binding>> copy = new EnumMap<>(EventType.class);
        copy.putAll(bindings);
        return copy;
    }

    private static void requireHandlerType(EventType type, DicomEventHandler handler) {
        Class<? extends DicomEventHandler> required = type.handlerType();
        if (required == null) {
            throw new IllegalArgumentException(type + " cannot be bound yet: its service class is not implemented");
        }
        if (!required.isInstance(handler)) {
            throw new IllegalArgumentException("a handler of " + type + " must implement " + required.getSimpleName()
                    + "; " + handler.getClass().getName() + " does not");
        }
    }
}
