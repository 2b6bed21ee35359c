package org.netdicom.shell;

import org.netdicom.core.api.runtime.AssociationDTO;
import org.netdicom.core.api.runtime.EventRoutingDTO;
import org.netdicom.core.api.runtime.FailedHandlerDTO;
import org.netdicom.core.api.runtime.HandlerDTO;
import org.netdicom.core.api.runtime.RuntimeDTO;
import org.netdicom.core.api.runtime.ServerDTO;
import org.netdicom.core.api.runtime.ShadowedHandlerDTO;

/**
 * A runtime report as the core builds it: server ARCHIVE on 11112 with one association, a C-STORE
 * handler (service 42, ranking 10) shadowing another (43, ranking 0), a notification handler,
 * and one invalid service.
 */
final class SampleReport {

    static final long NOW = 1_800_000_000_000L;

    private SampleReport() {
    }

    static RuntimeDTO withOneServer() {
        RuntimeDTO r = new RuntimeDTO();
        r.timestamp = NOW;
        ServerDTO s = new ServerDTO();
        s.aeTitle = "ARCHIVE";
        s.bind = "0.0.0.0";
        s.port = 11112;
        s.tls = false;
        s.state = ServerDTO.STATE_LISTENING;
        s.startedAt = NOW - 133_000;
        s.maximumAssociations = 10;
        AssociationDTO a = new AssociationDTO();
        a.callingAeTitle = "MODALITY1";
        a.calledAeTitle = "ARCHIVE";
        a.remoteAddress = "10.0.0.7";
        a.remotePort = 50123;
        a.connectedAt = NOW - 5_000;
        a.establishedAt = NOW - 4_000;
        a.established = true;
        a.acceptedContexts = 3;
        s.associations = new AssociationDTO[] {a};
        s.associationsAccepted = 57;
        s.associationsRejected = 2;
        s.associationsAborted = 1;
        s.messagesReceived = 1234;

        EventRoutingDTO store = new EventRoutingDTO();
        store.event = "EVT_C_STORE";
        store.intervention = true;
        store.source = EventRoutingDTO.SOURCE_WHITEBOARD;
        store.activeServiceId = 42;
        store.notificationServiceIds = new long[0];
        ShadowedHandlerDTO shadowed = new ShadowedHandlerDTO();
        shadowed.serviceId = 43;
        shadowed.shadowedBy = 42;
        shadowed.reason = "ranking 0 below 10 of service 42";
        store.shadowed = new ShadowedHandlerDTO[] {shadowed};

        EventRoutingDTO accepted = new EventRoutingDTO();
        accepted.event = "EVT_ACCEPTED";
        accepted.intervention = false;
        accepted.source = EventRoutingDTO.SOURCE_WHITEBOARD;
        accepted.activeServiceId = -1;
        accepted.notificationServiceIds = new long[] {44};
        accepted.shadowed = new ShadowedHandlerDTO[0];

        EventRoutingDTO echo = new EventRoutingDTO();
        echo.event = "EVT_C_ECHO";
        echo.intervention = true;
        echo.source = EventRoutingDTO.SOURCE_CODE;
        echo.activeServiceId = -1;
        echo.notificationServiceIds = new long[0];
        echo.shadowed = new ShadowedHandlerDTO[0];
        s.events = new EventRoutingDTO[] {store, accepted, echo};
        r.servers = new ServerDTO[] {s};

        r.handlers = new HandlerDTO[] {
            handler(42, "org.example.store", "org.example.store.FileStore", 10, "EVT_C_STORE"),
            handler(43, "org.example.fallback", null, 0, "EVT_C_STORE"),
            handler(44, "org.example.audit", "org.example.audit.Audit", 0, "EVT_ACCEPTED")};
        r.handlers[0].calls = 1200;
        r.handlers[0].errors = 3;
        r.handlers[0].lastError = "java.io.IOException: disk full";
        r.handlers[2].queuedNotifications = 5;
        r.handlers[2].droppedNotifications = 17;

        FailedHandlerDTO f = new FailedHandlerDTO();
        f.serviceId = 45;
        f.bundleId = 12;
        f.bundleSymbolicName = "org.example.broken";
        f.event = "EVT_NO_SUCH";
        f.reason = "unknown event EVT_NO_SUCH";
        r.failedHandlers = new FailedHandlerDTO[] {f};
        return r;
    }

    static RuntimeDTO empty() {
        RuntimeDTO r = new RuntimeDTO();
        r.timestamp = NOW;
        r.servers = new ServerDTO[0];
        r.handlers = new HandlerDTO[0];
        r.failedHandlers = new FailedHandlerDTO[0];
        return r;
    }

    private static HandlerDTO handler(long id, String bundle, String component, int ranking, String event) {
        HandlerDTO h = new HandlerDTO();
        h.serviceId = id;
        h.bundleId = id - 30;
        h.bundleSymbolicName = bundle;
        h.componentName = component;
        h.ranking = ranking;
        h.events = new String[] {event};
        h.aeTitles = new String[0];
        return h;
    }
}
