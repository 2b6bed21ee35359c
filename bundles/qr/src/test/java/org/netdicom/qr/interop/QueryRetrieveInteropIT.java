package org.netdicom.qr.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.data.Dataset;
import org.netdicom.data.io.DicomFile;
import org.netdicom.index.MatchOptions;
import org.netdicom.qr.MoveDestinations;
import org.netdicom.qr.QueryRetrieveScp;
import org.netdicom.qr.TestArchiveAccess;
import org.netdicom.testkit.Dcmtk;

/**
 * DCMTK's findscu, getscu and movescu (to a DCMTK storescp) against our Query/Retrieve SCP over an
 * H2 index and Part 10 files: matches and instances counted and compared with the archive.
 */
class QueryRetrieveInteropIT {

    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String[] STORAGE = {"1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4"};

    @TempDir
    Path dir;
    private TestArchiveAccess archive;
    private AssociationServer server;
    private final List<Process> processes = new ArrayList<>();
    private int port;
    private int storescpPort;
    private Path storescpOut;

    @BeforeEach
    void start() throws Exception {
        archive = TestArchiveAccess.standard(dir.resolve("storage"));
        storescpPort = Dcmtk.freePort();
        storescpOut = Files.createDirectories(dir.resolve("storescp"));
        processes.add(Dcmtk.startServer(storescpOut, storescpPort, "storescp", "-aet", "STORESCP", "-od",
                storescpOut.toString(), Integer.toString(storescpPort)));
        QueryRetrieveScp scp = new QueryRetrieveScp(archive.index(), archive.root(), MatchOptions.DEFAULT,
                MoveDestinations.parse(List.of("STORESCP@127.0.0.1:" + storescpPort), null), null);
        ApplicationEntity ae = new ApplicationEntity("QRSCP")
                .addSupportedContexts(ServiceClass.QUERY_RETRIEVE, EXPLICIT, IMPLICIT)
                .addSupportedContexts(ServiceClass.STORAGE, EXPLICIT, IMPLICIT);
        for (String sopClass : STORAGE) {
            ae.acceptRoles(sopClass, true, true);
        }
        server = ae.startServer(new InetSocketAddress("127.0.0.1", 0), scp.bindings());
        port = server.localAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
        processes.forEach(Process::destroyForcibly);
        archive.close();
    }

