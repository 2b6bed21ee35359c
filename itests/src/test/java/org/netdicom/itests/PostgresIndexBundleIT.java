package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.QueryModel;
import org.netdicom.index.StoredInstance;
import org.netdicom.testkit.PostgresServer;
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
 * Switching the index to PostgreSQL is configuration only: with the PostgreSQL driver bundle (which
 * registers its DataSourceFactory) and {@code driver = org.postgresql.Driver} plus a URL in
 * org.netdicom.index, the same index bundle opens its tables in a real PostgreSQL server (started by
 * the test from the Debian binaries; skipped where they are not installed) and answers queries.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIndexBundleIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        String index = System.getProperty("netdicom.index.bundle");
        assertNotNull("system property netdicom.index.bundle is not set", index);
        return OptionUtils.combine(FrameworkOptions.coreWithScrAndConfigAdmin(),
                mavenBundle("org.osgi", "org.osgi.service.jdbc").versionAsInProject(),
                mavenBundle("org.postgresql", "postgresql").versionAsInProject(),
                bundle(new File(index).toURI().toString()).start(false));
    }

    @Test
    public void theIndexBundleRunsOnPostgresqlByConfiguration() throws Exception {
        if (!PostgresServer.available()) {
            String why = "PostgreSQL binaries (Debian package postgresql) or user postgres missing";
            if ("true".equals(System.getenv("CI"))) {
                org.junit.Assert.fail(why + ": in CI this test must run (.ci/run installs them)");
            }
            assumeTrue(why, false);
        }
        try (PostgresServer server = PostgresServer.start()) {
            Dictionary<String, Object> settings = new Hashtable<>();
            settings.put("url", server.url());
            settings.put("user", server.user());
            settings.put("driver", "org.postgresql.Driver");
            configAdmin.getConfiguration("org.netdicom.index", "?").update(settings);
            for (Bundle b : context.getBundles()) {
                if ("org.netdicom.index".equals(b.getSymbolicName())) {
                    b.start();
                }
            }
            ServiceTracker<InstanceIndex, InstanceIndex> tracker = new ServiceTracker<>(context, context.createFilter(
                    "(&(objectClass=" + InstanceIndex.class.getName() + ")(index.driver=org.postgresql.Driver))"), null);
            tracker.open();
            InstanceIndex index = tracker.waitForService(20_000);
            assertNotNull("no InstanceIndex over PostgreSQL", index);

            for (int n = 1; n <= 3; n++) {
                Dataset d = new Dataset();
                d.setString(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
                d.setString(0x00080018, VR.UI, "1.2.826.0.88.1.1." + n);
                d.setString("PatientID", "PG-1");
                d.setString("PatientName", "Postgres^Patient");
                d.setString("StudyInstanceUID", "1.2.826.0.88.1");
                d.setString("SeriesInstanceUID", "1.2.826.0.88.1.1");
                d.setString("StudyDate", "20261129");
                index.put(new StoredInstance(d, "PG-1/" + n + ".dcm", 100, "1.2.840.10008.1.2.1", Instant.now()));
            }
            Dataset keys = new Dataset();
            keys.setString("PatientName", "POSTGRES*");
            keys.setString("StudyDate", "20261101-");
            keys.setString("NumberOfStudyRelatedInstances", "");
            List<Dataset> studies = new ArrayList<>();
            index.find(new Query(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys), studies::add);
            assertEquals(1, studies.size());
            assertEquals("1.2.826.0.88.1", studies.get(0).getString("StudyInstanceUID"));
            assertEquals("3", studies.get(0).getString("NumberOfStudyRelatedInstances"));
            tracker.close();
            configAdmin.getConfiguration("org.netdicom.index", "?").delete();
        }
    }
}
