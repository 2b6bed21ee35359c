package org.netdicom.core.whiteboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.event.ContainerHandlers;
import org.netdicom.core.event.HandlerSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event whiteboard: tracks every {@code DicomEventHandler} service and wires it into every
 * DICOM server of the container (see {@link HandlerProperties} for the service properties).
 * <p>
 * Rules (docs/whiteboard.md): an intervention event has one active handler per server, the one
 * with the highest {@code service.ranking}, then the lowest {@code service.id}; handlers bound in
 * code on a server or association win over it. Every change publishes a new immutable snapshot
 * (writes serialised here, reads lock-free on the data path). A departing handler is removed from
 * routing first, so new operations go to its successor, then the framework thread waits (at most
 * {@link #DRAIN_MILLIS}) for the operations still running on it before the service is released.
 */
@Component(immediate = true, service = HandlerWhiteboard.class)
public final class HandlerWhiteboard implements ContainerHandlers.Provider {

    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.whiteboard");
    /** How long a departing handler may take to finish the operations it started. */
    static final long DRAIN_MILLIS = 60_000;

    private final Object writeLock = new Object();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private final List<TrackedHandler> tracked = new ArrayList<>();
    private ServiceTracker<DicomEventHandler, TrackedHandler> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new ServiceTracker<>(context, DicomEventHandler.class, new Customizer(context));
        tracker.open();
        ContainerHandlers.install(this);
    }

    @Deactivate
    void deactivate() {
        ContainerHandlers.uninstall(this);
        tracker.close();
    }

    Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public HandlerSource forServer(Map<String, Object> serverProperties) {
        return new ServerRouting(this, serverProperties);
    }

    private void publish(String change, TrackedHandler subject) {
        Snapshot before;
        Snapshot after;
        synchronized (writeLock) {
            List<TrackedHandler> valid = new ArrayList<>();
            List<TrackedHandler> failed = new ArrayList<>();
            for (TrackedHandler h : tracked) {
                (h.isValid() ? valid : failed).add(h);
            }
            Collections.sort(valid);
            before = snapshot;
            after = new Snapshot(List.copyOf(valid), List.copyOf(failed));
            snapshot = after;
        }
        report(change, subject, before, after);
    }

    /** Logs who handles what after a change: winners at INFO, equal-ranking ties at WARN, failures at ERROR. */
    private static void report(String change, TrackedHandler subject, Snapshot before, Snapshot after) {
        if (!subject.isValid() && subject.failure != null && !change.equals("removed")) {
            LOG.error("DicomEventHandler {} {} but cannot be used: {}", subject.describe(), change, subject.failure);
            return;
        }
        LOG.info("DicomEventHandler {} {}", subject.describe(), change);
        HandlerProperties p = subject.properties;
        if (p == null) {
            return;
        }
        for (EventType type : p.events()) {
            if (!type.isIntervention()) {
                continue;
            }
            TrackedHandler was = winner(before, type);
            TrackedHandler now = winner(after, type);
            if (was != now) {
                LOG.info("{}: active handler is now {} (was {})", type,
                        now == null ? "the built-in default" : now.describe(),
                        was == null ? "the built-in default" : was.describe());
            }
            if (now != null) {
                for (TrackedHandler other : after.valid()) {
                    if (other != now && other.properties != null && other.properties.events().contains(type)
                            && other.ranking() == now.ranking()
                            && Objects.equals(other.properties.aeTitles(), now.properties.aeTitles())) {
                        LOG.warn("{}: {} and {} have the same ranking; {} wins by its lower service id", type,
                                now.describe(), other.describe(), now.describe());
                    }
                }
            }
        }
    }

    /** The best handler of {@code type} over all servers (ignores server targets): for the log. */
    private static TrackedHandler winner(Snapshot s, EventType type) {
        for (TrackedHandler h : s.valid()) {
            if (h.properties != null && h.properties.events().contains(type)) {
                return h;
            }
        }
        return null;
    }

    private final class Customizer implements ServiceTrackerCustomizer<DicomEventHandler, TrackedHandler> {
        private final BundleContext context;

        Customizer(BundleContext context) {
            this.context = context;
        }

        @Override
        public TrackedHandler addingService(ServiceReference<DicomEventHandler> reference) {
            TrackedHandler h = new TrackedHandler(reference, null);
            String problem = obtain(reference, h);
            if (problem != null) {
                h.unobtainable(problem);
            }
            synchronized (writeLock) {
                tracked.add(h);
            }
            publish("registered", h);
            return h;
        }

        /** Gets the service object into {@code h}; the reason if the framework would not give it. */
        private String obtain(ServiceReference<DicomEventHandler> reference, TrackedHandler h) {
            DicomEventHandler handler;
            try {
                handler = context.getService(reference);
            } catch (RuntimeException e) {
                return "the service cannot be obtained: " + e;
            }
            if (handler == null) {
                return "the service cannot be obtained (its component failed to activate?)";
            }
            h.obtained(handler);
            return null;
        }

        @Override
        public void modifiedService(ServiceReference<DicomEventHandler> reference, TrackedHandler h) {
            String problem = h.handler == null ? obtain(reference, h) : null;
            if (problem != null) {
                h.unobtainable(problem);
            } else {
                h.refresh();
            }
            publish("modified", h);
        }

        @Override
        public void removedService(ServiceReference<DicomEventHandler> reference, TrackedHandler h) {
            synchronized (writeLock) {
                tracked.remove(h);
            }
            publish("removed", h);
            try {
                if (!h.retire(DRAIN_MILLIS)) {
                    LOG.warn("DicomEventHandler {} still had {} operation(s) running after {} ms; released anyway",
                            h.describe(), h.activeLeases(), DRAIN_MILLIS);
                }
                h.stopNotifications(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                context.ungetService(reference);
            }
        }
    }
}
