package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.Query;
import org.netdicom.index.StoredInstance;
import org.netdicom.storage.ReconciliationReport;
import org.netdicom.storage.StorageMaintenance;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The storage plugin in a real framework: its DS component activates with configuration
 * {@code org.netdicom.storage} once an {@link InstanceIndex} service is there, takes EVT_C_STORE on
 * the whiteboard and stores and indexes what a server receives; without the index it goes away and
 * the built-in default (0xA700) answers again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StorageBundleIT {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT = "1.2.840.10008.1.2";

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configurationAdmin;

    private final MapIndex index = new MapIndex();
    private ServiceRegistration<InstanceIndex> indexRegistration;
    private AssociationServer server;
    private Path root;

    /** An index in a map, standing in for the JDBC index bundle. */
    static final class MapIndex implements InstanceIndex {
        final Map<String, StoredInstance> rows = new ConcurrentHashMap<>();

        @Override
        public void put(StoredInstance instance) {
            rows.put(instance.sopInstanceUid(), instance);
        }

        @Override
        public Optional<StoredInstance> get(String uid) {
            return Optional.ofNullable(rows.get(uid));
        }

        @Override
        public boolean remove(String uid) {
            return rows.remove(uid) != null;
        }

        @Override
        public void find(Query query, Predicate<Dataset> sink) {
        }

        @Override
        public List<StoredInstance> instances(Query query) {
            return List.of();
        }

        @Override
        public void forEach(Consumer<StoredInstance> action) {
            rows.values().forEach(action);
        }

        @Override
        public long count() {
            return rows.size();
        }
    }

    @Configuration
    public Option[] config() {
        return FrameworkOptions.withStorage();
    }

    @Before
    public void startCoreConfigureStorageAndAServer() throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("org.netdicom.core".equals(b.getSymbolicName())) {
                b.start();
            }
        }
        root = Files.createTempDirectory("storage-it");
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("root", root.toString());
        settings.put("fsync", Boolean.FALSE);
        configurationAdmin.getConfiguration("org.netdicom.storage", "?").update(settings);
        indexRegistration = context.registerService(InstanceIndex.class, index, null);
        server = new ApplicationEntity("ARCHIVE").addSupportedContext(CT, IMPLICIT)
                .startServer(new InetSocketAddress(Ports.LOOPBACK, 0), EventBindings.none());
    }

    @After
    public void stop() throws Exception {
        server.close();
        if (indexRegistration != null) {
            indexRegistration.unregister();
        }
        configurationAdmin.getConfiguration("org.netdicom.storage", "?").delete();
    }

    /**
     * Waits for the storage service to be there (configured with our root: Config Admin delivers
     * the configuration asynchronously, so a first activation may still use the defaults) or gone.
     */
    private StorageMaintenance storage(boolean expected) throws InterruptedException {
        ServiceTracker<StorageMaintenance, StorageMaintenance> tracker =
                new ServiceTracker<>(context, StorageMaintenance.class, null);
        tracker.open();
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            StorageMaintenance found = tracker.getService();
            while ((expected ? found == null || !found.root().equals(root.toAbsolutePath()) : found != null)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                found = tracker.getService();
            }
            return found;
        } finally {
            tracker.close();
        }
    }

    private static Dataset ct(String uid) {
        Dataset d = new Dataset();
        d.setString(Tag.SOP_CLASS_UID, VR.UI, CT);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, uid);
        d.setString("PatientID", "../../etc");
        d.setString("StudyInstanceUID", "2.25.1");
        d.setString("SeriesInstanceUID", "2.25.2");
        d.setBytes(Tag.PIXEL_DATA, VR.OW, new byte[512]);
        return d;
    }

    private int store(String uid) throws Exception {
        try (Association a = new ApplicationEntity("MODALITY").addRequestedContext(CT, IMPLICIT)
                .associate(Ports.LOOPBACK, server.localAddress().getPort(), "ARCHIVE")) {
            return a.store(ct(uid)).status().code();
        }
    }

    @Test
    public void storesAndIndexesWhatTheServerReceivesAndGoesAwayWithTheIndex() throws Exception {
        StorageMaintenance storage = storage(true);
        assertNotNull("the storage component did not come up", storage);
        assertEquals(root.toRealPath(), storage.root().toRealPath());

        assertEquals(0x0000, store("2.25.10"));
        assertEquals(0x0000, store("2.25.11"));

        assertTrue(Files.isRegularFile(root.resolve("___.__etc/2.25.1/2.25.2/2.25.10.dcm")));
        assertEquals("___.__etc/2.25.1/2.25.2/2.25.11.dcm", index.rows.get("2.25.11").path());
        ReconciliationReport report = storage.reconcile();
        assertTrue(report.toString(), report.wasConsistent());
        assertEquals(2, report.filesSeen());

        indexRegistration.unregister();
        indexRegistration = null;
        assertNull("without its index the storage is gone", storage(false));
        assertEquals("the built-in default answers again", 0xA700, store("2.25.12"));
        assertTrue(!Files.exists(root.resolve("___.__etc/2.25.1/2.25.2/2.25.12.dcm")));
    }
}
