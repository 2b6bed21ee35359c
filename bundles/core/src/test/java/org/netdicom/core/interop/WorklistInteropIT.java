package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.testkit.Dcmtk;

/**
 * Modality Worklist (Basic Worklist Management, PS3.4 K) with DCMTK as the peer: our C-FIND
 * requestor against {@code wlmscpfs} serving a folder of worklist files, and DCMTK
 * {@code findscu -W} against our SCP.
 */
class WorklistInteropIT {

    private static final String WORKLIST_FIND = "1.2.840.10008.5.1.4.31";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<AssociationServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        servers.forEach(AssociationServer::close);
    }

    /** A scheduled procedure step for {@code modality} at {@code date} on station {@code station}. */
    private static Dataset item(String patientId, String accession, String modality, String date, String station) {
        Dataset d = new Dataset();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        d.setString("PatientName", "Doe^" + patientId);
        d.setString("PatientID", patientId);
        d.setString("PatientBirthDate", "19700101");
        d.setString("PatientSex", "O");
        d.setString("AccessionNumber", accession);
        d.setString("RequestedProcedureID", "RP-" + accession);
        d.setString("RequestedProcedureDescription", modality + " exam");
        d.setString("StudyInstanceUID", "1.2.826.0.77." + accession.substring(1));
        d.setString("ReferringPhysicianName", "Ref^Doc");
        Dataset step = d.newSequence("ScheduledProcedureStepSequence").addNew();
        step.setString("Modality", modality);
        step.setString("ScheduledStationAETitle", station);
        step.setString("ScheduledProcedureStepStartDate", date);
        step.setString("ScheduledProcedureStepStartTime", "080000");
        step.setString("ScheduledPerformingPhysicianName", "Perf^Doc");
        step.setString("ScheduledProcedureStepDescription", modality + " step");
        step.setString("ScheduledProcedureStepID", "SPS-" + accession);
        return d;
    }

    private static List<Dataset> worklist() {
        return List.of(item("P-1", "A1", "CT", "20260101", "CT1"), item("P-2", "A2", "MR", "20260101", "MR1"),
                item("P-3", "A3", "CT", "20260102", "CT1"), item("P-4", "A4", "CT", "20260301", "CT2"));
    }

    /** The query a CT modality sends: its station's steps in January 2026, with the usual return keys. */
    private static Dataset ctJanuaryKeys() {
        Dataset keys = new Dataset();
        keys.setString("PatientName", "");
        keys.setString("PatientID", "");
        keys.setString("AccessionNumber", "");
        keys.setString("StudyInstanceUID", "");
        keys.setString("RequestedProcedureID", "");
        Dataset step = keys.newSequence("ScheduledProcedureStepSequence").addNew();
        step.setString("Modality", "CT");
        step.setString("ScheduledStationAETitle", "CT1");
        step.setString("ScheduledProcedureStepStartDate", "20260101-20260131");
        step.setString("ScheduledProcedureStepStartTime", "");
        step.setString("ScheduledProcedureStepID", "");
        return keys;
    }

    @Test
    void ourFindAgainstWlmscpfsReturnsTheMatchingScheduledSteps() throws Exception {
        Path data = Files.createDirectories(dir.resolve("worklists/WLMSCP"));
        Files.writeString(data.resolve("lockfile"), ""); // wlmscpfs refuses an AE folder without it
        int n = 0;
        for (Dataset item : worklist()) {
            // a worklist item is no SOP instance: its file meta names the worklist model, as dump2dcm's do
            Dataset meta = DicomFile.createFileMeta(WORKLIST_FIND, "1.2.826.0.77.9." + (++n),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            try (var out = Files.newOutputStream(data.resolve("item" + n + ".wl"))) {
                DicomFile.write(out, meta, item, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
        }
        int port = Dcmtk.freePort();
        processes.add(Dcmtk.startServer(dir, port, "wlmscpfs", "-dfp", dir.resolve("worklists").toString(),
                String.valueOf(port)));

        ApplicationEntity scu = new ApplicationEntity("CT1").addRequestedContext(WORKLIST_FIND, EXPLICIT, IMPLICIT);
        List<Dataset> matches = new ArrayList<>();
        DimseResponse last = null;
        try (Association a = scu.associate("127.0.0.1", port, "WLMSCP");
                ResponseIterator responses = a.find(ctJanuaryKeys(), WORKLIST_FIND)) {
            while (responses.hasNext()) {
                last = responses.next();
                if (last.status().category() == Status.Category.PENDING) {
                    matches.add(last.dataSet());
                }
            }
        }
        assertEquals(Status.SUCCESS, last.status(), "final status");
        TreeSet<String> accessions = new TreeSet<>();
        for (Dataset match : matches) {
            accessions.add(match.getString("AccessionNumber"));
            Sequence steps = match.getSequence("ScheduledProcedureStepSequence");
            assertNotNull(steps, "the step sequence comes back: " + match);
            assertEquals("CT", steps.get(0).getString("Modality"));
            assertEquals("SPS-" + match.getString("AccessionNumber"), steps.get(0).getString("ScheduledProcedureStepID"));
            assertEquals("Doe^" + match.getString("PatientID"), match.getString("PatientName"));
        }
        assertEquals(new TreeSet<>(List.of("A1", "A3")), accessions, "CT steps of station CT1 in January");
    }

    @Test
    void findscuWorklistQueryIsAnsweredByOurScp() throws Exception {
        List<Dataset> worklist = worklist();
        CFindHandler handler = e -> {
            Dataset step = e.identifier().getSequence("ScheduledProcedureStepSequence").get(0);
            String modality = step.getString("Modality");
            for (Dataset item : worklist) {
                Dataset scheduled = item.getSequence("ScheduledProcedureStepSequence").get(0);
                if (modality == null || modality.isEmpty() || modality.equals(scheduled.getString("Modality"))) {
                    if (!e.pending(item)) {
                        break;
                    }
                }
            }
            return Status.SUCCESS;
        };
        AssociationServer server = new ApplicationEntity("NETDICOM")
                .addSupportedContext(WORKLIST_FIND, EXPLICIT, IMPLICIT)
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EventType.EVT_C_FIND, handler));
        servers.add(server);
        Path out = Files.createDirectories(dir.resolve("out"));
        Dcmtk.Result result = Dcmtk.run("findscu", "-v", "-W", "-aec", "NETDICOM", "-X", "-od", out.toString(),
                "-k", "PatientName", "-k", "AccessionNumber", "-k", "ScheduledProcedureStepSequence[0].Modality=MR",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
                "127.0.0.1", String.valueOf(server.localAddress().getPort()));
        assertEquals(0, result.exitCode(), result.output());
        List<Path> responses;
        try (var files = Files.list(out)) {
            responses = files.sorted().toList();
        }
        assertEquals(1, responses.size(), "one MR step: " + result.output());
        Dataset match = DicomFile.read(responses.get(0)).dataset();
        assertEquals("A2", match.getString("AccessionNumber"));
        assertEquals("MR1", match.getSequence("ScheduledProcedureStepSequence").get(0).getString("ScheduledStationAETitle"));
    }
}
