package org.netdicom.index.internal;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.index.internal.Archive.instance;
import static org.netdicom.index.internal.Archive.stored;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netdicom.data.Dataset;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.QueryModel;
import org.netdicom.index.StoredInstance;
import org.netdicom.index.jdbc.JdbcIndex;
import org.netdicom.index.jdbc.JdbcIndexes;
import org.netdicom.testkit.PostgresServer;

/**
 * The same schema and SQL on PostgreSQL 15: two index instances (two nodes) over one database,
 * writing one study at once, then matching and removing. Skipped where PostgreSQL is not installed.
 */
class PostgresIndexTest {

    private static PostgresServer server;

    @BeforeAll
    static void start() throws Exception {
        if (!PostgresServer.available() && "true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("PostgreSQL binaries (Debian package postgresql) or user postgres"
                    + " missing: in CI this test must run (.ci/run installs them)");
        }
        Assumptions.assumeTrue(PostgresServer.available(), "PostgreSQL binaries not installed");
        server = PostgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theIndexGoesOnWhenTheDatabaseRestarted() throws Exception {
        // Every pooled connection dies with the restart: a store must not fail for each of them.
        try (JdbcIndex index = JdbcIndexes.open(server.url(), server.user(), "")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try { // four connections in the pool
                List<Future<?>> puts = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int number = t;
                    puts.add(pool.submit(() -> {
                        index.put(stored(instance("PR", "Re^Start", "1.2.9", 1 + number, number, "CT")));
                        return null;
                    }));
                }
                for (Future<?> f : puts) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            server.restart();

            assertTrue(index.pathOf("1.2.9.1.0").isPresent(), "a read on the first dead connection is run again");
            index.put(stored(instance("PR", "Re^Start", "1.2.9", 1, 9, "CT")));
            for (String uid : List.of("1.2.9.1.0", "1.2.9.2.1", "1.2.9.3.2", "1.2.9.4.3", "1.2.9.1.9")) {
                assertTrue(index.pathOf(uid).isPresent(), uid);
                assertTrue(index.remove(uid), uid); // the other test counts the database's rows
            }
        }
    }

