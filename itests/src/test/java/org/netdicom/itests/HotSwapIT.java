package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.runtime.NetdicomRuntime;
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

/**
 * Hot swap under load (issue 6): 8 SCUs store 2,000 instances in total while storage handler
 * bundles (FileStoreHandler, built by bnd) are installed, updated, stopped, started and
 * uninstalled every 100 ms. Every instance acknowledged with Success is stored exactly once, every
 * other one got the built-in refusal 0xA700, and no association is aborted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String PKG = "org.netdicom.itests.handlers.store";
    private static final int SCUS = 8;
    private static final int INSTANCES = 2000;
    /** Swaps that must happen while the SCUs store: each waits for them half-way through its instances. */
    private static final int MIN_SWAPS = 5;
    private final CountDownLatch swapsDuringLoad = new CountDownLatch(MIN_SWAPS);
    private static final long SEED = 6;

    @Inject
    private BundleContext context;

    private AssociationServer server;
    private NetdicomRuntime runtime;
    private final List<Bundle> installed = new ArrayList<>();

    @Configuration
    public Option[] config() throws Exception {
        File store = new File("target/hotswap-store").getAbsoluteFile();
        store.mkdirs();
        File bundles = new File("target/handler-bundles");
        return new Option[] {
            composite(FrameworkOptions.coreWithScrAndConfigAdmin()),
            systemProperty("hotswap.store").value(store.getPath()),
            systemProperty("hotswap.a").value(HandlerBundles.build(PKG + ".a", "1.0.0", PKG, "X-Store-Dir",
                    store.getPath(), bundles).getPath()),
            systemProperty("hotswap.b").value(HandlerBundles.build(PKG + ".b", "1.0.0", PKG, "X-Store-Dir",
                    store.getPath(), bundles).getPath())};
    }

    @Before
    public void startCoreAndAServer() throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("org.netdicom.core".equals(b.getSymbolicName())) {
                b.start();
            }
        }
        runtime = RuntimeService.get(context);
        Path store = Path.of(System.getProperty("hotswap.store"));
        try (Stream<Path> old = Files.list(store)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        server = new ApplicationEntity("SWAP").addSupportedContext(CT, IMPLICIT).maximumAssociations(16)
                .startServer(new InetSocketAddress(Ports.LOOPBACK, 0), EventBindings.none());
    }

    @After
    public void stop() throws Exception {
        for (Bundle b : installed) {
            if (b.getState() != Bundle.UNINSTALLED) {
                b.uninstall();
            }
        }
        server.close();
    }

    @Test
    public void everyAcknowledgedInstanceIsStoredOnceWhileHandlerBundlesComeAndGo() throws Exception {
        int port = server.localAddress().getPort();
        ConsoleWatch console = new ConsoleWatch();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(SCUS);
        List<Future<?>> scus = new ArrayList<>();
        for (int s = 0; s < SCUS; s++) {
            int scu = s;
            scus.add(pool.submit(() -> {
                ApplicationEntity ae = new ApplicationEntity("SCU" + scu).addRequestedContext(CT, IMPLICIT);
                try (Association a = ae.associate(Ports.LOOPBACK, port, "SWAP")) {
                    for (int i = 0; i < INSTANCES / SCUS; i++) {
                        if (i == INSTANCES / SCUS / 2) {
                            // on a fast machine the load could end before the churn got going
                            assertTrue("no swaps during the load", swapsDuringLoad.await(60, TimeUnit.SECONDS));
                        }
                        String uid = "1.2.3." + scu + "." + i;
                        statuses.put(uid, a.store(ct(uid)).status().code());
                    }
                    assertTrue("association still up after its stores", a.isEstablished());
                }
                return null;
            }));
        }
        int swaps = churnUntilDone(scus);
        pool.shutdown();
        for (Future<?> f : scus) {
            f.get(60, TimeUnit.SECONDS); // rethrows an SCU's failure (abort, timeout, assertion)
        }
        console.close();
        assertTrue("the watch sees the framework's log", console.saw("active handler is now"));
        assertEquals("exceptions or errors logged during the swaps", List.of(), console.problems());

        assertEquals(INSTANCES, statuses.size());
        Path store = Path.of(System.getProperty("hotswap.store"));
        Map<String, String> stored = new HashMap<>();
        Set<String> duplicates = new HashSet<>();
        try (Stream<Path> files = Files.list(store)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".duplicate")) {
                    duplicates.add(name);
                } else {
                    stored.put(name, Files.readString(p));
                }
            }
        }
        assertEquals("stored twice", Set.of(), duplicates);
        int success = 0;
        for (Map.Entry<String, Integer> e : statuses.entrySet()) {
            if (e.getValue() == 0x0000) {
                success++;
                assertTrue(e.getKey() + " acknowledged but not stored", stored.containsKey(e.getKey()));
            } else {
                assertEquals(e.getKey() + " got neither Success nor the refusal without a handler", 0xA700,
                        (int) e.getValue());
                assertFalse(e.getKey() + " refused but stored", stored.containsKey(e.getKey()));
            }
        }
        assertEquals("every stored instance was acknowledged", success, stored.size());
        assertTrue("swaps during the load: " + swaps, swaps >= MIN_SWAPS);
        assertTrue("more than one handler stored instances: " + new HashSet<>(stored.values()),
                new HashSet<>(stored.values()).size() > 1);
        assertEquals("associations aborted", 0, RuntimeService.server(runtime.runtimeDTO(), port).associationsAborted);
        System.out.printf("hot swap: %d swaps, %d of %d instances stored by %d handler instances%n", swaps, success,
                INSTANCES, new HashSet<>(stored.values()).size());
    }

    /** Every 100 ms one change to storage bundle a or b (seeded), until the SCUs are done. */
    private int churnUntilDone(List<Future<?>> scus) throws Exception {
        Random random = new Random(SEED);
        Map<String, Bundle> bundles = new HashMap<>();
        int swaps = 0;
        while (scus.stream().anyMatch(f -> !f.isDone())) {
            String which = random.nextBoolean() ? "hotswap.a" : "hotswap.b";
            Bundle b = bundles.get(which);
            if (b == null) {
                try (InputStream in = new FileInputStream(System.getProperty(which))) {
                    b = context.installBundle("netdicom-test:" + which, in);
                }
                installed.add(b);
                bundles.put(which, b);
                b.start();
            } else {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        try (InputStream in = new FileInputStream(System.getProperty(which))) {
                            b.update(in);
                        }
                    }
                    case 1 -> b.stop();
                    case 2 -> b.start();
                    default -> {
                        b.uninstall();
                        bundles.remove(which);
                    }
                }
            }
            swaps++;
            swapsDuringLoad.countDown();
            Thread.sleep(100);
        }
        return swaps;
    }

    private static Dataset ct(String instance) {
        return new Dataset().setString(Tag.SOP_CLASS_UID, VR.UI, CT).setString(Tag.SOP_INSTANCE_UID, VR.UI, instance)
                .setString("PatientID", "P1");
    }
}
