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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netdicom.data.Dataset;
import org.netdicom.index.IndexException;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.QueryModel;
import org.netdicom.index.StoredInstance;
import org.netdicom.index.jdbc.JdbcIndex;
import org.netdicom.index.jdbc.JdbcIndexes;

class IndexWriterTest {

    private JdbcIndex index;

    @BeforeEach
    void open() throws IndexException {
        index = Archive.memoryIndex();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<Dataset> find(QueryLevel level, Dataset keys) throws IndexException {
        List<Dataset> matches = new ArrayList<>();
        index.find(new Query(QueryModel.PATIENT_ROOT, level, keys), matches::add);
        return matches;
    }

    private static Dataset keys(String... keywordsAndValues) {
        Dataset d = new Dataset();
        for (int i = 0; i < keywordsAndValues.length; i += 2) {
            d.setString(keywordsAndValues[i], keywordsAndValues[i + 1]);
        }
        return d;
    }

    /**
     * A correction moves an instance out of a series while another transaction, not yet committed,
     * stores one into it: the old series' count includes the other's instance once both are done
     * (the same race on PostgreSQL: {@code PostgresIndexTest}).
     */
    @Test
    void aCorrectionRecountsTheSeriesItLeftWithWhatAnotherTransactionStoredMeanwhile() throws Exception {
        String url = Archive.memoryUrl();
        try (JdbcIndex nodeA = JdbcIndexes.open(url, "sa", "");
             JdbcIndex nodeB = JdbcIndexes.open(url, "sa", "");
             java.sql.Connection other = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.Connection watcher = java.sql.DriverManager.getConnection(url, "sa", "")) {
            HeldTransactions.H2.correctionCountsWhatAnotherStoredMeanwhile(nodeA, nodeB, other, watcher);
        }
    }

    @Test
    void pathOfAnswersThePathOfTheLatestFileAndNothingForAnUnknownInstance() throws Exception {
        Dataset d = instance("P1", "Doe^John", "1.2.3", 1, 1, "CT");
        String uid = d.getString("SOPInstanceUID");
        assertEquals(java.util.Optional.empty(), index.pathOf(uid));
        index.put(stored(d));
        assertEquals(index.get(uid).map(StoredInstance::path), index.pathOf(uid));
        index.put(new StoredInstance(d, "elsewhere/x.dcm", 42, "1.2.840.10008.1.2", java.time.Instant.EPOCH));
        assertEquals(java.util.Optional.of("elsewhere/x.dcm"), index.pathOf(uid));
        assertEquals(java.util.Optional.empty(), index.pathOf("9.9.9"));
    }

    @Test
    void putTwiceKeepsOneRowWithTheLatestFile() throws Exception {
        Dataset d = instance("P1", "Doe^John", "1.2.3", 1, 1, "CT");
        index.put(stored(d));
        StoredInstance moved = new StoredInstance(d, "elsewhere/x.dcm", 42, "1.2.840.10008.1.2", java.time.Instant.EPOCH);
        index.put(moved);
        assertEquals(1, index.count());
        StoredInstance got = index.get("1.2.3.1.1").orElseThrow();
        assertEquals("elsewhere/x.dcm", got.path());
        assertEquals(42, got.size());
        assertEquals("1.2.840.10008.1.2", got.transferSyntaxUid());
        assertEquals(java.time.Instant.EPOCH, got.received());
        assertEquals("Doe^John", got.attributes().getString("PatientName"));
        assertNull(got.attributes().getBytes(0x7FE00010), "pixel data is not indexed");
        assertFalse(got.attributes().contains(0x00201208), "derived counts are not attributes of the instance");
        Dataset study = find(QueryLevel.STUDY, keys("StudyInstanceUID", "", "NumberOfStudyRelatedInstances", "")).get(0);
        assertEquals("1", study.getString("NumberOfStudyRelatedInstances"));
    }

    @Test
    void countsFollowPutsAcrossLevels() throws Exception {
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 1, "CT")));
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 2, "CT")));
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 2, 1, "MR")));
        index.put(stored(instance("P1", "Doe^John", "1.2.4", 1, 1, "CT")));
        Dataset patient = find(QueryLevel.PATIENT, keys("PatientID", "P1", "NumberOfPatientRelatedStudies", "",
                "NumberOfPatientRelatedSeries", "", "NumberOfPatientRelatedInstances", "")).get(0);
        assertEquals("2", patient.getString("NumberOfPatientRelatedStudies"));
        assertEquals("3", patient.getString("NumberOfPatientRelatedSeries"));
        assertEquals("4", patient.getString("NumberOfPatientRelatedInstances"));
        Dataset study = find(QueryLevel.STUDY, keys("StudyInstanceUID", "1.2.3", "NumberOfStudyRelatedSeries", "",
                "NumberOfStudyRelatedInstances", "", "ModalitiesInStudy", "", "SOPClassesInStudy", "")).get(0);
        assertEquals("2", study.getString("NumberOfStudyRelatedSeries"));
        assertEquals("3", study.getString("NumberOfStudyRelatedInstances"));
        assertArrayEquals(new String[] {"CT", "MR"}, study.getStrings("ModalitiesInStudy"));
        assertArrayEquals(new String[] {Archive.CT, Archive.MR}, study.getStrings("SOPClassesInStudy"));
        Dataset series = find(QueryLevel.SERIES, keys("SeriesInstanceUID", "1.2.3.1", "NumberOfSeriesRelatedInstances", ""))
                .get(0);
        assertEquals("2", series.getString("NumberOfSeriesRelatedInstances"));
    }

    @Test
    void removeDeletesTheRowsLeftEmptyAndKeepsTheOthers() throws Exception {
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 1, "CT")));
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 2, 1, "MR")));
        index.put(stored(instance("P2", "Roe^Jane", "1.2.9", 1, 1, "CT")));

        assertTrue(index.remove("1.2.3.2.1"));
        assertFalse(index.remove("1.2.3.2.1"), "already gone");
        assertEquals(2, index.count());
        Dataset study = find(QueryLevel.STUDY, keys("StudyInstanceUID", "1.2.3", "ModalitiesInStudy", "",
                "NumberOfStudyRelatedSeries", "")).get(0);
        assertArrayEquals(new String[] {"CT"}, study.getStrings("ModalitiesInStudy"));
        assertEquals("1", study.getString("NumberOfStudyRelatedSeries"));
        assertEquals(1, find(QueryLevel.SERIES, keys("StudyInstanceUID", "1.2.3", "SeriesInstanceUID", "")).size());

        assertTrue(index.remove("1.2.3.1.1"));
        assertEquals(List.of(), find(QueryLevel.STUDY, keys("StudyInstanceUID", "1.2.3")));
        assertEquals(List.of(), find(QueryLevel.PATIENT, keys("PatientID", "P1")), "patient without studies is gone");
        assertEquals(1, find(QueryLevel.PATIENT, keys("PatientID", "")).size());
    }

    @Test
    void anInstanceCorrectedToAnotherPatientMovesItsStudy() throws Exception {
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 1, "CT")));
        index.put(stored(instance("P1-NEW", "Doe^John", "1.2.3", 1, 1, "CT")));
        assertEquals(List.of(), find(QueryLevel.PATIENT, keys("PatientID", "P1")));
        Dataset p = find(QueryLevel.PATIENT, keys("PatientID", "P1-NEW", "NumberOfPatientRelatedInstances", "")).get(0);
        assertEquals("1", p.getString("NumberOfPatientRelatedInstances"));
    }

    @Test
    void concurrentPutsOfOneNewStudyAllSucceed() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // every thread creates the same patient, study and series, and one more series of its own
                        index.put(stored(instance("P1", "Doe^John", "1.2.3", i % 2 == 0 ? 1 : 10 + thread,
                                thread * 1000 + i, "CT")));
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
        assertEquals(threads * perThread, index.count());
        Dataset study = find(QueryLevel.STUDY, keys("StudyInstanceUID", "1.2.3", "NumberOfStudyRelatedInstances", "",
                "NumberOfStudyRelatedSeries", "")).get(0);
        assertEquals(Integer.toString(threads * perThread), study.getString("NumberOfStudyRelatedInstances"));
        assertEquals(Integer.toString(1 + threads), study.getString("NumberOfStudyRelatedSeries"));
        Dataset patient = find(QueryLevel.PATIENT, keys("PatientID", "P1", "NumberOfPatientRelatedInstances", "")).get(0);
        assertEquals(Integer.toString(threads * perThread), patient.getString("NumberOfPatientRelatedInstances"));
    }

    @Test
    void forEachVisitsEveryInstanceWithItsFile() throws Exception {
        for (int i = 1; i <= 5; i++) {
            index.put(stored(instance("P" + i, "N^" + i, "1.2." + i, 1, 1, "CT")));
        }
        Set<String> paths = new TreeSet<>();
        index.forEach(s -> paths.add(s.path()));
        assertEquals(Set.of("P1/1.2.1.1.1.dcm", "P2/1.2.2.1.1.dcm", "P3/1.2.3.1.1.dcm", "P4/1.2.4.1.1.dcm",
                "P5/1.2.5.1.1.dcm"), paths);
    }

    private long shortcuts() {
        return ((JdbcInstanceIndex) index).shortcutsTaken();
    }

    private Dataset counts(QueryLevel level, String uidKeyword, String uid) throws IndexException {
        Dataset keys = keys(uidKeyword, uid, "NumberOfPatientRelatedInstances", "",
                "NumberOfPatientRelatedSeries", "", "NumberOfPatientRelatedStudies", "");
        if (level != QueryLevel.PATIENT) {
            keys.setString("NumberOfStudyRelatedInstances", "");
            keys.setString("NumberOfStudyRelatedSeries", "");
            keys.setString("SOPClassesInStudy", "");
        }
        if (level == QueryLevel.SERIES) {
            keys.setString("NumberOfSeriesRelatedInstances", "");
        }
        List<Dataset> found = find(level, keys);
        assertEquals(1, found.size(), uid);
        return found.get(0);
    }

    @Test
    void theInstancesOfASeriesAfterTheFirstTakeTheShortcutAndEveryLevelCountsThem() throws Exception {
        for (int n = 1; n <= 5; n++) {
            index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, n, "CT")));
        }
        assertEquals(4, shortcuts(), "all but the first");
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 2, 1, "MR"))); // another series: the full path
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 2, 2, "MR")));
        assertEquals(5, shortcuts());

        Dataset series = counts(QueryLevel.SERIES, "SeriesInstanceUID", "1.2.3.1");
        assertEquals("5", series.getString("NumberOfSeriesRelatedInstances"));
        assertEquals("7", series.getString("NumberOfStudyRelatedInstances"));
        assertEquals("2", series.getString("NumberOfStudyRelatedSeries"));
        assertArrayEquals(new String[] {Archive.CT, Archive.MR}, series.getStrings("SOPClassesInStudy"));
        Dataset patient = counts(QueryLevel.PATIENT, "PatientID", "P1");
        assertEquals("7", patient.getString("NumberOfPatientRelatedInstances"));
        assertEquals("2", patient.getString("NumberOfPatientRelatedSeries"));
        assertEquals("1", patient.getString("NumberOfPatientRelatedStudies"));
        // summed from the series only when a query names them, as a return key or to match on
        assertEquals(1, find(QueryLevel.STUDY, keys("StudyInstanceUID", "", "NumberOfStudyRelatedInstances", "7")).size());
        assertEquals(0, find(QueryLevel.STUDY, keys("StudyInstanceUID", "", "NumberOfStudyRelatedInstances", "8")).size());
        assertFalse(find(QueryLevel.STUDY, keys("StudyInstanceUID", "")).get(0).contains("NumberOfStudyRelatedInstances"));
    }

    @Test
    void anInstanceWhoseLevelsAboveChangedTakesTheFullPath() throws Exception {
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 1, "CT")));
        Dataset renamed = instance("P1", "Doe^Johnny", "1.2.3", 1, 2, "CT");
        index.put(stored(renamed)); // same series, patient name corrected
        Dataset other = instance("P1", "Doe^Johnny", "1.2.3", 1, 3, "CT");
        other.setString(Keys.SOP_CLASS_UID, org.netdicom.data.VR.UI, Archive.MR); // a class the study does not list yet
        index.put(stored(other));
        assertEquals(0, shortcuts());
        Dataset patient = find(QueryLevel.PATIENT, keys("PatientID", "P1", "PatientName", "")).get(0);
        assertEquals("Doe^Johnny", patient.getString("PatientName"));
        Dataset study = counts(QueryLevel.STUDY, "StudyInstanceUID", "1.2.3");
        assertEquals("3", study.getString("NumberOfStudyRelatedInstances"));
        assertArrayEquals(new String[] {Archive.CT, Archive.MR}, study.getStrings("SOPClassesInStudy"));
    }

    @Test
    void anInstanceIndexedAlreadyIsUpdatedNotCountedTwice() throws Exception {
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 1, "CT")));
        index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 2, "CT")));
        Dataset again = instance("P1", "Doe^John", "1.2.3", 1, 2, "CT");
        index.put(new StoredInstance(again, "elsewhere/1.2.3.1.2.dcm", 2000, "1.2.840.10008.1.2",
                java.time.Instant.parse("2026-11-29T11:00:00Z")));
        assertEquals(1, shortcuts(), "the second instance; the third found its unique key taken");
        assertEquals("elsewhere/1.2.3.1.2.dcm", index.pathOf("1.2.3.1.2").orElseThrow());
        assertEquals("2", counts(QueryLevel.SERIES, "SeriesInstanceUID", "1.2.3.1")
                .getString("NumberOfSeriesRelatedInstances"));
        assertEquals("2", counts(QueryLevel.PATIENT, "PatientID", "P1").getString("NumberOfPatientRelatedInstances"));
    }

    @Test
    void aSeriesRemovedMeanwhileIsMadeAgainHereOrByAnotherWriter() throws Exception {
        String url = Archive.memoryUrl();
        index.close();
        index = JdbcIndexes.open(url, "sa", "");
        try (JdbcIndex otherNode = JdbcIndexes.open(url, "sa", "")) {
            index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 1, "CT")));
            index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 2, "CT")));
            // another writer (another node on the same database) removes the series: this one is not told
            assertTrue(otherNode.remove("1.2.3.1.1"));
            assertTrue(otherNode.remove("1.2.3.1.2"));
            assertEquals(List.of(), find(QueryLevel.PATIENT, keys("PatientID", "P1")));

            index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 3, "CT"))); // its series row is gone
            assertEquals(1, shortcuts(), "only the second instance");
            Dataset series = counts(QueryLevel.SERIES, "SeriesInstanceUID", "1.2.3.1");
            assertEquals("1", series.getString("NumberOfSeriesRelatedInstances"));
            assertEquals("1", series.getString("NumberOfPatientRelatedInstances"));

            // a removal through this index voids what every thread knew, the series was there or not
            index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 4, "CT")));
            assertEquals(2, shortcuts());
            assertTrue(index.remove("1.2.3.1.3"));
            index.put(stored(instance("P1", "Doe^John", "1.2.3", 1, 5, "CT")));
            assertEquals(2, shortcuts());
            assertEquals("2", counts(QueryLevel.SERIES, "SeriesInstanceUID", "1.2.3.1")
                    .getString("NumberOfSeriesRelatedInstances"));
        }
    }

    @Test
    void putRejectsAnInstanceWithoutUids() {
        Dataset d = instance("P1", "Doe^John", "1.2.3", 1, 1, "CT");
        d.remove(0x0020000E);
        IndexException e = assertThrows(IndexException.class, () -> index.put(stored(d)));
        assertTrue(e.getMessage().contains("Series Instance UID"), e.getMessage());
    }
}
