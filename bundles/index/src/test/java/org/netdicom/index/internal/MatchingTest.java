package org.netdicom.index.internal;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.index.internal.Archive.instance;
import static org.netdicom.index.internal.Archive.stored;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.index.IndexException;
import org.netdicom.index.InvalidQueryException;
import org.netdicom.index.MatchOptions;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.QueryModel;
import org.netdicom.index.jdbc.JdbcIndex;

/** The matching rules of PS3.4 C.2.2.2 at each level of each information model. */
class MatchingTest {

    private static JdbcIndex index;

    /**
     * P1 Doe^John: study 1.2.1 (CT series 1 with 3 images, MR series 2 with 1), study 1.2.2 (CT);
     * P2 DOE^JANE: study 1.2.3 (MR); P3 Smith%_Al: study 1.2.4 (CT); dates and times vary by study.
     */
    @BeforeAll
    static void fill() throws Exception {
        index = Archive.memoryIndex();
        for (int i = 1; i <= 3; i++) {
            index.put(stored(instance("P1", "Doe^John", "1.2.1", 1, i, "CT")));
        }
        index.put(stored(instance("P1", "Doe^John", "1.2.1", 2, 1, "MR")));
        Dataset s2 = instance("P1", "Doe^John", "1.2.2", 1, 1, "CT");
        s2.setString("StudyDate", "20240301");
        s2.setString("StudyTime", "080000");
        index.put(stored(s2));
        Dataset s3 = instance("P2", "DOE^JANE", "1.2.3", 1, 1, "MR");
        s3.setString("StudyDate", "20231231");
        s3.setString("StudyTime", "235900");
        Dataset code = s3.newSequence("ProcedureCodeSequence").addNew();
        code.setString("CodeValue", "CTHEAD");
        code.setString("CodingSchemeDesignator", "LOCAL");
        Dataset other = s3.getSequence("ProcedureCodeSequence").addNew();
        other.setString("CodeValue", "MRKNEE");
        other.setString("CodingSchemeDesignator", "LOCAL");
        index.put(stored(s3));
        Dataset s4 = instance("P3", "Smith%_Al", "1.2.4", 1, 1, "CT");
        s4.setString("StudyDate", "20240115");
        s4.setString("StudyTime", "170000");
        index.put(stored(s4));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static Dataset keys(String... keywordsAndValues) {
        Dataset d = new Dataset();
        for (int i = 0; i < keywordsAndValues.length; i += 2) {
            d.setString(keywordsAndValues[i], keywordsAndValues[i + 1]);
        }
        return d;
    }

    private static List<Dataset> find(QueryModel model, QueryLevel level, Dataset keys, MatchOptions options)
            throws IndexException {
        List<Dataset> matches = new ArrayList<>();
        index.find(new Query(model, level, keys, options), matches::add);
        return matches;
    }

    private static Set<String> studies(String... keywordsAndValues) throws IndexException {
        return values(find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys(keywordsAndValues), MatchOptions.DEFAULT),
                "StudyInstanceUID");
    }

    private static Set<String> values(List<Dataset> matches, String keyword) {
        Set<String> values = new TreeSet<>();
        matches.forEach(m -> values.add(m.getString(keyword)));
        return values;
    }

    @Test
    void singleValueMatchesExactly() throws Exception {
        assertEquals(Set.of("1.2.1", "1.2.2"), studies("PatientID", "P1", "StudyInstanceUID", ""));
        assertEquals(Set.of(), studies("PatientID", "p1", "StudyInstanceUID", ""), "IDs are case-sensitive");
        assertEquals(Set.of("1.2.1"), studies("AccessionNumber", "ACC1", "StudyInstanceUID", ""));
    }

    @Test
    void emptyOrLoneStarIsUniversal() throws Exception {
        Set<String> all = Set.of("1.2.1", "1.2.2", "1.2.3", "1.2.4");
        assertEquals(all, studies("PatientID", "", "StudyInstanceUID", ""));
        assertEquals(all, studies("PatientName", "*", "StudyInstanceUID", ""));
    }

    @Test
    void wildcardsMatchAnyRunAndOneCharacter() throws Exception {
        assertEquals(Set.of("1.2.1", "1.2.2", "1.2.3"), studies("PatientName", "Doe*", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.1", "1.2.2"), studies("PatientName", "D?e^J?hn", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.3"), studies("PatientID", "?2", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.1", "1.2.2"), studies("StudyDescription", "*1.2.?", "PatientID", "P1",
                "StudyInstanceUID", ""));
    }

