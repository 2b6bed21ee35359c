package org.netdicom.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;
import org.netdicom.data.Dataset;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;

/**
 * The distribution as the archive a new user gets: nothing configured but NETDICOM_* variables,
 * DCMTK's storescu sends a folder of instances of several SOP classes and transfer syntaxes; each
 * is on disk with its data set as sent and indexed; findscu finds them at every level with
 * wildcard, range and UID-list keys; movescu moves a study to a DCMTK storescp and getscu gets a
 * series back, with the counts and contents of what was sent.
 */
public class ArchiveDistributionIT {

    private static final long BOOT_SECONDS = 90;
    private static final int PATIENTS = 10;
    private static final int IMAGES_PER_SERIES = 5;

    private static Path work;
    private static List<ArchiveInstances.Instance> instances;
    private static Map<String, ArchiveInstances.Instance> byUid;

    private KarafNode node;
    private Process storescp;

    @BeforeClass
    public static void writeInstances() throws Exception {
        work = Path.of(System.getProperty("netdicom.work", "target/itest-work")).resolve("archive");
        KarafNode.deleteRecursively(work);
        instances = ArchiveInstances.write(work.resolve("sent"), PATIENTS, IMAGES_PER_SERIES, 20);
        byUid = instances.stream().collect(Collectors.toMap(ArchiveInstances.Instance::sopInstanceUid, i -> i));
    }

    @After
    public void stop() throws Exception {
        if (storescp != null) {
            storescp.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (node != null) {
            node.destroy();
        }
    }

    @Test
    public void storesFindsMovesAndGetsWhatStorescuSent() throws Exception {
        int port = Ports.free();
        int storescpPort = Ports.free();
        Path data = work.resolve("data");
        node = KarafNode.copyOf(Path.of(System.getProperty("netdicom.assembly")), work, "node", Map.of(
                "NETDICOM_PORT", Integer.toString(port), "NETDICOM_BIND", Ports.LOOPBACK,
                "NETDICOM_DATA", data.toString(),
                "NETDICOM_MOVE_DESTINATIONS", "STORESCP@127.0.0.1:" + storescpPort));
        node.start();
        assertNotNull("the node did not listen within " + BOOT_SECONDS + " s:\n" + node.output(),
                node.awaitLine(l -> l.contains("listening on " + Ports.LOOPBACK + ":" + port), BOOT_SECONDS,
                        TimeUnit.SECONDS));
        for (String event : List.of("EVT_C_STORE", "EVT_C_FIND", "EVT_C_GET", "EVT_C_MOVE")) {
            assertNotNull(event + " has no plugin handler:\n" + node.output(), node.awaitLine(
                    l -> l.contains(event + ": active handler is now"), BOOT_SECONDS, TimeUnit.SECONDS));
        }

        // one run per transfer syntax, proposing just it (-R and -x?), so nothing is converted on the way
        for (Map.Entry<String, String> folder : ArchiveInstances.FOLDERS.entrySet()) {
            DcmtkTool.Result stored = DcmtkTool.run(null, 300, "storescu", "-R", folder.getValue(), "+sd", "-aec",
                    "NETDICOM", Ports.LOOPBACK, Integer.toString(port), work.resolve("sent").resolve(folder.getKey()).toString());
            assertEquals(folder.getKey() + ": " + stored, 0, stored.exitCode());
        }
        assertStoredAsSent(data.resolve("storage"));

        assertFound(port, List.of("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=PID00*", "-k", "PatientName"),
                "PatientID", 9);
        assertFound(port, List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyDate=20240101-20240331",
                "-k", "StudyInstanceUID", "-k", "PatientID"), "StudyInstanceUID", 6);
        assertFound(port, List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName=Test^Patient00?",
                "-k", "StudyInstanceUID"), "StudyInstanceUID", 18);
        String study = ArchiveInstances.studyUid(4, 2);
        assertFound(port, List.of("-S", "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study,
                "-k", "Modality=CT", "-k", "SeriesInstanceUID"), "SeriesInstanceUID", 1);
        String series = ArchiveInstances.seriesUid(4, 2, 2);
        assertFound(port, List.of("-S", "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + study,
                "-k", "SeriesInstanceUID=" + series, "-k", "SOPInstanceUID=" + series + ".1\\" + series + ".3\\"
                        + series + ".9"), "SOPInstanceUID", 2);