    /** Runs findscu with {@code keys} and returns the matches it wrote. */
    private List<Dataset> findscu(String model, String... keys) throws Exception {
        Path out = Files.createTempDirectory(dir, "find");
        List<String> args = new ArrayList<>(List.of("-v", model, "-aec", "QRSCP", "-X", "-od", out.toString()));
        for (String key : keys) {
            args.add("-k");
            args.add(key);
        }
        args.add("127.0.0.1");
        args.add(Integer.toString(port));
        Dcmtk.Result result = Dcmtk.run("findscu", args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        List<Dataset> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                matches.add(DicomFile.read(f).dataset());
            }
        }
        return matches;
    }

    private static Set<String> values(List<Dataset> matches, String keyword) {
        Set<String> values = new TreeSet<>();
        matches.forEach(m -> values.add(m.getString(keyword)));
        return values;
    }

    /** SOP Instance UID -> data set of each Part 10 file in {@code folder}. */
    private static Map<String, Dataset> instancesIn(Path folder) throws IOException {
        Map<String, Dataset> found = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Dataset d = DicomFile.read(f).dataset();
                found.put(d.getString(0x00080018), d);
            }
        }
        return found;
    }

    private void assertSameInstances(Set<String> expected, Map<String, Dataset> received) throws IOException {
        assertEquals(expected, new TreeSet<>(received.keySet()));
        for (Map.Entry<String, Dataset> e : received.entrySet()) {
            assertEquals(archive.dataset(e.getKey()), e.getValue(), "data set of " + e.getKey());
        }
    }

    @Test
    void findscuPatientRootAtEveryLevel() throws Exception {
        List<Dataset> patients = findscu("-P", "QueryRetrieveLevel=PATIENT", "PatientName=doe*", "PatientID",
                "NumberOfPatientRelatedStudies");
        assertEquals(Set.of("P1"), values(patients, "PatientID"));
        assertEquals("2", patients.get(0).getString("NumberOfPatientRelatedStudies"));

        List<Dataset> studies = findscu("-P", "QueryRetrieveLevel=STUDY", "PatientID=P1", "StudyInstanceUID",
                "StudyDate=20240201-", "AccessionNumber");
        assertEquals(Set.of("1.2.826.0.1.2"), values(studies, "StudyInstanceUID"));
        assertEquals("A2", studies.get(0).getString("AccessionNumber"));

        List<Dataset> series = findscu("-P", "QueryRetrieveLevel=SERIES", "PatientID=P1",
                "StudyInstanceUID=1.2.826.0.1.1", "SeriesInstanceUID", "Modality=M?", "NumberOfSeriesRelatedInstances");
        assertEquals(Set.of("1.2.826.0.1.1.2"), values(series, "SeriesInstanceUID"));
        assertEquals("2", series.get(0).getString("NumberOfSeriesRelatedInstances"));

        List<Dataset> images = findscu("-P", "QueryRetrieveLevel=IMAGE", "PatientID=P1",
                "StudyInstanceUID=1.2.826.0.1.1", "SeriesInstanceUID=1.2.826.0.1.1.1",
                "SOPInstanceUID=1.2.826.0.1.1.1.1\\1.2.826.0.1.1.1.3\\9.9.9", "InstanceNumber");
        assertEquals(Set.of("1.2.826.0.1.1.1.1", "1.2.826.0.1.1.1.3"), values(images, "SOPInstanceUID"));
    }

    @Test
    void findscuStudyRootWithWildcardRangeAndUidList() throws Exception {
        assertEquals(Set.of("1.2.826.0.1.1", "1.2.826.0.1.2", "1.2.826.0.1.3"), values(findscu("-S",
                "QueryRetrieveLevel=STUDY", "StudyInstanceUID", "PatientName=*o*"), "StudyInstanceUID"));
        assertEquals(Set.of("1.2.826.0.1.1", "1.2.826.0.1.3"), values(findscu("-S", "QueryRetrieveLevel=STUDY",
                "StudyInstanceUID", "StudyDate=20231201-20240131"), "StudyInstanceUID"));
        assertEquals(Set.of("1.2.826.0.1.3"), values(findscu("-S", "QueryRetrieveLevel=STUDY",
                "StudyInstanceUID", "StudyDate=-20231231", "StudyTime=2300-"), "StudyInstanceUID"));
        List<Dataset> list = findscu("-S", "QueryRetrieveLevel=STUDY", "StudyInstanceUID=1.2.826.0.1.1\\1.2.826.0.1.3",
                "PatientID", "ModalitiesInStudy", "NumberOfStudyRelatedInstances");
        assertEquals(Set.of("P1", "P2"), values(list, "PatientID"));
        Dataset first = list.stream().filter(d -> "P1".equals(d.getString("PatientID"))).findFirst().orElseThrow();
        assertArrayEquals(new String[] {"CT", "MR"}, first.getStrings("ModalitiesInStudy"));
        assertEquals("5", first.getString("NumberOfStudyRelatedInstances"));
        assertEquals(Set.of("1.2.826.0.1.1.1.2"), values(findscu("-S", "QueryRetrieveLevel=IMAGE",
                "StudyInstanceUID=1.2.826.0.1.1", "SeriesInstanceUID=1.2.826.0.1.1.1", "SOPInstanceUID",
                "InstanceNumber=2"), "SOPInstanceUID"));
    }

    @Test
    void getscuGetsAStudyAndASeries() throws Exception {
        Path out = Files.createDirectories(dir.resolve("get"));
        Dcmtk.Result study = Dcmtk.run("getscu", "-v", "-S", "-aec", "QRSCP", "-od", out.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.826.0.1.1", "127.0.0.1",
                Integer.toString(port));
        assertEquals(0, study.exitCode(), study.toString());
        assertSameInstances(archive.uids("1.2.826.0.1.1", null), instancesIn(out));

        Path seriesOut = Files.createDirectories(dir.resolve("get-series"));
        Dcmtk.Result series = Dcmtk.run("getscu", "-v", "-P", "-aec", "QRSCP", "-od", seriesOut.toString(),
                "-k", "QueryRetrieveLevel=SERIES", "-k", "PatientID=P2", "-k", "StudyInstanceUID=1.2.826.0.1.3",
                "-k", "SeriesInstanceUID=1.2.826.0.1.3.1", "127.0.0.1", Integer.toString(port));
        assertEquals(0, series.exitCode(), series.toString());
        assertSameInstances(archive.uids("1.2.826.0.1.3", "1.2.826.0.1.3.1"), instancesIn(seriesOut));
    }

    @Test
    void movescuMovesAStudyToStorescp() throws Exception {
        Dcmtk.Result move = Dcmtk.run("movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "QRSCP", "-aem", "STORESCP",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.826.0.1.1", "127.0.0.1",
                Integer.toString(port));
        assertEquals(0, move.exitCode(), move.toString());
        assertTrue(move.output().contains("Final Move Response (Success)"), move.toString());
        assertSameInstances(archive.uids("1.2.826.0.1.1", null), instancesIn(storescpOut));

        Dcmtk.Result unknown = Dcmtk.run("movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "QRSCP", "-aem", "ELSEWHERE",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.826.0.1.1", "127.0.0.1",
                Integer.toString(port));
        assertTrue(unknown.output().contains("MoveDestinationUnknown"), unknown.toString());
    }

    @Test
    void movescuOfAPatientCountsAMissingFileAsFailed() throws Exception {
        Files.delete(archive.fileOf("1.2.826.0.1.2.1.1"));
        Dcmtk.Result move = Dcmtk.run("movescu", "-v", "-P", "-aet", "MOVESCU", "-aec", "QRSCP", "-aem", "STORESCP",
                "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=P1", "127.0.0.1", Integer.toString(port));
        assertTrue(move.output().contains("Final Move Response (Warning: SubOperationsCompleteOneOrMoreFailures)"),
                move.toString());
        assertEquals(5, move.output().split("Received Move Response", -1).length - 1, "a pending after each but the last");
        Set<String> expected = new TreeSet<>(archive.uids("1.2.826.0.1.1", null));
        assertSameInstances(expected, instancesIn(storescpOut));
    }
}
