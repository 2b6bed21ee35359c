package org.netdicom.core.event;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.AsyncOpsEvent;
import org.netdicom.core.api.event.CEchoEvent;
import org.netdicom.core.api.event.CFindEvent;
import org.netdicom.core.api.event.CGetEvent;
import org.netdicom.core.api.event.CMoveEvent;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.core.api.event.Event;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.event.NActionEvent;
import org.netdicom.core.api.event.NCreateEvent;
import org.netdicom.core.api.event.NDeleteEvent;
import org.netdicom.core.api.event.NEventReportEvent;
import org.netdicom.core.api.event.NGetEvent;
import org.netdicom.core.api.event.NServiceEvent;
import org.netdicom.core.api.event.NSetEvent;
import org.netdicom.core.api.event.SopCommonEvent;
import org.netdicom.core.api.event.SopExtendedEvent;
import org.netdicom.core.api.event.UserIdentityEvent;
import org.netdicom.core.api.handler.AsyncOpsHandler;
import org.netdicom.core.api.handler.CEchoHandler;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.core.api.handler.CGetHandler;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.core.api.handler.NActionHandler;
import org.netdicom.core.api.handler.NCreateHandler;
import org.netdicom.core.api.handler.NDeleteHandler;
import org.netdicom.core.api.handler.NEventReportHandler;
import org.netdicom.core.api.handler.NGetHandler;
import org.netdicom.core.api.handler.NResult;
import org.netdicom.core.api.handler.NSetHandler;
import org.netdicom.core.api.handler.NotificationHandler;
import org.netdicom.core.api.handler.SopCommonHandler;
import org.netdicom.core.api.handler.SopExtendedHandler;
import org.netdicom.core.api.handler.UserIdentityHandler;
import org.netdicom.core.api.handler.UserIdentityResult;
import org.netdicom.core.pdu.AsyncOperationsWindow;
import org.netdicom.core.pdu.SopClassCommonExtendedNegotiation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the handlers of one association. Notification handlers run in order and their failures are
 * logged and contained. Each intervention event goes to its one winning handler, with the default
 * and the failure answer its handler interface documents.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    /** PS3.7 C.4.2: the generic failure when the SCP could not process a request. */
    static final Status PROCESSING_FAILURE = new Status(0x0110);

    private final HandlerRegistry registry;

    public EventDispatcher(HandlerRegistry registry) {
        this.registry = registry;
    }

    /** True if some handler wants {@code type}: build the event only then. */
    public boolean wants(EventType type) {
        return registry.wants(type);
    }

    /** Delivers {@code event} to every notification handler bound to its type. */
    public void notify(Event event) {
        for (HandlerRegistry.Binding binding : registry.notifications(event.type())) {
            Event delivered = binding.arguments().isEmpty() ? event
                    : ((Events.Bound) event).withArguments(binding.arguments());
            if (binding.executor() != null) {
                // a container handler: off the association's thread, so it cannot stall it
                binding.executor().execute(() -> deliver(binding, delivered));
            } else {
                deliver(binding, delivered);
            }
        }
    }

    private static void deliver(HandlerRegistry.Binding binding, Event event) {
        Lease stats = binding.lease();
        if (stats != null) {
            stats.called();
        }
        try {
            ((NotificationHandler) binding.handler()).onEvent(event);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            LOG.warn("{} handler {} failed: {}", event.type(), binding.handler(), e.toString(), e);
            if (stats != null) {
                stats.failed(e);
            }
        }
    }

    /** Builds and delivers the event only if a handler wants its type. */
    public void notify(EventType type, Supplier<? extends Event> event) {
        if (registry.wants(type)) {
            notify(event.get());
        }
    }

    public Status cEcho(CEchoEvent event) {
        Status status = intervene(event, CEchoHandler.class, Status.SUCCESS, PROCESSING_FAILURE,
                (h, e) -> h.onCEcho(e));
        return status == null ? failedWith(event, "returned no status", PROCESSING_FAILURE) : status;
    }

    /** PS3.4 B.2.3 0xA700: what a C-STORE gets when no handler stores it. */
    static final Status STORE_REFUSED = new Status(0xA700);
    /** The failure pynetdicom also answers when its C-STORE handler fails (in the 0xCxxx range, PS3.4 B.2.3). */
    static final Status STORE_HANDLER_FAILED = new Status(0xC211);

    public Status cStore(CStoreEvent event) {
        Status status = intervene(event, CStoreHandler.class, STORE_REFUSED, STORE_HANDLER_FAILED,
                (h, e) -> h.onCStore(e));
        return status == null ? failedWith(event, "returned no status", STORE_HANDLER_FAILED) : status;
    }

    /** PS3.4 C.4.1.1.4 0xA700: what a C-FIND gets when no handler answers it. */
    public static final Status FIND_REFUSED = new Status(0xA700);
    /** PS3.4 C.4.2.1.6, C.4.3.1.3 0xA701: unable to calculate the number of matches (no handler). */
    public static final Status RETRIEVE_REFUSED = new Status(0xA701);
    /** The failures pynetdicom also answers when its handler fails (0xCxxx, unable to process). */
    public static final Status FIND_HANDLER_FAILED = new Status(0xC311);
    public static final Status GET_HANDLER_FAILED = new Status(0xC411);
    public static final Status MOVE_HANDLER_FAILED = new Status(0xC511);

    /** The handler's final status; null only when it returned null (the caller answers for a failure). */
    public Status cFind(CFindEvent event) {
        return intervene(event, CFindHandler.class, FIND_REFUSED, FIND_HANDLER_FAILED, (h, e) -> h.onCFind(e));
    }

    public Status cGet(CGetEvent event) {
        return intervene(event, CGetHandler.class, RETRIEVE_REFUSED, GET_HANDLER_FAILED, (h, e) -> h.onCGet(e));
    }

    public Status cMove(CMoveEvent event) {
        return intervene(event, CMoveHandler.class, RETRIEVE_REFUSED, MOVE_HANDLER_FAILED, (h, e) -> h.onCMove(e));
    }

    /**
     * The answer of the handler of a DIMSE-N event, or null when none is bound (the service then
     * answers as the handler interfaces document). A handler that throws gets 0x0110; one that
     * returns null gets null back here, which the service also answers with 0x0110.
     */
    public NResult normalized(NServiceEvent event) {
        if (registry.intervention(event.type()) == null) {
            return null;
        }
        NResult failed = NResult.of(PROCESSING_FAILURE);
        return switch (event.type()) {
            case EVT_N_GET -> intervene((NGetEvent) event, NGetHandler.class, null, failed, (h, e) -> h.onNGet(e));
            case EVT_N_SET -> intervene((NSetEvent) event, NSetHandler.class, null, failed, (h, e) -> h.onNSet(e));
            case EVT_N_ACTION -> intervene((NActionEvent) event, NActionHandler.class, null, failed,
                    (h, e) -> h.onNAction(e));
            case EVT_N_CREATE -> intervene((NCreateEvent) event, NCreateHandler.class, null, failed,
                    (h, e) -> h.onNCreate(e));
            case EVT_N_DELETE -> intervene((NDeleteEvent) event, NDeleteHandler.class, null, failed,
                    (h, e) -> h.onNDelete(e));
            case EVT_N_EVENT_REPORT -> intervene((NEventReportEvent) event, NEventReportHandler.class, null, failed,
                    (h, e) -> h.onNEventReport(e));
            default -> throw new IllegalArgumentException(event.type() + " is not a DIMSE-N event");
        };
    }

    /**
     * The handler's decision, or null when no handler is bound: the identity is then not negotiated
     * (accepted, and no User Identity AC item is sent).
     */
    public UserIdentityResult userIdentity(UserIdentityEvent event) {
        if (registry.intervention(event.type()) == null) {
            return null;
        }
        UserIdentityResult result = intervene(event, UserIdentityHandler.class, null, UserIdentityResult.reject(),
                (h, e) -> h.onUserIdentity(e));
        return result == null ? failedWith(event, "returned no result", UserIdentityResult.reject()) : result;
    }

    public AsyncOperationsWindow asyncOps(AsyncOpsEvent event) {
        return intervene(event, AsyncOpsHandler.class, null, null, (h, e) -> h.onAsyncOps(e));
    }

    public Map<String, byte[]> sopExtended(SopExtendedEvent event) {
        Map<String, byte[]> reply = intervene(event, SopExtendedHandler.class, Map.of(), Map.of(),
                (h, e) -> h.onSopExtended(e));
        return reply == null ? Map.of() : reply;
    }

    public Map<String, SopClassCommonExtendedNegotiation> sopCommon(SopCommonEvent event) {
        Map<String, SopClassCommonExtendedNegotiation> accepted = intervene(event, SopCommonHandler.class, Map.of(),
                Map.of(), (h, e) -> h.onSopCommon(e));
        return accepted == null ? Map.of() : accepted;
    }

    @FunctionalInterface
    private interface Call<H, E, R> {
        R apply(H handler, E event) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private <H, E extends Event, R> R intervene(E event, Class<H> type, R byDefault, R onFailure, Call<H, E, R> call) {
        HandlerRegistry.Binding binding = leased(event.type());
        if (binding == null) {
            return byDefault;
        }
        E delivered = binding.arguments().isEmpty() ? event
                : (E) ((Events.Bound) event).withArguments(binding.arguments());
        if (binding.lease() != null) {
            binding.lease().called();
        }
        try {
            return call.apply(type.cast(binding.handler()), delivered);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // Errors a plugin's own code raises (an assert, a runaway recursion) are its failure,
            // not the JVM's: the peer gets the failure status instead of waiting for its timeout
            LOG.warn("{} handler {} failed, answering as for a failure: {}", event.type(), binding.handler(),
                    e.toString(), e);
            if (binding.lease() != null) {
                binding.lease().failed(e);
            }
            return onFailure;
        } finally {
            Lease lease = binding.lease();
            if (lease != null && !(delivered instanceof Events.FollowedUp f && f.releaseAfterTasks(lease::release))) {
                lease.release();
            }
        }
    }

    /**
     * The winning binding, with a lease taken on it if it is a container handler: the operation
     * finishes on the handler it started with even if that handler is replaced meanwhile. A handler
     * retired between the look-up and the lease is skipped for the new winner.
     */
    private HandlerRegistry.Binding leased(EventType type) {
        for (int attempt = 0; attempt < 8; attempt++) {
            HandlerRegistry.Binding binding = registry.intervention(type);
            if (binding == null || binding.lease() == null || binding.lease().acquire()) {
                return binding;
            }
        }
        return null;
    }

    private static <R> R failedWith(Event event, String what, R answer) {
        LOG.warn("{} handler {}; answering as for a failure", event.type(), what);
        return answer;
    }

    /** For tests and diagnostics: the handlers that would receive {@code type}. */
    public List<?> handlers(EventType type) {
        return registry.handlers(type);
    }
}
