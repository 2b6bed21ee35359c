package org.netdicom.shell;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.runtime.EventRoutingDTO;
import org.netdicom.core.api.runtime.FailedHandlerDTO;
import org.netdicom.core.api.runtime.HandlerDTO;
import org.netdicom.core.api.runtime.NetdicomRuntime;
import org.netdicom.core.api.runtime.RuntimeDTO;
import org.netdicom.core.api.runtime.ServerDTO;
import org.netdicom.core.api.runtime.ShadowedHandlerDTO;

/**
 * {@code dicom:handlers [event]}: per server and event, the handler that answers and the ones it
 * shadows (with the reason); then every handler service with its counts, and the services left out.
 */
@Service
@Command(scope = "dicom", name = "handlers", description = "Shows which DicomEventHandler answers each event on "
        + "each server, the shadowed ones and why, the handlers' call and error counts, and invalid handlers")
public class HandlersCommand implements Action {

    @Reference
    NetdicomRuntime runtime;

    @Argument(index = 0, name = "event", required = false,
            description = "Only this event: EVT_C_STORE or the short form C_STORE")
    String event;

    @Override
    public Object execute() {
        String only = event == null ? null : EventType.parse(event).name();
        print(runtime.runtimeDTO(), only, System.out);
        return null;
    }

    /** Prints the report, restricted to event {@code only} ({@code EVT_...}) unless it is null. */
    static void print(RuntimeDTO report, String only, PrintStream out) {
        Map<Long, HandlerDTO> byId = new HashMap<>();
        for (HandlerDTO h : report.handlers) {
            byId.put(h.serviceId, h);
        }
        ShellTable routing = new ShellTable().emptyTableText("No handler is registered"
                + (only == null ? "" : " for " + only) + " on any server: the built-in defaults answer");
        routing.column("Server");
        routing.column("Event");
        routing.column("Answered by");
        routing.column("Shadowed");
        for (ServerDTO s : report.servers) {
            for (EventRoutingDTO e : s.events) {
                if (only != null && !only.equals(e.event)) {
                    continue;
                }
                routing.addRow().addContent(s.aeTitle + ":" + s.port, e.event, answeredBy(e, byId),
                        e.shadowed.length == 0 ? "" : shadowed(e.shadowed[0], byId));
                for (int i = 1; i < e.shadowed.length; i++) {
                    routing.addRow().addContent("", "", "", shadowed(e.shadowed[i], byId));
                }
            }
        }
        routing.print(out);

        out.println();
        ShellTable handlers = new ShellTable().emptyTableText("No DicomEventHandler service");
        handlers.column("Service").alignRight();
        handlers.column("Bundle");
        handlers.column("Component");
        handlers.column("Ranking").alignRight();
        handlers.column("Events");
        handlers.column("Calls").alignRight();
        handlers.column("Errors").alignRight();
        handlers.column("Last error").maxSize(60);
        handlers.column("Queued").alignRight();
        handlers.column("Dropped").alignRight();
        for (HandlerDTO h : report.handlers) {
            if (only != null && !Arrays.asList(h.events).contains(only)) {
                continue;
            }
            handlers.addRow().addContent(h.serviceId, h.bundleSymbolicName + " [" + h.bundleId + "]",
                    h.componentName == null ? "-" : h.componentName, h.ranking, String.join(",", h.events),
                    h.calls, h.errors, h.lastError == null ? "-" : h.lastError, h.queuedNotifications,
                    h.droppedNotifications);
        }
        handlers.print(out);

        if (report.failedHandlers.length > 0) {
            out.println();
            out.println("Left out (invalid):");
            ShellTable failed = new ShellTable();
            failed.column("Service").alignRight();
            failed.column("Bundle");
            failed.column("Component");
            failed.column("event");
            failed.column("Reason");
            for (FailedHandlerDTO f : report.failedHandlers) {
                failed.addRow().addContent(f.serviceId, f.bundleSymbolicName + " [" + f.bundleId + "]",
                        f.componentName == null ? "-" : f.componentName, f.event == null ? "-" : f.event, f.reason);
            }
            failed.print(out);
        }
    }

    private static String answeredBy(EventRoutingDTO e, Map<Long, HandlerDTO> byId) {
        if (!e.intervention) {
            return e.notificationServiceIds.length == 0 ? "-"
                    : Arrays.stream(e.notificationServiceIds).mapToObj(id -> describe(id, byId))
                            .collect(Collectors.joining(", "));
        }
        return switch (e.source) {
            case EventRoutingDTO.SOURCE_CODE -> "a handler bound in code";
            case EventRoutingDTO.SOURCE_WHITEBOARD -> describe(e.activeServiceId, byId);
            default -> "built-in default";
        };
    }

    private static String shadowed(ShadowedHandlerDTO s, Map<Long, HandlerDTO> byId) {
        return describe(s.serviceId, byId) + ": " + s.reason;
    }

    /** {@code service 42 (org.example.store, ranking 10)}. */
    private static String describe(long serviceId, Map<Long, HandlerDTO> byId) {
        HandlerDTO h = byId.get(serviceId);
        return h == null ? "service " + serviceId
                : "service " + serviceId + " (" + h.bundleSymbolicName + ", ranking " + h.ranking + ")";
    }
}
