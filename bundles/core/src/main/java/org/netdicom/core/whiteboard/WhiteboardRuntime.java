package org.netdicom.core.whiteboard;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.runtime.AssociationDTO;
import org.netdicom.core.api.runtime.EventRoutingDTO;
import org.netdicom.core.api.runtime.FailedHandlerDTO;
import org.netdicom.core.api.runtime.HandlerDTO;
import org.netdicom.core.api.runtime.NetdicomRuntime;
import org.netdicom.core.api.runtime.RuntimeDTO;
import org.netdicom.core.api.runtime.ServerDTO;
import org.netdicom.core.api.runtime.ShadowedHandlerDTO;
import org.netdicom.core.association.AcceptorAssociation;
import org.netdicom.core.association.ServerCounters;
import org.netdicom.core.event.HandlerRegistry.Binding;
import org.netdicom.core.transport.AcceptLoop;
import org.netdicom.core.transport.RunningServers;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link NetdicomRuntime} service: builds the report from the whiteboard's current snapshot and
 * the servers listening in this JVM. Nothing here runs on the data path; the counters it reads are
 * {@code LongAdder}s and the snapshot is immutable, so a report never blocks an association.
 */
@Component(service = NetdicomRuntime.class)
public final class WhiteboardRuntime implements NetdicomRuntime {

    @Reference
    private HandlerWhiteboard whiteboard;

    public WhiteboardRuntime() {
    }

    WhiteboardRuntime(HandlerWhiteboard whiteboard) {
        this.whiteboard = whiteboard;
    }

    @Override
    public RuntimeDTO runtimeDTO() {
        Snapshot snapshot = whiteboard.snapshot();
        RuntimeDTO dto = new RuntimeDTO();
        dto.timestamp = System.currentTimeMillis();
        dto.handlers = snapshot.valid().stream().map(WhiteboardRuntime::handler).toArray(HandlerDTO[]::new);
        dto.failedHandlers = snapshot.failed().stream().map(WhiteboardRuntime::failed)
                .toArray(FailedHandlerDTO[]::new);
        dto.servers = RunningServers.all().stream().map(s -> server(s, snapshot)).toArray(ServerDTO[]::new);
        return dto;
    }

    private static ServerDTO server(AcceptLoop server, Snapshot snapshot) {
        ServerDTO dto = new ServerDTO();
        InetSocketAddress address = server.localAddress();
        dto.aeTitle = server.aeTitle();
        dto.bind = address.getAddress().getHostAddress();
        dto.port = address.getPort();
        dto.tls = server.settings().tls() != null;
        dto.state = server.isClosed() ? ServerDTO.STATE_CLOSED : ServerDTO.STATE_LISTENING;
        dto.startedAt = server.startedAt();
        dto.maximumAssociations = server.settings().maximumAssociations();
        dto.associations = server.associations().stream().map(WhiteboardRuntime::association)
                .sorted((a, b) -> Long.compare(a.connectedAt, b.connectedAt)).toArray(AssociationDTO[]::new);
        ServerCounters counters = server.counters();
        dto.associationsAccepted = counters.accepted();
        dto.associationsRejected = counters.rejected();
        dto.associationsAborted = counters.aborted();
        dto.messagesReceived = counters.messagesReceived();
        dto.events = routing(server, snapshot);
        return dto;
    }

    private static AssociationDTO association(AcceptorAssociation a) {
        AssociationDTO dto = new AssociationDTO();
        dto.callingAeTitle = a.callingAeTitle();
        dto.calledAeTitle = a.calledAeTitle();
        InetSocketAddress remote = a.remoteAddress();
        dto.remoteAddress = remote == null ? "" : remote.getAddress().getHostAddress();
        dto.remotePort = remote == null ? 0 : remote.getPort();
        dto.connectedAt = a.connectedAt();
        dto.establishedAt = a.establishedAt();
        dto.established = a.isEstablished();
        dto.acceptedContexts = a.acceptedContexts().size();
        return dto;
    }

    /** Every event some handler is registered for, or bound in code on the server: who gets it here. */
    private static EventRoutingDTO[] routing(AcceptLoop server, Snapshot snapshot) {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (TrackedHandler h : snapshot.valid()) {
            HandlerProperties p = h.properties;
            if (p != null) {
                events.addAll(p.events());
            }
        }
        for (EventType type : EventType.values()) {
            if (type.isIntervention() && boundInCode(server, type)) {
                events.add(type);
            }
        }
        List<EventRoutingDTO> out = new ArrayList<>();
        for (EventType type : events) {
            out.add(route(server, snapshot, type));
        }
        return out.toArray(EventRoutingDTO[]::new);
    }

    private static boolean boundInCode(AcceptLoop server, EventType type) {
        Binding b = server.handlerRegistry().intervention(type);
        return b != null && b.lease() == null;
    }

