package org.netdicom.core.whiteboard;

import java.util.List;

/**
 * What the runtime report says about one handler service: who it is, what it handles, and, if it
 * cannot be used, why.
 */
public record TrackedHandlerView(long serviceId, String bundle, int ranking, List<String> events,
        List<String> aeTitles, String serverTarget, String failure, int runningOperations, long droppedNotifications) {

    static TrackedHandlerView of(TrackedHandler h) {
        HandlerProperties p = h.properties;
        return new TrackedHandlerView(h.serviceId, h.reference.getBundle().getSymbolicName(), h.ranking(),
                p == null ? List.of() : p.events().stream().map(Enum::name).sorted().toList(),
                p == null ? List.of() : List.copyOf(p.aeTitles()),
                p == null || p.serverTarget() == null ? null : p.serverTarget().toString(),
                h.failure, h.activeLeases(), h.droppedNotifications());
    }
}
