package org.netdicom.tools.interop;

import static org.junit.jupiter.api.Assertions.*;

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
import org.netdicom.data.io.DicomFile;
import org.netdicom.testkit.Dcmtk;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.TestFiles;
import org.netdicom.tools.ToolRun;

/**
 * Our findscu, getscu and movescu against DCMTK's dcmqrscp holding {@link TestFiles#archive}, the
 * results compared with the archive's files and with what DCMTK's own findscu returns.
 */
class QueryRetrieveInteropIT {

    private static final String STUDY_1 = "1.2.826.0.1.3680043.10.1";
    private static final String STUDY_2 = "1.2.826.0.1.3680043.10.2";

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private Map<String, Dataset> archive;
    private int port;
    private int destinationPort;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    /** dcmqrscp as QRSCP, knowing OURDEST (our movescu --port) at {@link #destinationPort}. */
    @BeforeEach
    void startDcmqrscp() throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        destinationPort = ToolRun.freePort();
        port = ToolRun.freePort();
        Path config = dir.resolve("dcmqrscp.cfg");
        Files.writeString(config, String.join("\n",
                "MaxPDUSize = 16384",
                "MaxAssociations = 16",
                "HostTable BEGIN",
                "ourdest = (OURDEST, 127.0.0.1, " + destinationPort + ")",
                "HostTable END",
                "VendorTable BEGIN",
                "VendorTable END",
                "AETable BEGIN",
                "QRSCP " + db + " RW (100, 64mb) ANY",
                "AETable END", ""));
        List<Path> files = TestFiles.archive(dir.resolve("archive"));
        archive = new TreeMap<>();
        List<String> args = new ArrayList<>(List.of("-c", config.toString(), db.toString()));
        for (Path f : files) {
            Dataset d = DicomFile.read(f).dataset();
            archive.put(d.getString(Tag.SOP_INSTANCE_UID), d);
            args.add(f.toString());
        }
        Dcmtk.Result indexed = Dcmtk.run("dcmqridx", args.subList(2, args.size()).toArray(String[]::new));
        assertEquals(0, indexed.exitCode(), indexed.toString());
        processes.add(Dcmtk.startServer(dir, port, "dcmqrscp", "-c", config.toString(), Integer.toString(port)));
    }

    private Map<String, Dataset> archiveWhere(String key, String value) {
        Map<String, Dataset> m = new TreeMap<>();
        archive.forEach((uid, d) -> {
            if (value.equals(d.getString(key))) {
                m.put(uid, d);
            }
        });
        return m;
    }

    @Test
    void findscuPrintsTheStudiesOfThePatientAsDcmtkFindscuFindsThem() throws Exception {
        ToolRun.Result ours = ToolRun.run("findscu", "-aec", "QRSCP", "-S", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "PatientID=P-1", "-k", "StudyInstanceUID", "-k", "PatientName", "127.0.0.1", Integer.toString(port));
        assertEquals(0, ours.exitCode(), ours.toString());
        assertTrue(ours.out().contains("# Match 2"), ours.toString());
        assertFalse(ours.out().contains("# Match 3"), ours.toString());
        assertTrue(ours.out().contains("[" + STUDY_1 + "]") && ours.out().contains("[" + STUDY_2 + "]"), ours.toString());
        assertTrue(ours.out().contains("(0010,0010) PN [Doe^P-1]"), ours.toString());
        assertTrue(ours.err().contains("2 matches, final status 0x0000 (SUCCESS)"), ours.toString());

        Path dcmtkOut = Files.createDirectories(dir.resolve("dcmtk"));
        Dcmtk.Result dcmtk = Dcmtk.run("findscu", "-aec", "QRSCP", "-S", "-X", "-od", dcmtkOut.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=P-1", "-k", "StudyInstanceUID", "-k", "PatientName",
                "127.0.0.1", Integer.toString(port));
        assertEquals(0, dcmtk.exitCode(), dcmtk.toString());
        Path ourOut = dir.resolve("ours");
        ToolRun.Result written = ToolRun.run("findscu", "-q", "-aec", "QRSCP", "-X", "-od", ourOut.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=P-1", "-k", "StudyInstanceUID", "-k", "PatientName",
                "127.0.0.1", Integer.toString(port));
        assertEquals(0, written.exitCode(), written.toString());
        assertEquals(Set.of("rsp0001.dcm", "rsp0002.dcm"), fileNames(ourOut));
        assertEquals(matchesIn(dcmtkOut), matchesIn(ourOut));
    }

    private static Set<String> fileNames(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** The data sets of rsp*.dcm files, in a set (the order of matches is the SCP's). */
    private static Set<Dataset> matchesIn(Path folder) throws Exception {
        Set<Dataset> matches = new java.util.HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                matches.add(DicomFile.read(f).dataset());
            }
        }
        return matches;
    }

    @Test
    void findscuRunsOneQueryPerQueryFileMadeByDump2dcm() throws Exception {
        List<String> files = new ArrayList<>();
        for (String patient : List.of("P-1", "P-2")) {
            Path dump = dir.resolve(patient + ".dump");
            Files.writeString(dump, "(0008,0052) CS [STUDY]\n(0010,0020) LO [" + patient + "]\n(0020,000d) UI\n");
            Path query = dir.resolve(patient + ".dcm");
            Dcmtk.Result made = Dcmtk.run("dump2dcm", dump.toString(), query.toString());
            assertEquals(0, made.exitCode(), made.toString());
            files.add(query.toString());
        }
        List<String> args = new ArrayList<>(List.of("findscu", "-aec", "QRSCP", "-k", "PatientName", "127.0.0.1",
                Integer.toString(port)));
        args.addAll(files);
        ToolRun.Result r = ToolRun.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("# Match 3,") && !r.out().contains("# Match 4,"), r.toString());
        assertTrue(r.out().contains("[Doe^P-2]") && r.out().contains("[1.2.826.0.1.3680043.10.3]"), r.toString());
        assertTrue(r.err().contains("2 matches, final status 0x0000") && r.err().contains("1 match, final status 0x0000"),
                r.toString());

        ToolRun.Result notDicom = ToolRun.run("findscu", "-aec", "QRSCP", "127.0.0.1", Integer.toString(port),
                dir.resolve("P-1.dump").toString());
        assertEquals(ExitCodes.IO, notDicom.exitCode(), notDicom.toString());
        assertEquals(1, notDicom.err().lines().count(), notDicom.toString());
    }

    @Test
    void findscuWritesDicomJson() throws Exception {
        ToolRun.Result r = ToolRun.run("findscu", "-aec", "QRSCP", "-P", "--json", "-k", "QueryRetrieveLevel=PATIENT",
                "-k", "PatientID=P-2", "-k", "PatientName", "127.0.0.1", Integer.toString(port));
        assertEquals(0, r.exitCode(), r.toString());
        String json = r.out().strip();
        assertTrue(json.startsWith("[") && json.endsWith("]"), json);
        assertTrue(json.contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^P-2\"}]}"), json);
        assertTrue(json.contains("\"00100020\":{\"vr\":\"LO\",\"Value\":[\"P-2\"]}"), json);
        assertTrue(json.contains("\"00080052\":{\"vr\":\"CS\",\"Value\":[\"PATIENT\"]}"), json);
        assertEquals(1, json.lines().filter(l -> l.startsWith("{")).count(), json);
    }

    @Test
    void getscuWritesTheStudyToItsFolder() throws Exception {
        Path out = dir.resolve("get");
        ToolRun.Result r = ToolRun.run("getscu", "-aec", "QRSCP", "-od", out.toString(), "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID=" + STUDY_1, "127.0.0.1", Integer.toString(port));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("final status 0x0000 (SUCCESS)") && r.out().contains("3 completed, 0 failed"),
                r.toString());
        assertEquals(archiveWhere("StudyInstanceUID", STUDY_1), TestFiles.instancesIn(out));
    }

    @Test
    void movescuReceivesThePatientOnItsOwnPort() throws Exception {
        Path out = dir.resolve("move");
        ToolRun.Result r = ToolRun.run("movescu", "-aet", "OURDEST", "-aec", "QRSCP", "--port",
                Integer.toString(destinationPort), "-od", out.toString(), "-P", "-k", "QueryRetrieveLevel=PATIENT",
                "-k", "PatientID=P-1", "127.0.0.1", Integer.toString(port));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("4 completed, 0 failed"), r.toString());
        assertEquals(archiveWhere("PatientID", "P-1"), TestFiles.instancesIn(out));
    }

    @Test
    void movescuToAnUnknownDestinationIsExitCode4() throws Exception {
        ToolRun.Result r = ToolRun.run("movescu", "-aec", "QRSCP", "-aem", "NOWHERE", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID=" + STUDY_2, "127.0.0.1", Integer.toString(port));
        assertEquals(ExitCodes.DIMSE_FAILURE, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("0xA801"), r.toString());
    }

    @Test
    void aWrongCalledAeTitleIsRefusedByDcmqrscp() throws Exception {
        ToolRun.Result r = ToolRun.run("findscu", "-aec", "NOTQRSCP", "-k", "PatientID", "127.0.0.1",
                Integer.toString(port));
        assertEquals(ExitCodes.ASSOCIATION, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith("findscu: association rejected by NOTQRSCP"), r.toString());
    }
}
