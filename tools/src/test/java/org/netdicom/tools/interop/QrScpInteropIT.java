package org.netdicom.tools.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.testkit.Dcmtk;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.TestFiles;
import org.netdicom.tools.ToolRun;

/**
 * DCMTK's storescu, findscu, getscu and movescu against our qrscp: what storescu sent is stored as
 * it was (every transfer syntax, compressed ones too), found at every level of both query models,
 * got and moved back unchanged, and still there after a restart on the same data folder.
 */
class QrScpInteropIT {

    static final String STUDY_1 = "1.2.826.0.1.3680043.10.1";
    static final String STUDY_2 = "1.2.826.0.1.3680043.10.2";
    static final String STUDY_3 = "1.2.826.0.1.3680043.10.3";
    /** Patient P-3's study, one series in Big Endian, Deflated, JPEG Lossless and RLE. */
    static final String STUDY_4 = "1.2.826.0.1.3680043.10.4";
    private static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    private static final String RLE = "1.2.840.10008.1.2.5";

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Dataset> sent = new TreeMap<>();
    private final Map<String, String> sentSyntax = new TreeMap<>();
    private ToolRun.Server qrscp;
    private int port;
    private int storescpPort;
    private int movescuPort;
    private Path storescpOut;
    private Path data;

    @BeforeEach
    void storeTheArchiveWithDcmtkStorescu() throws Exception {
        Path in = dir.resolve("in");
        Path inRle = dir.resolve("in-rle");
        List<Path> files = new ArrayList<>(TestFiles.archive(in));
        files.addAll(otherSyntaxes(in.resolve("P-3"), inRle));
        for (Path f : files) {
            DicomFile file = DicomFile.read(f);
            sent.put(file.dataset().getString(Tag.SOP_INSTANCE_UID), file.dataset());
            sentSyntax.put(file.dataset().getString(Tag.SOP_INSTANCE_UID), file.transferSyntax().uid());
        }
        storescpPort = ToolRun.freePort();
        storescpOut = Files.createDirectories(dir.resolve("storescp"));
        processes.add(Dcmtk.startServer(dir, storescpPort, "storescp", "-aet", "STORESCP", "-od",
                storescpOut.toString(), Integer.toString(storescpPort)));
        movescuPort = ToolRun.freePort();
        data = dir.resolve("data");
        port = ToolRun.freePort();
        qrscp = startQrscp();

        // storescu proposes one compressed syntax at most (-xs JPEG Lossless, -xr RLE): two runs
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aec", "ARCHIVE", "-xs", "+sd", "+r", "127.0.0.1",
                Integer.toString(port), in.toString());
        assertEquals(0, stored.exitCode(), stored.toString());
        Dcmtk.Result storedRle = Dcmtk.run("storescu", "-aec", "ARCHIVE", "-xr", "+sd", "127.0.0.1",
                Integer.toString(port), inRle.toString());
        assertEquals(0, storedRle.exitCode(), storedRle.toString());
    }

    private ToolRun.Server startQrscp() throws Exception {
        return ToolRun.Server.start(port, "qrscp", "-aet", "ARCHIVE", "--data", data.toString(),
                "--move", "STORESCP@127.0.0.1:" + storescpPort, "--move", "MOVESCU@127.0.0.1:" + movescuPort,
                Integer.toString(port));
    }

    /** P-3's study: CT 1 Big Endian, MR 2 Deflated, CT 3 JPEG Lossless (dcmcjpeg), CT 4 RLE (dcmcrle). */
    private List<Path> otherSyntaxes(Path folder, Path rleFolder) throws Exception {
        Path plain = dir.resolve("plain");
        List<Path> files = new ArrayList<>();
        files.add(TestFiles.write(folder, "ct1-be.dcm", p3(TestFiles.CT, 1), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN));
        files.add(TestFiles.write(folder, "mr2-deflated.dcm", p3(TestFiles.MR, 2),
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN));
        Path ct3 = TestFiles.write(plain, "ct3.dcm", p3(TestFiles.CT, 3), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Result jpeg = Dcmtk.run("dcmcjpeg", "+e1", ct3.toString(), folder.resolve("ct3-jpeg.dcm").toString());
        assertEquals(0, jpeg.exitCode(), jpeg.toString());
        files.add(folder.resolve("ct3-jpeg.dcm"));
        Path ct4 = TestFiles.write(plain, "ct4.dcm", p3(TestFiles.CT, 4), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Files.createDirectories(rleFolder);
        Dcmtk.Result rle = Dcmtk.run("dcmcrle", ct4.toString(), rleFolder.resolve("ct4-rle.dcm").toString());
        assertEquals(0, rle.exitCode(), rle.toString());
        files.add(rleFolder.resolve("ct4-rle.dcm"));
        return files;
    }

    private static Dataset p3(String sopClass, int number) {
        Dataset d = TestFiles.image(sopClass, "P-3", STUDY_4, number);
        d.setString("StudyDate", "20240315");
        d.setString("PatientName", "Roe^Anna");
        return d;
    }

    @AfterEach
    void stop() {
        if (qrscp != null) {
            qrscp.close();
        }
        processes.forEach(Process::destroyForcibly);
    }

    /** SOP Instance UID -> Part 10 file below the storage root (hidden spool folder left out). */
    private Map<String, DicomFile> storedFiles() throws Exception {
        Map<String, DicomFile> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(data.resolve("storage"))) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".dcm")).toList()) {
                DicomFile file = DicomFile.read(f);
                files.put(file.dataset().getString(Tag.SOP_INSTANCE_UID), file);
            }
        }
        return files;
    }

    private Map<String, Dataset> sentWhere(String keyword, String value) {
        Map<String, Dataset> m = new TreeMap<>();
        sent.forEach((uid, d) -> {
            if (value.equals(d.getString(keyword))) {
                m.put(uid, d);
            }
        });
        return m;
    }

    @Test
    void everyInstanceIsStoredAsSentCompressedOnesInTheirSyntax() throws Exception {
        assertEquals(9, sent.size());
        assertTrue(sentSyntax.containsValue(JPEG_LOSSLESS_SV1) && sentSyntax.containsValue(RLE), sentSyntax.toString());
        Map<String, DicomFile> stored = storedFiles();
        assertEquals(sent.keySet(), stored.keySet());
        for (Map.Entry<String, DicomFile> e : stored.entrySet()) {
            assertEquals(sent.get(e.getKey()), e.getValue().dataset(), "data set of " + e.getKey());
            String syntax = sentSyntax.get(e.getKey());
            if (syntax.equals(JPEG_LOSSLESS_SV1) || syntax.equals(RLE)) { // storescu converts the others to what we prefer
                assertEquals(syntax, e.getValue().transferSyntax().uid(), "syntax of " + e.getKey());
            }
        }
        // the default layout: patient / study / series / instance
        assertTrue(Files.isRegularFile(data.resolve("storage/P-3/" + STUDY_4 + "/" + STUDY_4 + ".1/" + STUDY_4
                + ".1.3.dcm")));
        ToolRun.Result stopped = qrscp.stop();
        assertEquals(0, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.err().contains("9 instances stored, 0 failed"), stopped.toString());
    }

    /** Runs DCMTK findscu with {@code keys} and returns the matches it wrote with -X. */
    private List<Dataset> findscu(String model, String... keys) throws Exception {
        Path out = Files.createTempDirectory(dir, "find");
        List<String> args = new ArrayList<>(List.of(model, "-aec", "ARCHIVE", "-X", "-od", out.toString()));
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

    @Test
    void dcmtkFindscuPatientRootAtEveryLevel() throws Exception {
        List<Dataset> patients = findscu("-P", "QueryRetrieveLevel=PATIENT", "PatientName=doe*", "PatientID",
                "NumberOfPatientRelatedStudies");
        assertEquals(Set.of("P-1", "P-2"), values(patients, "PatientID"));
        Dataset p1 = patients.stream().filter(d -> "P-1".equals(d.getString("PatientID"))).findFirst().orElseThrow();
        assertEquals("2", p1.getString("NumberOfPatientRelatedStudies"));

        assertEquals(Set.of(STUDY_1, STUDY_2), values(findscu("-P", "QueryRetrieveLevel=STUDY", "PatientID=P-1",
                "StudyInstanceUID", "StudyDate"), "StudyInstanceUID"));
        assertEquals(Set.of(STUDY_4), values(findscu("-P", "QueryRetrieveLevel=STUDY", "PatientID=P-3",
                "StudyInstanceUID", "StudyDate=20240301-20240331"), "StudyInstanceUID"));

        List<Dataset> series = findscu("-P", "QueryRetrieveLevel=SERIES", "PatientID=P-3", "StudyInstanceUID=" + STUDY_4,
                "SeriesInstanceUID", "NumberOfSeriesRelatedInstances");
        assertEquals(Set.of(STUDY_4 + ".1"), values(series, "SeriesInstanceUID"));
        assertEquals("4", series.get(0).getString("NumberOfSeriesRelatedInstances"));

        List<Dataset> images = findscu("-P", "QueryRetrieveLevel=IMAGE", "PatientID=P-1", "StudyInstanceUID=" + STUDY_1,
                "SeriesInstanceUID=" + STUDY_1 + ".1", "SOPInstanceUID=" + STUDY_1 + ".1.1\\" + STUDY_1 + ".1.3\\9.9.9",
                "InstanceNumber", "SOPClassUID");
        assertEquals(Set.of(STUDY_1 + ".1.1", STUDY_1 + ".1.3"), values(images, "SOPInstanceUID"));
        assertEquals(Set.of(TestFiles.CT, TestFiles.MR), values(images, "SOPClassUID"));
    }

    @Test
    void dcmtkFindscuStudyRootWithWildcardRangeAndUidList() throws Exception {
        assertEquals(Set.of(STUDY_1, STUDY_2, STUDY_3, STUDY_4), values(findscu("-S", "QueryRetrieveLevel=STUDY",
                "StudyInstanceUID", "PatientName=*o*"), "StudyInstanceUID"));
        assertEquals(Set.of(STUDY_4), values(findscu("-S", "QueryRetrieveLevel=STUDY", "StudyInstanceUID",
                "PatientName=R?e^*"), "StudyInstanceUID"));
        assertEquals(Set.of(STUDY_1, STUDY_2, STUDY_3), values(findscu("-S", "QueryRetrieveLevel=STUDY",
                "StudyInstanceUID", "StudyDate=-20240201"), "StudyInstanceUID"));
        List<Dataset> list = findscu("-S", "QueryRetrieveLevel=STUDY", "StudyInstanceUID=" + STUDY_1 + "\\" + STUDY_4,
                "PatientID", "ModalitiesInStudy", "NumberOfStudyRelatedInstances");
        assertEquals(Set.of("P-1", "P-3"), values(list, "PatientID"));
        Dataset s1 = list.stream().filter(d -> "P-1".equals(d.getString("PatientID"))).findFirst().orElseThrow();
        // the series is the first instance's: a CT (TestFiles puts the MR in the same series)
        assertEquals(Set.of("CT"), Set.of(s1.getStrings("ModalitiesInStudy")));
        assertEquals("3", s1.getString("NumberOfStudyRelatedInstances"));
        assertEquals(Set.of(STUDY_4 + ".1.1", STUDY_4 + ".1.3", STUDY_4 + ".1.4"), values(findscu("-S",
                "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + STUDY_4, "SeriesInstanceUID=" + STUDY_4 + ".1",
                "SOPInstanceUID", "SOPClassUID=" + TestFiles.CT), "SOPInstanceUID"));
        assertEquals(Set.of(STUDY_2 + ".1"), values(findscu("-S", "QueryRetrieveLevel=SERIES",
                "StudyInstanceUID=" + STUDY_2, "SeriesInstanceUID", "Modality=O*"), "SeriesInstanceUID"));
    }

    /** SOP Instance UID -> data set of each file in {@code folder}. */
    private static Map<String, Dataset> instancesIn(Path folder) throws Exception {
        return TestFiles.instancesIn(folder);
    }

    @Test
    void dcmtkGetscuGetsASeriesAsItWasSent() throws Exception {
        Path out = Files.createDirectories(dir.resolve("get"));
        Dcmtk.Result get = Dcmtk.run("getscu", "-v", "-S", "-aec", "ARCHIVE", "-od", out.toString(),
                "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + STUDY_1,
                "-k", "SeriesInstanceUID=" + STUDY_1 + ".1", "127.0.0.1", Integer.toString(port));
        assertEquals(0, get.exitCode(), get.toString());
        assertEquals(sentWhere("SeriesInstanceUID", STUDY_1 + ".1"), instancesIn(out));
        assertEquals(3, instancesIn(out).size());
    }

    @Test
    void dcmtkMovescuMovesAStudyToStorescpAndToItself() throws Exception {
        Dcmtk.Result toStorescp = Dcmtk.run("movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "ARCHIVE", "-aem",
                "STORESCP", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY_1, "127.0.0.1",
                Integer.toString(port));
        assertEquals(0, toStorescp.exitCode(), toStorescp.toString());
        assertTrue(toStorescp.output().contains("Final Move Response (Success)"), toStorescp.toString());
        assertEquals(sentWhere("StudyInstanceUID", STUDY_1), instancesIn(storescpOut));

        Path out = Files.createDirectories(dir.resolve("movescu"));
        Dcmtk.Result toItself = Dcmtk.run("movescu", "-v", "-P", "-aet", "MOVESCU", "-aec", "ARCHIVE", "+P",
                Integer.toString(movescuPort), "-od", out.toString(), "-k", "QueryRetrieveLevel=PATIENT",
                "-k", "PatientID=P-1", "127.0.0.1", Integer.toString(port));
        assertEquals(0, toItself.exitCode(), toItself.toString());
        assertEquals(sentWhere("PatientID", "P-1"), instancesIn(out));
        assertEquals(4, instancesIn(out).size());

        Dcmtk.Result unknown = Dcmtk.run("movescu", "-S", "-aec", "ARCHIVE", "-aem", "ELSEWHERE",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY_1, "127.0.0.1", Integer.toString(port));
        assertTrue(unknown.output().contains("MoveDestinationUnknown"), unknown.toString());

        ToolRun.Result stopped = qrscp.stop();
        assertTrue(stopped.err().contains("0 C-FIND, 0 C-GET, 3 C-MOVE"), stopped.toString());
    }

    @Test
    void ourFindscuGetscuAndMovescuAgainstQrscp() throws Exception {
        ToolRun.Result find = ToolRun.run("findscu", "-aec", "ARCHIVE", "-S", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "PatientID=P-1", "-k", "StudyInstanceUID", "127.0.0.1", Integer.toString(port));
        assertEquals(0, find.exitCode(), find.toString());
        assertTrue(find.err().contains("2 matches, final status 0x0000 (SUCCESS)"), find.toString());
        assertTrue(find.out().contains("[" + STUDY_1 + "]") && find.out().contains("[" + STUDY_2 + "]"), find.toString());

        Path got = dir.resolve("got");
        ToolRun.Result get = ToolRun.run("getscu", "-aec", "ARCHIVE", "-od", got.toString(), "-k",
                "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY_3, "127.0.0.1", Integer.toString(port));
        assertEquals(0, get.exitCode(), get.toString());
        assertEquals(sentWhere("StudyInstanceUID", STUDY_3), instancesIn(got));

        Path moved = dir.resolve("moved");
        ToolRun.Result move = ToolRun.run("movescu", "-aet", "MOVESCU", "-aec", "ARCHIVE", "--port",
                Integer.toString(movescuPort), "-od", moved.toString(), "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID=" + STUDY_1, "127.0.0.1", Integer.toString(port));
        assertEquals(0, move.exitCode(), move.toString());
        assertTrue(move.out().contains("3 completed, 0 failed"), move.toString());
        assertEquals(sentWhere("StudyInstanceUID", STUDY_1), instancesIn(moved));
    }

    /** bin/netdicom as built (failsafe passes its path): the jars qrscp needs must be in its lib/. */
    private static Path launcher() {
        Path script = Path.of(System.getProperty("netdicom.launcher", "target/netdicom-tools/bin/netdicom"))
                .toAbsolutePath();
        assertTrue(Files.isExecutable(script), script + " must exist: run mvn package first");
        return script;
    }

    @Test
    void theIndexSurvivesARestartFromTheLauncherOnTheSameDataFolder() throws Exception {
        ToolRun.Result stopped = qrscp.stop();
        assertEquals(0, stopped.exitCode(), stopped.toString());
        qrscp = null;

        // a config file gives the AE title and data folder (relative to the file), the command line the port
        Path config = dir.resolve("qrscp.properties");
        Files.writeString(config, "# archive node\naet = ARCHIVE\nport = 1\ndata = data\nduplicates = keep-first\n");
        Path log = dir.resolve("qrscp.log");
        Process process = new ProcessBuilder(launcher().toString(), "qrscp", "-c", config.toString(),
                Integer.toString(port)).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        processes.add(process);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.readString(log).contains("listening")) {
            assertTrue(process.isAlive(), "qrscp ended: " + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "qrscp did not start: " + Files.readString(log));
            Thread.sleep(50);
        }
        // every file was already indexed: nothing for the reconciliation to do
        assertTrue(Files.readString(log).contains("9 files seen, 0 indexed, 0 rows without file removed"),
                Files.readString(log));
        assertEquals(sent.keySet(), values(findscu("-S", "QueryRetrieveLevel=IMAGE", "SOPInstanceUID",
                "StudyInstanceUID=" + STUDY_1 + "\\" + STUDY_2 + "\\" + STUDY_3 + "\\" + STUDY_4), "SOPInstanceUID"));
        Path out = Files.createDirectories(dir.resolve("get"));
        Dcmtk.Result get = Dcmtk.run("getscu", "-S", "-aec", "ARCHIVE", "-od", out.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY_2, "127.0.0.1", Integer.toString(port));
        assertEquals(0, get.exitCode(), get.toString());
        assertEquals(sentWhere("StudyInstanceUID", STUDY_2), instancesIn(out));

        // a second node on the same data folder: the H2 index is locked by the first
        ToolRun.Result busy = ToolRun.run("qrscp", "--data", data.toString(), Integer.toString(ToolRun.freePort()));
        assertEquals(ExitCodes.IO, busy.exitCode(), busy.toString());
        assertEquals(1, busy.err().lines().count(), busy.toString());
        assertTrue(busy.err().startsWith("qrscp: cannot open the index "), busy.toString());

        process.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook closes the server and prints the summary
        assertTrue(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertTrue(output.contains("0 instances stored, 0 failed; 1 C-FIND, 1 C-GET, 0 C-MOVE"), output);
        assertTrue(output.contains("qrscp: stopped"), output);
    }

    @Test
    void badInputEndsWithOneLineAndItsExitCode() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ToolRun.Result inUse = ToolRun.run("qrscp", "--data", dir.resolve("other").toString(), "--bind",
                    "127.0.0.1", Integer.toString(taken.getLocalPort()));
            assertEquals(ExitCodes.IO, inUse.exitCode(), inUse.toString());
            assertEquals(1, inUse.err().lines().count(), inUse.toString());
            assertTrue(inUse.err().startsWith("qrscp: cannot listen on "), inUse.toString());
        }
        ToolRun.Result noConfig = ToolRun.run("qrscp", "-c", dir.resolve("missing.properties").toString());
        assertEquals(ExitCodes.IO, noConfig.exitCode(), noConfig.toString());
        assertEquals("qrscp: cannot read configuration file " + dir.resolve("missing.properties")
                + ": no such file or folder: " + dir.resolve("missing.properties"), noConfig.err().strip());

        ToolRun.Result folderAsConfig = ToolRun.run("qrscp", "-c", dir.toString());
        assertEquals(ExitCodes.IO, folderAsConfig.exitCode(), folderAsConfig.toString());
        assertEquals(1, folderAsConfig.err().lines().count(), folderAsConfig.toString());

        Path typo = dir.resolve("typo.properties");
        Files.writeString(typo, "aet = ARCHIVE\nprot = 104\n");
        ToolRun.Result unknownKey = ToolRun.run("qrscp", "-c", typo.toString());
        assertEquals(ExitCodes.USAGE, unknownKey.exitCode(), unknownKey.toString());
        assertEquals(1, unknownKey.err().lines().count(), unknownKey.toString());
        assertTrue(unknownKey.err().contains("unknown key prot"), unknownKey.toString());

        ToolRun.Result unknownOption = ToolRun.run("qrscp", "--no-such-option", "104");
        assertEquals(ExitCodes.USAGE, unknownOption.exitCode(), unknownOption.toString());
        assertEquals(1, unknownOption.err().lines().count(), unknownOption.toString());

        ToolRun.Result badDestination = ToolRun.run("qrscp", "--move", "NOPORT@host", "--data",
                dir.resolve("other").toString(), Integer.toString(ToolRun.freePort()));
        assertEquals(ExitCodes.USAGE, badDestination.exitCode(), badDestination.toString());
        assertEquals("qrscp: move destination 'NOPORT@host' is not AET@host:port", badDestination.err().strip());
    }
}