        // C-MOVE of a study to a DCMTK storescp
        Path moved = Files.createDirectories(work.resolve("moved"));
        storescp = DcmtkTool.startServer(moved, work.resolve("storescp.log"), "storescp", "+xa", "-aet", "STORESCP",
                Integer.toString(storescpPort));
        assertTrue("storescp did not listen", Ports.awaitListening(storescpPort, 20, TimeUnit.SECONDS));
        DcmtkTool.Result move = DcmtkTool.run(null, 120, "movescu", "-v", "-S", "-aec", "NETDICOM", "-aem", "STORESCP",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study,
                Ports.LOOPBACK, Integer.toString(port));
        assertEquals(move.toString(), 0, move.exitCode());
        assertSameInstances(instancesOf(study, null), moved);

        // C-GET of a series back
        Path got = Files.createDirectories(work.resolve("got"));
        DcmtkTool.Result get = DcmtkTool.run(null, 120, "getscu", "-v", "-S", "-aec", "NETDICOM", "-od", got.toString(),
                "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study, "-k", "SeriesInstanceUID=" + series,
                Ports.LOOPBACK, Integer.toString(port));
        assertEquals(get.toString(), 0, get.exitCode());
        assertSameInstances(instancesOf(study, series), got);
    }

    /** Every instance sent is one file under the storage root, its data set as sent. */
    private static void assertStoredAsSent(Path storage) throws IOException {
        List<Path> files = dicomFiles(storage);
        assertEquals("files under " + storage, instances.size(), files.size());
        for (Path file : files) {
            DicomFile stored = DicomFile.read(file);
            String uid = stored.fileMeta().getString("MediaStorageSOPInstanceUID");
            ArchiveInstances.Instance sent = byUid.get(uid);
            assertNotNull("a file of an instance that was not sent: " + file, sent);
            assertTrue(file + " is not inside its study's folder", file.toString().contains(sent.studyUid()));
            assertSameDataSet(sent.file(), file);
        }
    }

    /**
     * The data set of {@code received} equals that of {@code sent}: byte for byte, except deflated
     * ones, which DCMTK inflates and deflates again on the way and are compared decoded.
     */
    private static void assertSameDataSet(Path sent, Path received) throws IOException {
        DicomFile a = DicomFile.read(sent);
        DicomFile b = DicomFile.read(received);
        String ts = a.fileMeta().getString("TransferSyntaxUID");
        assertEquals(received + " transfer syntax", ts, b.fileMeta().getString("TransferSyntaxUID"));
        if (TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid().equals(ts)) {
            assertEquals(received + " data set", a.dataset(), b.dataset());
        } else {
            assertArrayEquals(received + " data set bytes", dataSetBytes(sent), dataSetBytes(received));
        }
    }

    /** The bytes after the File Meta Information (128-byte preamble, "DICM", group 0002 by its length). */
    private static byte[] dataSetBytes(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int groupLength = (all[140] & 0xFF) | (all[141] & 0xFF) << 8 | (all[142] & 0xFF) << 16 | (all[143] & 0xFF) << 24;
        return java.util.Arrays.copyOfRange(all, 144 + groupLength, all.length);
    }

    private static void assertFound(int port, List<String> query, String keyword, int expected) throws Exception {
        Path out = Files.createTempDirectory(work, "find");
        List<String> args = new ArrayList<>(List.of("-v", "-aec", "NETDICOM", "-X", "-od", out.toString()));
        args.addAll(query);
        args.addAll(List.of(Ports.LOOPBACK, Integer.toString(port)));
        DcmtkTool.Result find = DcmtkTool.run(null, 60, "findscu", args.toArray(String[]::new));
        assertEquals(find.toString(), 0, find.exitCode());
        Set<String> values = new TreeSet<>();
        for (Path response : dicomFiles(out)) {
            values.add(DicomFile.read(response).dataset().getString(keyword));
        }
        assertEquals("findscu " + query + ": " + values + "\n" + find.output(), expected, values.size());
    }

    private static List<ArchiveInstances.Instance> instancesOf(String study, String series) {
        return instances.stream().filter(i -> i.studyUid().equals(study) && (series == null || i.seriesUid().equals(series)))
                .toList();
    }

    private static void assertSameInstances(List<ArchiveInstances.Instance> expected, Path folder) throws IOException {
        Map<String, Path> received = new HashMap<>();
        for (Path file : dicomFiles(folder)) {
            received.put(DicomFile.read(file).fileMeta().getString("MediaStorageSOPInstanceUID"), file);
        }
        assertEquals("instances in " + folder, expected.stream().map(ArchiveInstances.Instance::sopInstanceUid)
                .collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(received.keySet()));
        for (ArchiveInstances.Instance instance : expected) {
            DicomFile a = DicomFile.read(instance.file());
            DicomFile b = DicomFile.read(received.get(instance.sopInstanceUid()));
            assertEquals(instance.file() + " decoded", a.dataset(), b.dataset());
        }
    }

    private static List<Path> dicomFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.toString().contains(".spool")).sorted().toList();
        }
    }
}
