package org.netdicom.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CEchoHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.api.handler.NotificationHandler;
import org.netdicom.core.api.runtime.AssociationDTO;
import org.netdicom.core.api.runtime.EventRoutingDTO;
import org.netdicom.core.api.runtime.FailedHandlerDTO;
import org.netdicom.core.api.runtime.HandlerDTO;
import org.netdicom.core.api.runtime.NetdicomRuntime;
import org.netdicom.core.api.runtime.RuntimeDTO;
import org.netdicom.core.api.runtime.ServerDTO;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * The NetdicomRuntime report in a real framework: servers with their associations and counters,
 * the active, shadowed and failed handlers per event and why, a throwing handler's error count,
 * and the events a blocked notification handler drops while the association goes on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeReportIT {

    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";

    @Inject
    private BundleContext context;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private AssociationServer server;
    private int port;
    private NetdicomRuntime runtime;

    @Configuration
    public Option[] config() {
        return FrameworkOptions.coreWithScrAndConfigAdmin();
    }

    @Before
    public void startCoreAndAServer() throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("org.netdicom.core".equals(b.getSymbolicName())) {
                b.start();
            }
        }
        runtime = RuntimeService.get(context);
        server = new ApplicationEntity("REPORTED").addSupportedContext(VERIFICATION, IMPLICIT)
                .maximumAssociations(4).allowCallingAeTitles(List.of("PEER", "PEER1", "LOOPER"))
                .startServer(new InetSocketAddress(Ports.LOOPBACK, 0), EventBindings.none());
        port = server.localAddress().getPort();
    }

    @After
    public void stop() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the test
            }
        }
        server.close();
    }

    private long register(DicomEventHandler handler, Object... properties) {
        Dictionary<String, Object> props = new Hashtable<>();
        for (int i = 0; i < properties.length; i += 2) {
            props.put((String) properties[i], properties[i + 1]);
        }
        ServiceRegistration<DicomEventHandler> r = context.registerService(DicomEventHandler.class, handler, props);
        registrations.add(r);
        return (Long) r.getReference().getProperty(Constants.SERVICE_ID);
    }

    private Association associate(String callingAet) throws Exception {
        return new ApplicationEntity(callingAet).addRequestedContext(VERIFICATION, IMPLICIT)
                .associate(Ports.LOOPBACK, port, "REPORTED");
    }

    @Test
    public void aServerIsReportedWithItsOpenAssociationsAndCounters() throws Exception {
        try (Association a = associate("PEER1")) {
            assertEquals(0, a.echo().code());
            assertEquals(0, a.echo().code());
            ServerDTO s = RuntimeService.server(runtime.runtimeDTO(), port);
            assertEquals("REPORTED", s.aeTitle);
            assertEquals(Ports.LOOPBACK, s.bind);
            assertEquals(ServerDTO.STATE_LISTENING, s.state);
            assertEquals(false, s.tls);
            assertEquals(4, s.maximumAssociations);
            assertEquals(1, s.associations.length);
            AssociationDTO open = s.associations[0];
            assertEquals("PEER1", open.callingAeTitle);
            assertEquals("REPORTED", open.calledAeTitle);
            assertEquals(Ports.LOOPBACK, open.remoteAddress);
            assertTrue(open.remotePort > 0);
            assertTrue(open.established);
            assertEquals(1, open.acceptedContexts);
            assertTrue(open.establishedAt >= open.connectedAt && open.connectedAt > 0);
            assertEquals(1, s.associationsAccepted);
            assertEquals(2, s.messagesReceived);
            a.abort();
        }
        try (Association stranger = associate("STRANGER")) {
            throw new AssertionError("a calling AE title that is not allowed was accepted");
        } catch (java.io.IOException rejected) {
            // A-ASSOCIATE-RJ, counted below
        }
        ServerDTO s = awaitServer(x -> x.associations.length == 0 && x.associationsRejected == 1);
        assertEquals(1, s.associationsAccepted);
        assertEquals("our A-ABORT", 1, s.associationsAborted);
        server.close();
        assertTrue("a closed server leaves the report", Arrays.stream(runtime.runtimeDTO().servers)
                .noneMatch(x -> x.port == port));
    }

    private ServerDTO awaitServer(java.util.function.Predicate<ServerDTO> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ServerDTO s;
        do {
            s = RuntimeService.server(runtime.runtimeDTO(), port);
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("server never reached the condition: " + s);
    }

    @Test
    public void activeShadowedCodeBoundAndInvalidHandlersAreReportedWithTheReason() throws Exception {
        long first = register((CEchoHandler) e -> new Status(0xA001), "event", "EVT_C_ECHO");
        long tie = register((CEchoHandler) e -> new Status(0xA002), "event", "C_ECHO");
        long lower = register((CEchoHandler) e -> new Status(0xA003), "event", "EVT_C_ECHO",
                Constants.SERVICE_RANKING, -1);
        long elsewhere = register((CEchoHandler) e -> new Status(0xA004), "event", "EVT_C_ECHO", "ae.title", "OTHER");
        long invalid = register((CEchoHandler) e -> Status.SUCCESS, "event", "EVT_NO_SUCH_EVENT");
        long wrongType = register((NotificationHandler) e -> { }, "event", "EVT_C_ECHO");

        RuntimeDTO report = runtime.runtimeDTO();
        EventRoutingDTO echo = RuntimeService.routing(report, port, "EVT_C_ECHO");
        assertEquals(EventRoutingDTO.SOURCE_WHITEBOARD, echo.source);
        assertEquals(first, echo.activeServiceId);
        assertEquals("not for this server: neither active nor shadowed here", 2, echo.shadowed.length);
        assertEquals(tie, echo.shadowed[0].serviceId);
        assertEquals(first, echo.shadowed[0].shadowedBy);
        assertEquals("same ranking 0 as service " + first + ", which has the lower service id",
                echo.shadowed[0].reason);
        assertEquals(lower, echo.shadowed[1].serviceId);
        assertEquals("ranking -1 below 0 of service " + first, echo.shadowed[1].reason);
        assertArrayEquals(new String[] {"OTHER"}, RuntimeService.handler(report, elsewhere).aeTitles);

        FailedHandlerDTO[] failed = report.failedHandlers;
        assertEquals(2, failed.length);
        FailedHandlerDTO unknown = Arrays.stream(failed).filter(f -> f.serviceId == invalid).findFirst().orElseThrow();
        assertEquals("EVT_NO_SUCH_EVENT", unknown.event);
        assertTrue(unknown.reason, unknown.reason.contains("EVT_NO_SUCH_EVENT"));
        FailedHandlerDTO notAnEchoHandler = Arrays.stream(failed).filter(f -> f.serviceId == wrongType).findFirst()
                .orElseThrow();
        assertTrue(notAnEchoHandler.reason, notAnEchoHandler.reason.contains("must implement CEchoHandler"));
        assertEquals(context.getBundle().getSymbolicName(), unknown.bundleSymbolicName);

        CEchoHandler inCode = e -> Status.SUCCESS;
        server.bind(EventType.EVT_C_ECHO, inCode);
        echo = RuntimeService.routing(runtime.runtimeDTO(), port, "EVT_C_ECHO");
        assertEquals(EventRoutingDTO.SOURCE_CODE, echo.source);
        assertEquals(-1, echo.activeServiceId);
        assertEquals(3, echo.shadowed.length);
        assertEquals(-1, echo.shadowed[0].shadowedBy);
        server.unbind(EventType.EVT_C_ECHO, inCode);

        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        report = runtime.runtimeDTO();
        assertEquals(0, report.handlers.length);
        assertEquals(0, report.failedHandlers.length);
        assertEquals("nothing left to route", 0, RuntimeService.server(report, port).events.length);
    }

    @Test
    public void aHandlerServiceThatCannotBeObtainedIsReportedAsFailed() throws Exception {
        // What a DS component that throws in its activate method looks like to the whiteboard.
        ServiceRegistration<?> r = context.registerService(DicomEventHandler.class.getName(),
                new org.osgi.framework.ServiceFactory<DicomEventHandler>() {
                    @Override
                    public DicomEventHandler getService(Bundle bundle,
                            ServiceRegistration<DicomEventHandler> registration) {
                        return null;
                    }

                    @Override
                    public void ungetService(Bundle bundle, ServiceRegistration<DicomEventHandler> registration,
                            DicomEventHandler service) {
                    }
                }, new Hashtable<>(java.util.Map.of("event", "EVT_C_ECHO")));
        registrations.add(r);
        long id = (Long) r.getReference().getProperty(Constants.SERVICE_ID);
        FailedHandlerDTO failed = Arrays.stream(runtime.runtimeDTO().failedHandlers).filter(f -> f.serviceId == id)
                .findFirst().orElseThrow(() -> new AssertionError("not reported as failed"));
        assertEquals("EVT_C_ECHO", failed.event);
        assertTrue(failed.reason, failed.reason.contains("cannot be obtained"));
        try (Association a = associate("PEER")) {
            assertEquals("the built-in default answers", 0x0000, a.echo().code());
        }
    }

    @Test
    public void aThrowingHandlerAnswersAFailureAndIsCounted() throws Exception {
        long id = register((CEchoHandler) e -> {
            throw new IllegalStateException("echo handler broke");
        }, "event", "EVT_C_ECHO");
        try (Association a = associate("PEER")) {
            assertEquals("PS3.7 C.4.2: processing failure", 0x0110, a.echo().code());
            assertEquals(0x0110, a.echo().code());
        }
        HandlerDTO h = RuntimeService.handler(runtime.runtimeDTO(), id);
        assertEquals(2, h.calls);
        assertEquals(2, h.errors);
        assertEquals("java.lang.IllegalStateException: echo handler broke", h.lastError);
        assertTrue(h.lastErrorAt > 0);
        assertEquals(0, h.runningOperations);
    }

    @Test
    public void notificationHandlersEachSeeAcceptedAndReleasedAndOneThatThrowsStopsNobody() throws Exception {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch released = new CountDownLatch(1);
        long throwing = register((NotificationHandler) e -> {
            throw new IllegalStateException("audit down");
        }, "event", "EVT_ACCEPTED,EVT_RELEASED", Constants.SERVICE_RANKING, 5);
        long quiet = register((NotificationHandler) e -> {
            seen.add(e.type().name());
            if (e.type() == EventType.EVT_RELEASED) {
                released.countDown();
            }
        }, "event", new String[] {"ACCEPTED", "RELEASED"});
        try (Association a = associate("PEER")) {
            assertEquals(0, a.echo().code());
        }
        assertTrue(released.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("EVT_ACCEPTED", "EVT_RELEASED"), seen);
        RuntimeDTO report = runtime.runtimeDTO();
        assertArrayEquals("delivery order: best ranking first", new long[] {throwing, quiet},
                RuntimeService.routing(report, port, "EVT_ACCEPTED").notificationServiceIds);
        HandlerDTO failing = awaitHandler(throwing, h -> h.errors == 2);
        assertEquals(2, failing.calls);
        assertEquals("java.lang.IllegalStateException: audit down", failing.lastError);
        assertEquals(0, RuntimeService.handler(report, quiet).errors);
    }

    /** Notification handlers run on their own threads: their counts settle a moment after the event. */
    private HandlerDTO awaitHandler(long id, java.util.function.Predicate<HandlerDTO> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HandlerDTO h;
        do {
            h = RuntimeService.handler(runtime.runtimeDTO(), id);
            if (condition.test(h)) {
                return h;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("handler never reached the condition: " + h);
    }

    @Test
    public void aBlockedNotificationHandlerDropsItsEventsButNeverStallsTheAssociation() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        long id = register((NotificationHandler) e -> {
            blocked.countDown();
            unblock.await();
        }, "event", new String[] {"EVT_DIMSE_RECV", "EVT_DIMSE_SENT", "EVT_PDU_RECV", "EVT_PDU_SENT",
            "EVT_DATA_RECV", "EVT_DATA_SENT", "EVT_FSM_TRANSITION"});
        long quiet = register((NotificationHandler) e -> { }, "event", "EVT_DIMSE_RECV");
        try (Association a = associate("PEER")) {
            assertTrue(blocked.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            int echoes = 0;
            HandlerDTO h;
            do {
                for (int i = 0; i < 200; i++, echoes++) {
                    assertEquals(0, a.echo().code());
                }
                h = RuntimeService.handler(runtime.runtimeDTO(), id);
            } while (h.droppedNotifications == 0 && echoes < 20_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue("the handler's queue filled and it dropped events: " + h, h.droppedNotifications > 0);
            assertEquals("its queue is full", 10_000, h.queuedNotifications);
            assertTrue(echoes + " echoes took " + millis + " ms behind a blocked handler", millis < 30_000);
            assertTrue(a.isEstablished());
            HandlerDTO other = RuntimeService.handler(runtime.runtimeDTO(), quiet);
            assertEquals("the other handler lost nothing", 0, other.droppedNotifications);
        } finally {
            unblock.countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HandlerDTO h;
        do {
            h = RuntimeService.handler(runtime.runtimeDTO(), id);
        } while (h.queuedNotifications > 0 && System.nanoTime() < deadline);
        assertEquals("released, it catches up with its queue", 0, h.queuedNotifications);
        assertNull(h.lastError);
    }
}
