package org.netdicom.core.whiteboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.netdicom.core.api.event.EventType;
import org.netdicom.core.event.HandlerRegistry.Binding;
import org.netdicom.core.event.HandlerSource;

/**
 * The whiteboard handlers that apply to one server, as a {@link HandlerSource}: per event, the
 * notification handlers in ranking order and the winning intervention handler. Computed from an
 * immutable snapshot of the tracked handlers and kept until the snapshot changes: a look-up on the
 * data path is one volatile read and a map access.
 */
final class ServerRouting implements HandlerSource {

    /** The routing of one snapshot. */
    private record Table(Snapshot snapshot, Map<EventType, List<Binding>> notifications,
            Map<EventType, Binding> interventions) {
    }

    private final HandlerWhiteboard whiteboard;
    private final Map<String, Object> serverProperties;
    private volatile Table table;

    ServerRouting(HandlerWhiteboard whiteboard, Map<String, Object> serverProperties) {
        this.whiteboard = whiteboard;
        this.serverProperties = serverProperties;
    }

    private Table table() {
        Snapshot current = whiteboard.snapshot();
        Table t = table;
        if (t == null || t.snapshot() != current) {
            t = build(current);
            table = t;
        }
        return t;
    }

    private Table build(Snapshot snapshot) {
        Map<EventType, List<Binding>> notifications = new EnumMap<>(EventType.class);
        Map<EventType, Binding> interventions = new EnumMap<>(EventType.class);
        for (TrackedHandler h : snapshot.valid()) { // best first
            HandlerProperties p = h.properties;
            if (p == null || !p.appliesTo(serverProperties)) {
                continue;
            }
            for (EventType type : p.events()) {
                if (type.isIntervention()) {
                    interventions.putIfAbsent(type, new Binding(h.handler, List.of(), h, null));
                } else {
                    notifications.computeIfAbsent(type, k -> new ArrayList<>())
                            .add(new Binding(h.handler, List.of(), h, h.notificationExecutor()));
                }
            }
        }
        notifications.replaceAll((k, v) -> List.copyOf(v));
        return new Table(snapshot, notifications, interventions);
    }

    @Override
    public boolean wants(EventType type) {
        Table t = table();
        return t.notifications().containsKey(type) || t.interventions().containsKey(type);
    }

    @Override
    public List<Binding> notifications(EventType type) {
        return table().notifications().getOrDefault(type, List.of());
    }

    @Override
    public Binding intervention(EventType type) {
        return table().interventions().get(type);
    }

    Map<String, Object> serverProperties() {
        return serverProperties;
    }
}