    private static EventRoutingDTO route(AcceptLoop server, Snapshot snapshot, EventType type) {
        List<TrackedHandler> applicable = new ArrayList<>(); // best first, as the snapshot is ordered
        for (TrackedHandler h : snapshot.valid()) {
            HandlerProperties p = h.properties;
            if (p != null && p.events().contains(type) && p.appliesTo(server.serverProperties())) {
                applicable.add(h);
            }
        }
        EventRoutingDTO dto = new EventRoutingDTO();
        dto.event = type.name();
        dto.intervention = type.isIntervention();
        dto.activeServiceId = -1;
        dto.notificationServiceIds = new long[0];
        dto.shadowed = new ShadowedHandlerDTO[0];
        if (!type.isIntervention()) {
            dto.notificationServiceIds = applicable.stream().mapToLong(h -> h.serviceId).toArray();
            dto.source = applicable.isEmpty() ? EventRoutingDTO.SOURCE_DEFAULT : EventRoutingDTO.SOURCE_WHITEBOARD;
            return dto;
        }
        List<ShadowedHandlerDTO> shadowed = new ArrayList<>();
        TrackedHandler winner = null;
        if (boundInCode(server, type)) {
            dto.source = EventRoutingDTO.SOURCE_CODE;
            for (TrackedHandler h : applicable) {
                shadowed.add(shadowed(h, -1, "a handler bound in code on the server wins over the whiteboard"));
            }
        } else if (applicable.isEmpty()) {
            dto.source = EventRoutingDTO.SOURCE_DEFAULT;
        } else {
            dto.source = EventRoutingDTO.SOURCE_WHITEBOARD;
            winner = applicable.get(0);
            dto.activeServiceId = winner.serviceId;
            for (TrackedHandler h : applicable.subList(1, applicable.size())) {
                String why = h.ranking() < winner.ranking()
                        ? "ranking " + h.ranking() + " below " + winner.ranking() + " of service " + winner.serviceId
                        : "same ranking " + h.ranking() + " as service " + winner.serviceId
                                + ", which has the lower service id";
                shadowed.add(shadowed(h, winner.serviceId, why));
            }
        }
        dto.shadowed = shadowed.toArray(ShadowedHandlerDTO[]::new);
        return dto;
    }

    private static ShadowedHandlerDTO shadowed(TrackedHandler h, long by, String reason) {
        ShadowedHandlerDTO dto = new ShadowedHandlerDTO();
        dto.serviceId = h.serviceId;
        dto.shadowedBy = by;
        dto.reason = reason;
        return dto;
    }

    private static HandlerDTO handler(TrackedHandler h) {
        HandlerDTO dto = new HandlerDTO();
        dto.serviceId = h.serviceId;
        identify(h.reference, b -> {
            dto.bundleId = b.getBundleId();
            dto.bundleSymbolicName = b.getSymbolicName();
        });
        dto.componentName = componentName(h.reference);
        HandlerProperties p = h.properties;
        dto.ranking = h.ranking();
        dto.events = p == null ? new String[0] : p.events().stream().map(Enum::name).sorted().toArray(String[]::new);
        dto.aeTitles = p == null ? new String[0] : p.aeTitles().stream().sorted().toArray(String[]::new);
        dto.serverTarget = p == null || p.serverTarget() == null ? null : p.serverTarget().toString();
        dto.calls = h.calls();
        dto.errors = h.errors();
        dto.lastError = h.lastError();
        dto.lastErrorAt = h.lastErrorAt();
        dto.runningOperations = h.activeLeases();
        dto.queuedNotifications = h.queuedNotifications();
        dto.droppedNotifications = h.droppedNotifications();
        return dto;
    }

    private static FailedHandlerDTO failed(TrackedHandler h) {
        FailedHandlerDTO dto = new FailedHandlerDTO();
        dto.serviceId = h.serviceId;
        identify(h.reference, b -> {
            dto.bundleId = b.getBundleId();
            dto.bundleSymbolicName = b.getSymbolicName();
        });
        dto.componentName = componentName(h.reference);
        Object event = h.reference.getProperty(HandlerProperties.EVENT);
        dto.event = event instanceof String[] a ? String.join(",", a) : event == null ? null : String.valueOf(event);
        dto.reason = h.failure;
        return dto;
    }

    /** The registering bundle; absent once the service is unregistered (a report racing a removal). */
    private static void identify(ServiceReference<?> reference, java.util.function.Consumer<Bundle> to) {
        Bundle b = reference.getBundle();
        if (b != null) {
            to.accept(b);
        }
    }

    private static String componentName(ServiceReference<?> reference) {
        Object name = reference.getProperty("component.name");
        return name == null ? null : name.toString();
    }
}