    @Test
    void sqlLikeCharactersInValuesAreLiterals() throws Exception {
        assertEquals(Set.of("1.2.4"), studies("PatientName", "Smith%_*", "StudyInstanceUID", ""));
        assertEquals(Set.of(), studies("PatientName", "Smith__*", "StudyInstanceUID", ""));
        assertEquals(Set.of(), studies("PatientName", "S%", "StudyInstanceUID", ""));
    }

    @Test
    void personNamesIgnoreCaseUnlessConfigured() throws Exception {
        assertEquals(Set.of("1.2.3"), studies("PatientName", "doe^jane", "StudyInstanceUID", ""));
        List<Dataset> strict = find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys("PatientName", "doe^jane"),
                MatchOptions.DEFAULT.withCaseInsensitiveNames(false));
        assertEquals(0, strict.size());
        List<Dataset> exact = find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys("PatientName", "DOE^J*", "StudyInstanceUID", ""),
                MatchOptions.DEFAULT.withCaseInsensitiveNames(false));
        assertEquals(Set.of("1.2.3"), values(exact, "StudyInstanceUID"));
        assertEquals(Set.of("1.2.1", "1.2.2"), studies("PatientName", "Doe^John^^", "StudyInstanceUID", ""),
                "trailing empty components do not count");
        assertEquals(Set.of("1.2.1", "1.2.2"), studies("ReferringPhysicianName", "REF^*", "PatientID", "P1", "StudyInstanceUID", ""));
    }

    @Test
    void dateRangesAreInclusiveAndMayBeOpen() throws Exception {
        assertEquals(Set.of("1.2.1", "1.2.4"), studies("StudyDate", "20240115", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.1", "1.2.2", "1.2.4"), studies("StudyDate", "20240101-20240301", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.2"), studies("StudyDate", "20240201-", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.3"), studies("StudyDate", "-20231231", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.1", "1.2.2", "1.2.3", "1.2.4"), studies("PatientBirthDate", "19600101-19800101",
                "StudyInstanceUID", ""));
    }

    @Test
    void timeRangesCoverTheirPrecision() throws Exception {
        assertEquals(Set.of("1.2.1"), studies("StudyTime", "1030", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.1", "1.2.4"), studies("StudyTime", "1000-1700", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.2"), studies("StudyTime", "-08", "StudyInstanceUID", ""));
        assertEquals(Set.of("1.2.3"), studies("StudyTime", "2300-", "StudyInstanceUID", ""));
    }

    @Test
    void dateAndTimeRangesCombineWhenNegotiated() throws Exception {
        Dataset keys = keys("StudyDate", "20231231-20240115", "StudyTime", "1200-1100", "StudyInstanceUID", "");
        // separately: the time range 12:00-11:00 selects nothing
        assertEquals(0, find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys, MatchOptions.DEFAULT).size());
        // combined: from 2023-12-31 12:00 to 2024-01-15 11:00
        List<Dataset> combined = find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys,
                MatchOptions.DEFAULT.withCombinedDateTime(true));
        assertEquals(Set.of("1.2.1", "1.2.3"), values(combined, "StudyInstanceUID"));
    }

    @Test
    void aListOfUidsMatchesAnyOfThem() throws Exception {
        Dataset keys = new Dataset();
        keys.setString("StudyInstanceUID", "1.2.1", "1.2.3", "9.9.9");
        assertEquals(Set.of("1.2.1", "1.2.3"), values(find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys,
                MatchOptions.DEFAULT), "StudyInstanceUID"));
        Dataset images = new Dataset();
        images.setString("SOPInstanceUID", "1.2.1.1.1", "1.2.1.1.3");
        assertEquals(Set.of("1.2.1.1.1", "1.2.1.1.3"), values(find(QueryModel.STUDY_ROOT, QueryLevel.IMAGE, images,
                MatchOptions.DEFAULT), "SOPInstanceUID"));
    }

    @Test
    void aSequenceItemMatchesWhenOneItemMatchesAllItsKeys() throws Exception {
        Dataset keys = keys("StudyInstanceUID", "");
        Dataset item = keys.newSequence("ProcedureCodeSequence").addNew();
        item.setString("CodeValue", "MR*");
        item.setString("CodingSchemeDesignator", "");
        List<Dataset> matches = find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys, MatchOptions.DEFAULT);
        assertEquals(Set.of("1.2.3"), values(matches, "StudyInstanceUID"));
        var returned = matches.get(0).getSequence("ProcedureCodeSequence");
        assertEquals(1, returned.size(), "only the matching item is returned");
        assertEquals("MRKNEE", returned.get(0).getString("CodeValue"));
        assertEquals("LOCAL", returned.get(0).getString("CodingSchemeDesignator"));

        item.setString("CodeValue", "XR*");
        assertEquals(0, find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys, MatchOptions.DEFAULT).size());
    }

    @Test
    void modalitiesInStudyMatchesOneOfTheStudysModalities() throws Exception {
        assertEquals(Set.of("1.2.1", "1.2.3"), studies("ModalitiesInStudy", "MR", "StudyInstanceUID", ""));
        Dataset list = keys("StudyInstanceUID", "");
        list.setString("ModalitiesInStudy", "MR", "XA");
        assertEquals(Set.of("1.2.1", "1.2.3"), values(find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, list,
                MatchOptions.DEFAULT), "StudyInstanceUID"));
        assertEquals(Set.of("1.2.1", "1.2.2", "1.2.4"), studies("ModalitiesInStudy", "C?", "StudyInstanceUID", ""));
    }

    @Test
    void returnKeysAreFilledAndUnknownOnesComeBackEmpty() throws Exception {
        Dataset keys = keys("StudyInstanceUID", "1.2.1", "PatientName", "", "StudyDate", "", "StudyID", "",
                "InstitutionName", "", "OperatorsName", "");
        keys.setString(0x00091010, VR.LO, "");
        List<Dataset> matches = find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys, MatchOptions.DEFAULT);
        assertEquals(1, matches.size());
        Dataset m = matches.get(0);
        assertEquals("STUDY", m.getString("QueryRetrieveLevel"));
        assertEquals("Doe^John", m.getString("PatientName"));
        assertEquals("20240115", m.getString("StudyDate"));
        assertEquals("S1", m.getString("StudyID"));
        assertTrue(m.contains("InstitutionName") && m.getString("InstitutionName") == null, "series key: empty");
        assertTrue(m.contains(0x00091010) && m.getString(0x00091010) == null, "private key: empty");
        assertFalse(m.contains("SeriesInstanceUID"), "only what was asked");
        assertFalse(m.contains("PatientID"), "Study Root: no patient level unique key");
    }

    @Test
    void theUniqueKeysOfTheLevelAndAboveAreAlwaysReturned() throws Exception {
        List<Dataset> series = find(QueryModel.PATIENT_ROOT, QueryLevel.SERIES, keys("Modality", "MR"),
                MatchOptions.DEFAULT);
        assertEquals(Set.of("1.2.1.2", "1.2.3.1"), values(series, "SeriesInstanceUID"));
        assertEquals(Set.of("1.2.1", "1.2.3"), values(series, "StudyInstanceUID"));
        assertEquals(Set.of("P1", "P2"), values(series, "PatientID"));
        assertFalse(series.get(0).contains("SOPInstanceUID"));
    }

    @Test
    void keysOfLevelsBelowTheQueryAreNotMatchedAndReported() throws Exception {
        Query query = new Query(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys("StudyInstanceUID", "", "Modality", "MR"));
        assertFalse(index.matchesAllKeys(query));
        List<Dataset> matches = new ArrayList<>();
        index.find(query, matches::add);
        assertEquals(4, matches.size());
        assertTrue(matches.get(0).contains("Modality") && matches.get(0).getString("Modality") == null);
        assertTrue(index.matchesAllKeys(new Query(QueryModel.STUDY_ROOT, QueryLevel.SERIES, keys("Modality", "MR"))));
    }

    @Test
    void patientRootLevelsReturnTheirEntities() throws Exception {
        List<Dataset> patients = find(QueryModel.PATIENT_ROOT, QueryLevel.PATIENT, keys("PatientName", "DOE*",
                "PatientID", "", "NumberOfPatientRelatedStudies", ""), MatchOptions.DEFAULT);
        assertEquals(Set.of("P1", "P2"), values(patients, "PatientID"));
        List<Dataset> series = find(QueryModel.PATIENT_ROOT, QueryLevel.SERIES, keys("PatientID", "P1",
                "StudyInstanceUID", "1.2.1", "SeriesInstanceUID", "", "Modality", "", "SeriesNumber", ""),
                MatchOptions.DEFAULT);
        assertEquals(Set.of("1.2.1.1", "1.2.1.2"), values(series, "SeriesInstanceUID"));
        List<Dataset> images = find(QueryModel.PATIENT_ROOT, QueryLevel.IMAGE, keys("PatientID", "P1",
                "StudyInstanceUID", "1.2.1", "SeriesInstanceUID", "1.2.1.1", "SOPInstanceUID", "", "InstanceNumber", "2"),
                MatchOptions.DEFAULT);
        assertEquals(Set.of("1.2.1.1.2"), values(images, "SOPInstanceUID"));
        List<Dataset> onlyStudies = find(QueryModel.PATIENT_STUDY_ONLY, QueryLevel.STUDY, keys("PatientID", "P1",
                "StudyInstanceUID", ""), MatchOptions.DEFAULT);
        assertEquals(Set.of("1.2.1", "1.2.2"), values(onlyStudies, "StudyInstanceUID"));
    }

    @Test
    void numbersMatchByValue() throws Exception {
        List<Dataset> images = find(QueryModel.STUDY_ROOT, QueryLevel.IMAGE, keys("StudyInstanceUID", "1.2.1",
                "InstanceNumber", "03", "SOPInstanceUID", ""), MatchOptions.DEFAULT);
        assertEquals(Set.of("1.2.1.1.3"), values(images, "SOPInstanceUID"));
    }

    @Test
    void hierarchicalQueriesNeedTheUniqueKeysAbove() throws Exception {
        MatchOptions hierarchical = MatchOptions.DEFAULT.withRelational(false);
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> find(QueryModel.PATIENT_ROOT,
                QueryLevel.STUDY, keys("StudyInstanceUID", ""), hierarchical));
        assertTrue(e.getMessage().contains("PatientID"), e.getMessage());
        assertThrows(InvalidQueryException.class, () -> find(QueryModel.STUDY_ROOT, QueryLevel.IMAGE,
                keys("StudyInstanceUID", "1.2.1", "SeriesInstanceUID", "1.2.1.*"), hierarchical));
        assertEquals(1, find(QueryModel.STUDY_ROOT, QueryLevel.IMAGE, keys("StudyInstanceUID", "1.2.1",
                "SeriesInstanceUID", "1.2.1.2"), hierarchical).size());
        // relational (the default): the series of every study
        assertEquals(5, find(QueryModel.STUDY_ROOT, QueryLevel.SERIES, keys("SeriesInstanceUID", ""),
                MatchOptions.DEFAULT).size());
    }

    @Test
    void malformedRangesAreRejected() {
        assertThrows(InvalidQueryException.class, () -> studies("StudyDate", "2024-01-01"));
        assertThrows(InvalidQueryException.class, () -> studies("StudyTime", "ab-cd"));
    }

    @Test
    void textKeepsItsCharacterSet() throws Exception {
        Dataset d = new Dataset();
        d.setString("SpecificCharacterSet", "ISO_IR 100");
        d.merge(instance("P9", "Müller^Jürgen", "1.2.9", 1, 1, "CT").filter(t -> t != 0x00080005));
        index.put(stored(d));
        try {
            List<Dataset> m = find(QueryModel.STUDY_ROOT, QueryLevel.STUDY, keys("PatientName", "MÜLLER*",
                    "StudyInstanceUID", ""), MatchOptions.DEFAULT);
            assertEquals(1, m.size());
            assertEquals("ISO_IR 100", m.get(0).getString("SpecificCharacterSet"));
            assertEquals("Müller^Jürgen", m.get(0).getString("PatientName"));
        } finally {
            index.remove("1.2.9.1.1");
        }
    }

    @Test
    void instancesOfARetrieveAreTheImagesUnderTheSelectedEntities() throws Exception {
        var instances = index.instances(new Query(QueryModel.PATIENT_ROOT, QueryLevel.STUDY,
                keys("PatientID", "P1", "StudyInstanceUID", "1.2.1")));
        Set<String> uids = new TreeSet<>();
        instances.forEach(i -> uids.add(i.sopInstanceUid()));
        assertEquals(Set.of("1.2.1.1.1", "1.2.1.1.2", "1.2.1.1.3", "1.2.1.2.1"), uids);
        assertEquals("P1/1.2.1.1.1.dcm", instances.stream().filter(i -> i.sopInstanceUid().equals("1.2.1.1.1"))
                .findFirst().orElseThrow().path());
        assertEquals(1, index.instances(new Query(QueryModel.PATIENT_ROOT, QueryLevel.PATIENT,
                keys("PatientID", "P2"))).size());
        assertThrows(InvalidQueryException.class, () -> index.instances(new Query(QueryModel.STUDY_ROOT,
                QueryLevel.STUDY, keys("StudyInstanceUID", ""))));
    }

    @Test
    void findStopsAsSoonAsTheSinkSaysSo() throws Exception {
        int[] calls = {0};
        index.find(new Query(QueryModel.STUDY_ROOT, QueryLevel.IMAGE, keys("SOPInstanceUID", "")), m -> {
            calls[0]++;
            return false;
        });
        assertEquals(1, calls[0]);
    }
}