    @Test
    void twoNodesShareOneIndex() throws Exception {
        try (JdbcIndex nodeA = JdbcIndexes.open(server.url(), server.user(), "");
             JdbcIndex nodeB = JdbcIndexes.open(server.url(), server.user(), "")) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    JdbcIndex node = t % 2 == 0 ? nodeA : nodeB;
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            node.put(stored(instance("P1", "Doe^John", "1.2.3", 1 + i % 3, thread * 100 + i,
                                    i % 3 == 2 ? "MR" : "CT")));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(120, nodeB.count());
            Dataset keys = new Dataset();
            keys.setString("PatientName", "doe*");
            keys.setString("StudyDate", "20240101-");
            keys.setString("StudyInstanceUID", "1.2.3", "9.9");
            keys.setString("ModalitiesInStudy", "MR");
            keys.setString("NumberOfStudyRelatedInstances", "");
            keys.setString("NumberOfStudyRelatedSeries", "");
            List<Dataset> studies = new ArrayList<>();
            nodeA.find(new Query(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys), studies::add);
            assertEquals(1, studies.size());
            assertEquals("120", studies.get(0).getString("NumberOfStudyRelatedInstances"));
            assertEquals("3", studies.get(0).getString("NumberOfStudyRelatedSeries"));

            Set<String> series = new TreeSet<>();
            Dataset seriesKeys = new Dataset();
            seriesKeys.setString("StudyInstanceUID", "1.2.3");
            seriesKeys.setString("SeriesInstanceUID", "");
            seriesKeys.setString("SeriesDescription", "CT*");
            nodeB.find(new Query(QueryModel.STUDY_ROOT, QueryLevel.SERIES, seriesKeys),
                    m -> series.add(m.getString("SeriesInstanceUID")));
            assertEquals(Set.of("1.2.3.1", "1.2.3.2"), series);

            int[] calls = {0};
            nodeA.find(new Query(QueryModel.STUDY_ROOT, QueryLevel.IMAGE, new Dataset()), m -> ++calls[0] < 5);
            assertEquals(5, calls[0]);

            Dataset retrieve = new Dataset();
            retrieve.setString("StudyInstanceUID", "1.2.3");
            retrieve.setString("SeriesInstanceUID", "1.2.3.3");
            assertEquals(36, nodeB.instances(new Query(QueryModel.STUDY_ROOT, QueryLevel.SERIES, retrieve)).size());

            List<String> all = new ArrayList<>();
            nodeA.forEach(s -> all.add(s.sopInstanceUid()));
            for (String uid : all) {
                assertTrue((uid.hashCode() % 2 == 0 ? nodeA : nodeB).remove(uid));
            }
            assertEquals(0, nodeA.count());
            List<Dataset> patients = new ArrayList<>();
            nodeB.find(new Query(QueryModel.PATIENT_ROOT, QueryLevel.PATIENT, new Dataset()), patients::add);
            assertEquals(List.of(), patients);
        }
    }
    /** PostgreSQL ends a transaction at its first error: the shortcut's unique key failure must leave nothing behind. */
    @Test
    void theSeriesShortcutFallsBackWhereAnInstanceIsIndexedAlreadyOrItsSeriesWentAway() throws Exception {
        try (JdbcIndex nodeA = JdbcIndexes.open(server.url(), server.user(), "");
             JdbcIndex nodeB = JdbcIndexes.open(server.url(), server.user(), "")) {
            for (int n = 1; n <= 3; n++) {
                nodeA.put(stored(instance("P7", "Poe^Edgar", "7.7", 1, n, "CT")));
            }
            Dataset again = instance("P7", "Poe^Edgar", "7.7", 1, 3, "CT");
            nodeA.put(new StoredInstance(again, "moved/7.7.1.3.dcm", 2000, "1.2.840.10008.1.2",
                    java.time.Instant.parse("2026-11-29T11:00:00Z")));
            nodeA.put(stored(instance("P7", "Poe^Edgar", "7.7", 1, 4, "CT")));
            assertEquals(3, ((JdbcInstanceIndex) nodeA).shortcutsTaken(), "2, 3 and 4; not the third again");
            assertEquals("moved/7.7.1.3.dcm", nodeB.pathOf("7.7.1.3").orElseThrow());
            assertEquals("4", seriesCount(nodeB, "7.7.1"));

            for (int n = 1; n <= 4; n++) {
                assertTrue(nodeB.remove("7.7.1." + n));
            }
            nodeA.put(stored(instance("P7", "Poe^Edgar", "7.7", 1, 5, "CT"))); // its series row went with node B
            assertEquals("1", seriesCount(nodeA, "7.7.1"));
            assertTrue(nodeA.remove("7.7.1.5"));
        }
    }

    /**
     * A correction moves an instance out of a series while another transaction, not yet committed,
     * stores one into it: the old series' count must include the other's instance once both are
     * done. The other transaction is played in SQL, so that it can be held open while the
     * correction waits for its row.
     */
    @Test
    void aCorrectionRecountsTheSeriesItLeftWithWhatAnotherTransactionStoredMeanwhile() throws Exception {
        try (JdbcIndex nodeA = JdbcIndexes.open(server.url(), server.user(), "");
             JdbcIndex nodeB = JdbcIndexes.open(server.url(), server.user(), "");
             java.sql.Connection other = java.sql.DriverManager.getConnection(server.url(), server.user(), "");
             java.sql.Connection watcher = java.sql.DriverManager.getConnection(server.url(), server.user(), "")) {
            HeldTransactions.POSTGRESQL.correctionCountsWhatAnotherStoredMeanwhile(nodeA, nodeB, other, watcher);
        }
    }

    /**
     * Another node removes the only instance of a SOP class from a study; this node's thread then
     * stores another instance of that class into the series it wrote last: the study lists the class
     * again, though the thread's shortcut remembered the study listing it. Both ways round: a class
     * whose UID begins with the one still listed, and the one it begins with.
     */
    @ParameterizedTest(name = "{0} removed, {1} kept")
    @CsvSource({"1.2.840.10008.5.1.4.1.1.2.1, 1.2.840.10008.5.1.4.1.1.2, 6.6",
        "1.2.840.10008.5.1.4.1.1.2, 1.2.840.10008.5.1.4.1.1.2.1, 6.7"})
    void theSeriesShortcutDoesNotTrustASopClassAnotherNodesRemovalTookFromTheStudy(String removed, String kept,
            String study) throws Exception {
        try (JdbcIndex nodeA = JdbcIndexes.open(server.url(), server.user(), "");
             JdbcIndex nodeB = JdbcIndexes.open(server.url(), server.user(), "")) {
            try {
                nodeA.put(stored(ofClass(instance("P6", "Roe^Richard", study, 1, 1, "CT"), removed)));
                nodeA.put(stored(ofClass(instance("P6", "Roe^Richard", study, 1, 2, "CT"), kept))); // both listed
                assertTrue(nodeB.remove(study + ".1.1"), "the other node removes the only instance of " + removed);
                assertEquals(List.of(kept), sopClassesInStudy(nodeA, study));

                long shortcuts = ((JdbcInstanceIndex) nodeA).shortcutsTaken();
                nodeA.put(stored(ofClass(instance("P6", "Roe^Richard", study, 1, 3, "CT"), removed)));

                List<String> both = new ArrayList<>(List.of(removed, kept));
                java.util.Collections.sort(both);
                assertEquals(both, sopClassesInStudy(nodeB, study));
                assertEquals(shortcuts, ((JdbcInstanceIndex) nodeA).shortcutsTaken(), "the full path, not the shortcut");
                assertEquals("2", HeldTransactions.instancesOfSeries(nodeB, study + ".1"));
            } finally {
                for (int n = 1; n <= 3; n++) {
                    nodeA.remove(study + ".1." + n); // the other tests count the database's rows
                }
            }
        }
    }

    private static Dataset ofClass(Dataset instance, String sopClass) {
        instance.setString(org.netdicom.data.Tag.SOP_CLASS_UID, org.netdicom.data.VR.UI, sopClass);
        return instance;
    }

    private static List<String> sopClassesInStudy(JdbcIndex index, String studyUid) throws Exception {
        Dataset keys = new Dataset();
        keys.setString("StudyInstanceUID", studyUid);
        keys.setString("SOPClassesInStudy", "");
        List<Dataset> found = new ArrayList<>();
        index.find(new Query(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys), found::add);
        assertEquals(1, found.size());
        List<String> classes = new ArrayList<>(List.of(found.get(0).getStrings("SOPClassesInStudy")));
        java.util.Collections.sort(classes);
        return classes;
    }

    private static String seriesCount(JdbcIndex index, String seriesUid) throws Exception {
        Dataset keys = new Dataset();
        keys.setString("SeriesInstanceUID", seriesUid);
        keys.setString("NumberOfSeriesRelatedInstances", "");
        keys.setString("NumberOfStudyRelatedInstances", "");
        List<Dataset> found = new ArrayList<>();
        index.find(new Query(QueryModel.STUDY_ROOT, QueryLevel.SERIES, keys), found::add);
        assertEquals(1, found.size());
        assertEquals(found.get(0).getString("NumberOfSeriesRelatedInstances"),
                found.get(0).getString("NumberOfStudyRelatedInstances"), "one series: the study counts the same");
        return found.get(0).getString("NumberOfSeriesRelatedInstances");
    }
}
