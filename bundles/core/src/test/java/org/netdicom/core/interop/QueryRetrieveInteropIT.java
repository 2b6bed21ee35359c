package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.event.RetrieveEvent;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.core.api.handler.CGetHandler;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.testkit.Dcmtk;

/**
 * Query/Retrieve with DCMTK as the peer: findscu, getscu and movescu against our SCP (handlers over
 * a small in-memory archive), and our requestor against dcmqrscp filled with the same instances.
 */
class QueryRetrieveInteropIT {

    private static final String STUDY_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    private static final String STUDY_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    private static final String STUDY_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    private static final String PATIENT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";

    @TempDir
    Path dir;
    private final List<AssociationServer> servers = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(AssociationServer::close);
        processes.forEach(Process::destroyForcibly);
    }

    /** Two studies of patient P-1 (2 and 1 CT instances), one of P-2. */
    private static Map<String, Dataset> archive() {
        Map<String, Dataset> instances = new java.util.LinkedHashMap<>();
        String[][] rows = {{"P-1", "1.2.826.0.9.1", "1"}, {"P-1", "1.2.826.0.9.1", "2"}, {"P-1", "1.2.826.0.9.2", "1"},
                {"P-2", "1.2.826.0.9.3", "1"}};
        for (String[] row : rows) {
            Dataset d = new Dataset();
            String uid = row[1] + ".1." + row[2];
            d.setString(Tag.SOP_CLASS_UID, VR.UI, CT);
            d.setString(Tag.SOP_INSTANCE_UID, VR.UI, uid);
            d.setString("Modality", "CT");
            d.setString("PatientName", "Doe^" + row[0]);
            d.setString("PatientID", row[0]);
            d.setString("StudyInstanceUID", row[1]);
            d.setString("SeriesInstanceUID", row[1] + ".1");
            d.setString("StudyDate", "20240101");
            d.setString("AccessionNumber", "A" + row[1].substring(row[1].length() - 1));
            d.setString("StudyID", "S1");
            d.setString("SeriesNumber", "1");
            d.setString("InstanceNumber", row[2]);
            d.setInt("Rows", 4);
            d.setInt("Columns", 4);
            d.setInt("BitsAllocated", 16);
            d.setInt("BitsStored", 12);
            d.setInt("HighBit", 11);
            d.setInt("PixelRepresentation", 0);
            d.setInt("SamplesPerPixel", 1);
            d.setString("PhotometricInterpretation", "MONOCHROME2");
            d.setBytes(Tag.PIXEL_DATA, VR.OW, new byte[32]);
            instances.put(uid, d);
        }
        return instances;
    }

    private static boolean matches(Dataset instance, Dataset keys) {
        for (String key : List.of("PatientID", "StudyInstanceUID")) {
            String wanted = keys.getString(key);
            if (wanted != null && !wanted.isEmpty() && !wanted.equals(instance.getString(key))) {
                return false;
            }
        }
        return true;
    }

    /** Our Q/R SCP: study-level C-FIND, C-GET and C-MOVE over {@link #archive()}; movers are AE title -> port. */
    private int startScp(Map<String, Integer> moveDestinations) throws IOException {
        Map<String, Dataset> archive = archive();
        CFindHandler find = e -> {
            Set<String> studies = new TreeSet<>();
            for (Dataset d : archive.values()) {
                if (matches(d, e.identifier()) && studies.add(d.getString("StudyInstanceUID"))) {
                    Dataset match = new Dataset();
                    match.setString("QueryRetrieveLevel", "STUDY");
                    match.setString("PatientID", d.getString("PatientID"));
                    match.setString("PatientName", d.getString("PatientName"));
                    match.setString("StudyInstanceUID", d.getString("StudyInstanceUID"));
                    if (!e.pending(match)) {
                        break;
                    }
                }
            }
            return Status.SUCCESS;
        };
        CMoveHandler move = e -> {
            Integer port = moveDestinations.get(e.moveDestination());
            if (port == null) {
                return new Status(0xA801);
            }
            e.destination("127.0.0.1", port);
            return retrieve(archive, e);
        };
        AssociationServer server = new ApplicationEntity("NETDICOM")
                .addSupportedContext(STUDY_FIND, EXPLICIT, IMPLICIT)
                .addSupportedContext(PATIENT_FIND, EXPLICIT, IMPLICIT)
                .addSupportedContext(STUDY_GET, EXPLICIT, IMPLICIT)
                .addSupportedContext(STUDY_MOVE, EXPLICIT, IMPLICIT)
                .addSupportedContext(CT, EXPLICIT, IMPLICIT)
                .acceptRoles(CT, true, true)
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EventType.EVT_C_FIND, find)
                        .and(EventType.EVT_C_GET, (CGetHandler) e -> retrieve(archive, e))
                        .and(EventType.EVT_C_MOVE, move));
        servers.add(server);
        return server.localAddress().getPort();
    }

    private static Status retrieve(Map<String, Dataset> archive, RetrieveEvent e) {
        List<Dataset> matching = archive.values().stream().filter(d -> matches(d, e.identifier())).toList();
        e.subOperations(matching.size());
        for (Dataset d : matching) {
            if (e.isCancelled()) {
                return new Status(0xFE00);
            }
            e.store(d);
        }
        return Status.SUCCESS;
    }

    /** SOP Instance UID of each Part 10 file in {@code folder}. */
    private static Set<String> instancesIn(Path folder) throws IOException {
        Set<String> uids = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                uids.add(DicomFile.read(f).dataset().getString(Tag.SOP_INSTANCE_UID));
            }
        }
        return uids;
    }

    private static Set<String> uidsOf(String patientId, String study) {
        Set<String> uids = new TreeSet<>();
        archive().forEach((uid, d) -> {
            if (d.getString("PatientID").equals(patientId) && (study == null || study.equals(d.getString("StudyInstanceUID")))) {
                uids.add(uid);
            }
        });
        return uids;
    }

    // ---- DCMTK requestors against our SCP ----------------------------------------------------------

    @Test
    void findscuReceivesEachStudyOfThePatient() throws Exception {
        int port = startScp(Map.of());
        Path out = Files.createDirectories(dir.resolve("find"));
        Dcmtk.Result result = Dcmtk.run("findscu", "-v", "-S", "-aec", "NETDICOM", "-X", "-od", out.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=P-1", "-k", "StudyInstanceUID", "-k", "PatientName",
                "127.0.0.1", Integer.toString(port));
        assertEquals(0, result.exitCode(), result.toString());
        Set<String> studies = new TreeSet<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                Dataset match = DicomFile.read(f).dataset();
                assertEquals("P-1", match.getString("PatientID"));
                studies.add(match.getString("StudyInstanceUID"));
            }
        }
        assertEquals(Set.of("1.2.826.0.9.1", "1.2.826.0.9.2"), studies, result.toString());
    }

    @Test
    void getscuStoresTheInstancesOfTheStudy() throws Exception {
        int port = startScp(Map.of());
        Path out = Files.createDirectories(dir.resolve("get"));
        Dcmtk.Result result = Dcmtk.run("getscu", "-v", "-S", "-aec", "NETDICOM", "-od", out.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.826.0.9.1",
                "127.0.0.1", Integer.toString(port));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(uidsOf("P-1", "1.2.826.0.9.1"), instancesIn(out), result.toString());
        assertTrue(result.output().contains("Success"), result.toString());
    }

    @Test
    void movescuReceivesThePatientOnItsOwnPort() throws Exception {
        int movescuPort = Dcmtk.freePort();
        int port = startScp(Map.of("MOVESCU", movescuPort));
        Path out = Files.createDirectories(dir.resolve("move"));
        Dcmtk.Result result = Dcmtk.run("movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "NETDICOM",
                "-aem", "MOVESCU", "+P", Integer.toString(movescuPort), "-od", out.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=P-1",
                "127.0.0.1", Integer.toString(port));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(uidsOf("P-1", null), instancesIn(out), result.toString());

        Dcmtk.Result unknown = Dcmtk.run("movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "NETDICOM",
                "-aem", "ELSEWHERE", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=P-1",
                "127.0.0.1", Integer.toString(port));
        assertTrue(unknown.output().contains("Final Move Response (Refused: MoveDestinationUnknown)"),
                unknown.toString());
    }

    // ---- our requestor against dcmqrscp ------------------------------------------------------------

    /** Starts dcmqrscp (AE QRSCP) with the archive stored into it; {@code ourDestinationPort} is OURDEST's. */
    private int startDcmqrscp(int ourDestinationPort) throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        Path in = Files.createDirectories(dir.resolve("in"));
        int port = Dcmtk.freePort();
        Files.writeString(dir.resolve("dcmqrscp.cfg"), String.join("\n",
                "MaxPDUSize = 16384",
                "MaxAssociations = 16",
                "HostTable BEGIN",
                "ourdest = (OURDEST, 127.0.0.1, " + ourDestinationPort + ")",
                "HostTable END",
                "VendorTable BEGIN",
                "VendorTable END",
                "AETable BEGIN",
                "QRSCP " + db + " RW (100, 64mb) ANY",
                "AETable END", ""));
        List<String> files = new ArrayList<>();
        for (Dataset d : archive().values()) {
            Path f = in.resolve(d.getString(Tag.SOP_INSTANCE_UID) + ".dcm");
            DicomFile.write(f, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            files.add(f.toString());
        }
        List<String> args = new ArrayList<>(List.of("-c", dir.resolve("dcmqrscp.cfg").toString(), db.toString()));
        args.addAll(files);
        Dcmtk.Result indexed = Dcmtk.run("dcmqridx", args.subList(2, args.size()).toArray(String[]::new));
        assertEquals(0, indexed.exitCode(), indexed.toString());
        processes.add(Dcmtk.startServer(dir, port, "dcmqrscp", "-c", dir.resolve("dcmqrscp.cfg").toString(),
                Integer.toString(port)));
        return port;
    }

    @Test
    void ourFindGetAndMoveAgainstDcmqrscpReturnWhatItHolds() throws Exception {
        Map<String, Dataset> moved = new ConcurrentHashMap<>();
        AssociationServer destination = new ApplicationEntity("OURDEST").addSupportedContext(CT, EXPLICIT, IMPLICIT)
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EventType.EVT_C_STORE,
                        (CStoreHandler) e -> {
                            moved.put(e.sopInstanceUid(), e.dataset());
                            return Status.SUCCESS;
                        }));
        servers.add(destination);
        int port = startDcmqrscp(destination.localAddress().getPort());

        Map<String, Dataset> got = new ConcurrentHashMap<>();
        ApplicationEntity scu = new ApplicationEntity("OURSCU")
                .addRequestedContext(STUDY_FIND, EXPLICIT)
                .addRequestedContext(STUDY_GET, EXPLICIT)
                .addRequestedContext(STUDY_MOVE, EXPLICIT)
                .addRequestedContext(CT, EXPLICIT, IMPLICIT)
                .requestRole(CT, false, true);
        try (Association a = scu.associate("127.0.0.1", port, "QRSCP", EventBindings.of(EventType.EVT_C_STORE,
                (CStoreHandler) e -> {
                    got.put(e.sopInstanceUid(), e.dataset());
                    return Status.SUCCESS;
                }))) {
            Dataset keys = new Dataset();
            keys.setString("QueryRetrieveLevel", "STUDY");
            keys.setString("PatientID", "P-1");
            keys.setString("StudyInstanceUID", "");
            List<DimseResponse> found = a.find(keys, STUDY_FIND).stream().toList();
            Set<String> studies = new TreeSet<>();
            found.stream().filter(r -> r.status().code() == 0xFF00)
                    .forEach(r -> studies.add(r.dataSet().getString("StudyInstanceUID")));
            assertEquals(Set.of("1.2.826.0.9.1", "1.2.826.0.9.2"), studies);
            assertEquals(Status.SUCCESS, found.get(found.size() - 1).status());

            Dataset study = new Dataset();
            study.setString("QueryRetrieveLevel", "STUDY");
            study.setString("StudyInstanceUID", "1.2.826.0.9.1");
            DimseResponse getDone = a.get(study, STUDY_GET).finalResponse();
            assertEquals(Status.SUCCESS, getDone.status(), getDone.toString());
            assertEquals(2, getDone.subOperations().completed());
            assertEquals(uidsOf("P-1", "1.2.826.0.9.1"), new TreeSet<>(got.keySet()));
            assertEquals(archive().get("1.2.826.0.9.1.1.1").getString("PatientName"),
                    got.get("1.2.826.0.9.1.1.1").getString("PatientName"));

            study.setString("StudyInstanceUID", "1.2.826.0.9.2");
            DimseResponse moveDone = a.move("OURDEST", study, STUDY_MOVE).finalResponse();
            assertEquals(Status.SUCCESS, moveDone.status(), moveDone.toString());
            assertEquals(uidsOf("P-1", "1.2.826.0.9.2"), new TreeSet<>(moved.keySet()));
        }
    }
}
