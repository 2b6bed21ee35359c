package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.runtime.EventRoutingDTO;
import org.netdicom.core.api.runtime.HandlerDTO;
import org.netdicom.core.api.runtime.NetdicomRuntime;
import org.netdicom.core.api.runtime.RuntimeDTO;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Handler plugins as real bundles, built by bnd from DS components typed with {@code @HandlesEvent}
 * (HandlerBundles), installed, updated, stopped and uninstalled while one association keeps
 * sending C-ECHOs: each change moves the next request to the next handler by ranking, or to the
 * built-in default, and the association never notices.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HandlerBundlesIT {

    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String PLAIN = "org.netdicom.itests.handlers.plain";
    private static final String RANKED = "org.netdicom.itests.handlers.ranked";

    @Inject
    private BundleContext context;

    private AssociationServer server;
    private NetdicomRuntime runtime;

    @Configuration
    public Option[] config() throws Exception {
        File dir = new File("target/handler-bundles");
        return new Option[] {
            composite(FrameworkOptions.coreWithScrAndConfigAdmin()),
            systemProperty("handler.plain").value(HandlerBundles.build(PLAIN, "1.0.0", PLAIN, 0xA001, dir).getPath()),
            systemProperty("handler.ranked").value(HandlerBundles.build(RANKED, "1.0.0", RANKED, 0xA002, dir).getPath()),
            systemProperty("handler.ranked.v2").value(
                    HandlerBundles.build(RANKED, "2.0.0", RANKED, 0xA003, dir).getPath())};
    }

    @Before
    public void startCoreAndAServer() throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("org.netdicom.core".equals(b.getSymbolicName())) {
                b.start();
            }
        }
        runtime = RuntimeService.get(context);
        server = new ApplicationEntity("PLUGGED").addSupportedContext(VERIFICATION, IMPLICIT)
                .startServer(new InetSocketAddress(Ports.LOOPBACK, 0), EventBindings.none());
    }

    @After
    public void stop() {
        server.close();
    }

    /** One association echoing in a loop; remembers every status and the first failure. */
    private static final class EchoLoop implements AutoCloseable {
        final Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        final AtomicInteger echoes = new AtomicInteger();
        final AtomicReference<Integer> last = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Association association;
        private final Thread thread;
        private volatile boolean running = true;

        EchoLoop(int port) throws Exception {
            association = new ApplicationEntity("LOOPER").addRequestedContext(VERIFICATION, IMPLICIT)
                    .associate(Ports.LOOPBACK, port, "PLUGGED");
            thread = new Thread(() -> {
                try {
                    while (running) {
                        int code = association.echo().code();
                        statuses.add(code);
                        last.set(code);
                        echoes.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "echo-loop");
            thread.start();
        }

        /** Waits until the loop's latest answer is {@code status}: the change reached new requests. */
        void awaitAnswer(int status, String after) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && failure.get() == null) {
                Integer l = last.get();
                if (l != null && l == status) {
                    return;
                }
                Thread.sleep(5);
            }
            throw new AssertionError(String.format("after %s the echoes never answered 0x%04X; last %s, failure %s",
                    after, status, last.get() == null ? null : Integer.toHexString(last.get()), failure.get()));
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(10_000);
            association.close();
        }
    }

    private Bundle install(String property) throws Exception {
        String path = System.getProperty(property);
        try (InputStream in = new FileInputStream(path)) {
            return context.installBundle("netdicom-test:" + property, in);
        }
    }

    @Test
    public void handlerBundlesTakeOverAsTheyComeAndGoWhileOneAssociationKeepsEchoing() throws Exception {
        int port = server.localAddress().getPort();
        try (EchoLoop loop = new EchoLoop(port)) {
            loop.awaitAnswer(0x0000, "start (built-in default)");

            Bundle plain = install("handler.plain");
            assertTrue("@HandlesEvent adds the requirement on the core's whiteboard",
                    plain.getHeaders().get("Require-Capability").contains("osgi.whiteboard"));
            plain.start();
            loop.awaitAnswer(0xA001, "installing the plain handler bundle");
            RuntimeDTO report = runtime.runtimeDTO();
            EventRoutingDTO echo = RuntimeService.routing(report, port, "EVT_C_ECHO");
            HandlerDTO plainHandler = RuntimeService.handler(report, echo.activeServiceId);
            assertEquals(PLAIN, plainHandler.bundleSymbolicName);
            assertEquals(plain.getBundleId(), plainHandler.bundleId);
            assertEquals(PLAIN + ".EchoAnswer", plainHandler.componentName);

            Bundle ranked = install("handler.ranked");
            ranked.start();
            loop.awaitAnswer(0xA002, "installing the ranked handler bundle");
            report = runtime.runtimeDTO();
            echo = RuntimeService.routing(report, port, "EVT_C_ECHO");
            assertEquals(RANKED, RuntimeService.handler(report, echo.activeServiceId).bundleSymbolicName);
            assertEquals(1, echo.shadowed.length);
            assertEquals(plainHandler.serviceId, echo.shadowed[0].serviceId);
            assertEquals("ranking 0 below 10 of service " + echo.activeServiceId, echo.shadowed[0].reason);

            try (InputStream v2 = new FileInputStream(System.getProperty("handler.ranked.v2"))) {
                ranked.update(v2);
            }
            loop.awaitAnswer(0xA003, "updating the ranked handler bundle");
            ranked.stop();
            loop.awaitAnswer(0xA001, "stopping the ranked handler bundle");
            ranked.start();
            loop.awaitAnswer(0xA003, "starting it again");
            ranked.uninstall();
            loop.awaitAnswer(0xA001, "uninstalling the ranked handler bundle");
            plain.uninstall();
            loop.awaitAnswer(0x0000, "uninstalling the last handler bundle");

            assertEquals("no echo failed", null, loop.failure.get());
            assertTrue("the association survived every change", loop.association.isEstablished());
            assertEquals("every answer came from a handler or the default, none failed",
                    Set.of(0x0000, 0xA001, 0xA002, 0xA003), loop.statuses);
            RuntimeDTO after = runtime.runtimeDTO();
            assertEquals(0, RuntimeService.server(after, port).associationsAborted);
            assertEquals("no handler service left", 0, after.handlers.length);
        }
    }
}
