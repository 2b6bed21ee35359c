package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.StoredInstance;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The archive bundles in Felix: H2 registers its DataSourceFactory, the index bundle opens an H2
 * file database from configuration org.netdicom.index and registers InstanceIndex, the qr bundle's
 * component answers C-FIND and C-GET on the whiteboard from configuration org.netdicom.qr; stopping
 * the qr bundle gives the event back to the built-in default.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class QueryRetrieveBundleIT {

    private static final String STUDY_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    private static final String STUDY_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    private AssociationServer server;

    @Configuration
    public Option[] config() {
        String index = System.getProperty("netdicom.index.bundle");
        String qr = System.getProperty("netdicom.qr.bundle");
        assertNotNull("system property netdicom.index.bundle is not set", index);
        assertNotNull("system property netdicom.qr.bundle is not set", qr);
        return OptionUtils.combine(FrameworkOptions.coreWithScrAndConfigAdmin(),
                mavenBundle("org.osgi", "org.osgi.service.jdbc").versionAsInProject(),
                mavenBundle("com.h2database", "h2").versionAsInProject(),
                // configured before they start, so that nothing is written under the working directory
                bundle(new File(index).toURI().toString()).start(false),
                bundle(new File(qr).toURI().toString()).start(false));
    }

    @After
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Bundle installed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private static Dictionary<String, Object> properties(Object... keysAndValues) {
        Dictionary<String, Object> d = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }

    private <T> T await(Class<T> type, String filter) throws Exception {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        tracker.open();
        T service = tracker.waitForService(20_000);
        assertNotNull(type.getSimpleName() + " " + filter + " did not come", service);
        return service;
    }

    @Test
    public void findsAndGetsThroughTheWhiteboard() throws Exception {
        installed("org.netdicom.core").start();
        Path work = Files.createTempDirectory("netdicom-qr-it");
        Path storage = Files.createDirectories(work.resolve("storage").resolve("OSGI-1")).getParent();
        configAdmin.getConfiguration("org.netdicom.index", "?").update(properties(
                "url", "jdbc:h2:file:" + work.resolve("index").resolve("index") + ";LOCK_TIMEOUT=30000",
                "driver", "org.h2.Driver"));
        configAdmin.getConfiguration("org.netdicom.qr", "?").update(properties("storage.root", storage.toString()));
        installed("org.netdicom.index").start();
        installed("org.netdicom.qr").start();

        InstanceIndex index = await(InstanceIndex.class, "(index.driver=org.h2.Driver)");
        for (int n = 1; n <= 2; n++) {
            Dataset d = new Dataset();
            d.setString(0x00080016, VR.UI, CT);
            d.setString(0x00080018, VR.UI, "1.2.826.0.77.1.1." + n);
            d.setString("PatientID", "OSGI-1");
            d.setString("PatientName", "Bundle^Test");
            d.setString("StudyInstanceUID", "1.2.826.0.77.1");
            d.setString("SeriesInstanceUID", "1.2.826.0.77.1.1");
            d.setString("Modality", "CT");
            d.setString("StudyDate", "20261129");
            String relative = "OSGI-1/" + n + ".dcm";
            DicomFile.write(storage.resolve(relative), d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            index.put(new StoredInstance(d, relative, Files.size(storage.resolve(relative)), EXPLICIT, Instant.now()));
        }
        await(org.netdicom.core.api.handler.DicomEventHandler.class, "(event=EVT_C_FIND)");

        server = new ApplicationEntity("QRIT").addSupportedContexts(ServiceClass.QUERY_RETRIEVE, EXPLICIT, IMPLICIT)
                .addSupportedContext(CT, EXPLICIT, IMPLICIT).acceptRoles(CT, true, true)
                .startServer(new InetSocketAddress(Ports.LOOPBACK, 0), EventBindings.none());
        Set<String> received = new ConcurrentSkipListSet<>();
        CStoreHandler collect = e -> {
            received.add(e.sopInstanceUid());
            return Status.SUCCESS;
        };
        Dataset keys = new Dataset();
        keys.setString("QueryRetrieveLevel", "STUDY");
        keys.setString("PatientName", "bundle*");
        keys.setString("StudyInstanceUID", "");
        keys.setString("NumberOfStudyRelatedInstances", "");
        try (Association a = new ApplicationEntity("SCU").addRequestedContext(STUDY_FIND, EXPLICIT)
                .addRequestedContext(STUDY_GET, EXPLICIT).addRequestedContext(CT, EXPLICIT).requestRole(CT, false, true)
                .associate(Ports.LOOPBACK, server.localAddress().getPort(), "QRIT",
                        EventBindings.of(EventType.EVT_C_STORE, collect))) {
            List<DimseResponse> responses = new ArrayList<>();
            a.find(keys, STUDY_FIND).forEachRemaining(responses::add);
            assertEquals(2, responses.size());
            assertEquals("1.2.826.0.77.1", responses.get(0).dataSet().getString("StudyInstanceUID"));
            assertEquals("2", responses.get(0).dataSet().getString("NumberOfStudyRelatedInstances"));
            assertEquals(Status.SUCCESS, responses.get(1).status());

            Dataset get = new Dataset();
            get.setString("QueryRetrieveLevel", "STUDY");
            get.setString("StudyInstanceUID", "1.2.826.0.77.1");
            assertEquals(Status.SUCCESS, a.get(get, STUDY_GET).finalResponse().status());
            assertEquals(new TreeSet<>(Set.of("1.2.826.0.77.1.1.1", "1.2.826.0.77.1.1.2")), new TreeSet<>(received));

            installed("org.netdicom.qr").stop();
            assertEquals("without the plugin the built-in default answers", 0xA700,
                    a.find(keys, STUDY_FIND).finalResponse().status().code());
        }
    }
}
