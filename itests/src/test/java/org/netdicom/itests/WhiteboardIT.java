package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.api.handler.NotificationHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
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
 * The event whiteboard in a real framework: {@code DicomEventHandler} services registered,
 * re-ranked and unregistered while a server runs; the winner per event; in-flight operations that
 * keep their handler; notification handlers that cannot stall an association.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WhiteboardIT {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String VERIFICATION = "1.2.840.10008.1.1";

    @Inject
    private BundleContext context;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private AssociationServer server;
    private int port;

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
        server = new ApplicationEntity("WHITEBOARD").addSupportedContext(VERIFICATION, IMPLICIT)
                .addSupportedContext(CT, IMPLICIT)
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

    private ServiceRegistration<DicomEventHandler> register(DicomEventHandler handler, Object... properties) {
        Dictionary<String, Object> props = new Hashtable<>();
        for (int i = 0; i < properties.length; i += 2) {
            props.put((String) properties[i], properties[i + 1]);
        }
        ServiceRegistration<DicomEventHandler> r = context.registerService(DicomEventHandler.class, handler, props);
        registrations.add(r);
        return r;
    }

    private static CEchoHandler answering(int status) {
        return event -> new Status(status);
    }

    private int echo(String callingAet) throws Exception {
        try (Association a = new ApplicationEntity(callingAet).addRequestedContext(VERIFICATION, IMPLICIT)
                .associate(Ports.LOOPBACK, port, "WHITEBOARD")) {
            return a.echo().code();
        }
    }

    @Test
    public void theHighestRankingThenTheLowestServiceIdAnswers() throws Exception {
        assertEquals("built-in default", 0x0000, echo("SCU"));
        register(answering(0xA001), "event", "EVT_C_ECHO");
        assertEquals(0xA001, echo("SCU"));
        register(answering(0xA002), "event", "C_ECHO"); // short form, same ranking, higher id: shadowed
        assertEquals(0xA001, echo("SCU"));
        ServiceRegistration<DicomEventHandler> better = register(answering(0xA003), "event", "EVT_C_ECHO",
                Constants.SERVICE_RANKING, 10);
        assertEquals("a better handler that arrives later takes over", 0xA003, echo("SCU"));

        Dictionary<String, Object> lower = new Hashtable<>();
        lower.put("event", "EVT_C_ECHO");
        lower.put(Constants.SERVICE_RANKING, -5);
        better.setProperties(lower);
        assertEquals("re-ranked below the others", 0xA001, echo("SCU"));

        registrations.get(0).unregister();
        assertEquals("the next one takes over", 0xA002, echo("SCU"));
        registrations.get(1).unregister();
        better.unregister();
        assertEquals("none left: the built-in default again", 0x0000, echo("SCU"));
    }

    @Test
    public void aHandlerBoundInCodeWinsOverTheWhiteboardForItsServer() throws Exception {
        register(answering(0xA001), "event", "EVT_C_ECHO", Constants.SERVICE_RANKING, 1000);
        CEchoHandler inCode = answering(0xA005);
        server.bind(EventType.EVT_C_ECHO, inCode);
        assertEquals(0xA005, echo("SCU"));
        server.unbind(EventType.EVT_C_ECHO, inCode);
        assertEquals(0xA001, echo("SCU"));
    }

    @Test
    public void aeTitleAndServerTargetChooseTheServers() throws Exception {
        register(answering(0xA001), "event", "EVT_C_ECHO", "ae.title", "OTHER");
        assertEquals("not for this server", 0x0000, echo("SCU"));
        register(answering(0xA002), "event", "EVT_C_ECHO", "server.target", "(port=" + port + ")");
        assertEquals(0xA002, echo("SCU"));
        register(answering(0xA003), "event", "EVT_C_ECHO", "ae.title", new String[] {"X", "WHITEBOARD"},
                Constants.SERVICE_RANKING, 5);
        assertEquals(0xA003, echo("SCU"));
    }

    @Test
    public void invalidPropertiesLeaveTheHandlerOut() throws Exception {
        register(answering(0xA001), "event", "EVT_NO_SUCH_EVENT");
        register(answering(0xA002)); // no event property
        register((NotificationHandler) e -> { }, "event", "EVT_C_ECHO"); // wrong handler type
        register(answering(0xA003), "event", "EVT_C_ECHO", "server.target", "(((broken");
        assertEquals(0x0000, echo("SCU"));
    }

    @Test
    public void aStoreInProgressFinishesOnItsHandlerWhileTheNextGoesToTheSuccessor() throws Exception {
        CountDownLatch inFirstHandler = new CountDownLatch(1);
        CountDownLatch releaseFirstHandler = new CountDownLatch(1);
        ServiceRegistration<DicomEventHandler> first = register((CStoreHandler) e -> {
            inFirstHandler.countDown();
            assertTrue(releaseFirstHandler.await(30, TimeUnit.SECONDS));
            return new Status(0xB000);
        }, "event", "EVT_C_STORE", Constants.SERVICE_RANKING, 10);
        register((CStoreHandler) e -> Status.SUCCESS, "event", "EVT_C_STORE");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ApplicationEntity scu = new ApplicationEntity("SCU").addRequestedContext(CT, IMPLICIT);
            Future<Integer> inFlight = pool.submit(() -> {
                try (Association a = scu.associate(Ports.LOOPBACK, port, "WHITEBOARD")) {
                    return a.store(ct("1.1")).status().code();
                }
            });
            assertTrue(inFirstHandler.await(30, TimeUnit.SECONDS));
            Future<?> unregistering = pool.submit(first::unregister);
            // The framework thread waits for the operation that holds a lease on the departing handler...
            assertFalse("unregister returned while the handler still served a C-STORE",
                    waitDone(unregistering, 500));
            // ...while new operations already go to the successor.
            try (Association a = scu.associate(Ports.LOOPBACK, port, "WHITEBOARD")) {
                assertEquals(0x0000, a.store(ct("1.2")).status().code());
            }
            releaseFirstHandler.countDown();
            assertEquals("answered by the handler it started on", 0xB000, (int) inFlight.get(30, TimeUnit.SECONDS));
            unregistering.get(30, TimeUnit.SECONDS);
        } finally {
            releaseFirstHandler.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    public void aSlowNotificationHandlerDoesNotStallTheAssociation() throws Exception {
        CountDownLatch received = new CountDownLatch(5);
        register((NotificationHandler) e -> {
            received.countDown();
            Thread.sleep(1000);
        }, "event", "EVT_DIMSE_RECV");
        long start = System.nanoTime();
        try (Association a = new ApplicationEntity("SCU").addRequestedContext(VERIFICATION, IMPLICIT)
                .associate(Ports.LOOPBACK, port, "WHITEBOARD")) {
            for (int i = 0; i < 5; i++) {
                assertEquals(0, a.echo().code());
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("5 echoes took " + millis + " ms behind a handler that sleeps 1 s per event", millis < 3000);
        assertTrue("the handler still gets every event, in its own time", received.await(20, TimeUnit.SECONDS));
    }

    private static boolean waitDone(Future<?> future, long millis) throws Exception {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private static Dataset ct(String instance) {
        return new Dataset().setString(Tag.SOP_CLASS_UID, VR.UI, CT).setString(Tag.SOP_INSTANCE_UID, VR.UI, instance)
                .setString("PatientID", "P1");
    }
}
