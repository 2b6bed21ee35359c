package org.netdicom.itests;

import static org.junit.Assert.assertNotNull;

import java.util.function.Predicate;

import org.netdicom.core.api.runtime.EventRoutingDTO;
import org.netdicom.core.api.runtime.HandlerDTO;
import org.netdicom.core.api.runtime.NetdicomRuntime;
import org.netdicom.core.api.runtime.RuntimeDTO;
import org.netdicom.core.api.runtime.ServerDTO;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** The core's NetdicomRuntime service (the core starts in each test's set-up) and look-ups in its report. */
final class RuntimeService {

    private RuntimeService() {
    }

    static NetdicomRuntime get(BundleContext context) throws InterruptedException {
        ServiceTracker<NetdicomRuntime, NetdicomRuntime> tracker = new ServiceTracker<>(context, NetdicomRuntime.class,
                null);
        tracker.open();
        try {
            NetdicomRuntime runtime = tracker.waitForService(10_000);
            assertNotNull("no NetdicomRuntime service", runtime);
            return runtime;
        } finally {
            tracker.close();
        }
    }

    static ServerDTO server(RuntimeDTO report, int port) {
        for (ServerDTO s : report.servers) {
            if (s.port == port) {
                return s;
            }
        }
        throw new AssertionError("no server on port " + port + " in " + report);
    }

    static EventRoutingDTO routing(RuntimeDTO report, int port, String event) {
        for (EventRoutingDTO e : server(report, port).events) {
            if (e.event.equals(event)) {
                return e;
            }
        }
        throw new AssertionError("no routing of " + event + " on port " + port + " in " + report);
    }

    static HandlerDTO handler(RuntimeDTO report, Predicate<HandlerDTO> which) {
        for (HandlerDTO h : report.handlers) {
            if (which.test(h)) {
                return h;
            }
        }
        throw new AssertionError("no such handler in " + report);
    }

    static HandlerDTO handler(RuntimeDTO report, long serviceId) {
        return handler(report, h -> h.serviceId == serviceId);
    }
}
