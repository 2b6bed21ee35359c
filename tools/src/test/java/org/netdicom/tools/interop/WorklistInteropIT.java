package org.netdicom.tools.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.data.Dataset;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.Uids;
import org.netdicom.data.io.DicomFile;
import org.netdicom.testkit.Dcmtk;
import org.netdicom.tools.ToolRun;

/** findscu -W (Modality Worklist, PS3.4 K) against DCMTK's wlmscpfs, with sequence keys. */
class WorklistInteropIT {

    private static final String WORKLIST_FIND = "1.2.840.10008.5.1.4.31";

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    /** A scheduled procedure step for {@code modality}, as a wlmscpfs .wl file. */
    private void worklistItem(Path aeFolder, String modality, int n) throws Exception {
        Dataset d = new Dataset();
        d.setString("SpecificCharacterSet", "ISO_IR 100");
        d.setString("AccessionNumber", "ACC-" + modality);
        d.setString("PatientName", "Doe^" + modality);
        d.setString("PatientID", "PID-" + modality);
        d.setString("StudyInstanceUID", "1.2.826.0.1.3680043.10.77." + n);
        d.setString("RequestedProcedureID", "RP-" + modality);
        Dataset step = d.newSequence("ScheduledProcedureStepSequence").addNew();
        step.setString("Modality", modality);
        step.setString("ScheduledStationAETitle", "STATION" + n);
        step.setString("ScheduledProcedureStepStartDate", "20240101");
        step.setString("ScheduledProcedureStepStartTime", "0800");
        step.setString("ScheduledProcedureStepID", "SPS-" + modality);
        Dataset meta = DicomFile.createFileMeta(WORKLIST_FIND, Uids.generate(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        try (OutputStream out = Files.newOutputStream(aeFolder.resolve(modality + ".wl"))) {
            DicomFile.write(out, meta, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
    }

    @Test
    void findscuQueriesTheWorklistBySequenceKeys() throws Exception {
        Path ae = Files.createDirectories(dir.resolve("worklists/WL"));
        Files.createFile(ae.resolve("lockfile"));
        worklistItem(ae, "CT", 1);
        worklistItem(ae, "MR", 2);
        int port = ToolRun.freePort();
        processes.add(Dcmtk.startServer(dir, port, "wlmscpfs", "-dfr", "-dfp", dir.resolve("worklists").toString(),
                Integer.toString(port)));

        ToolRun.Result ct = ToolRun.run("findscu", "-W", "-aec", "WL", "-k", "ScheduledProcedureStepSequence[0].Modality=CT",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle", "-k", "PatientName", "-k", "PatientID",
                "127.0.0.1", Integer.toString(port));
        assertEquals(0, ct.exitCode(), ct.toString());
        assertTrue(ct.out().contains("(0010,0020) LO [PID-CT]") && ct.out().contains("(0040,0001) AE [STATION1]"),
                ct.toString());
        assertFalse(ct.out().contains("PID-MR"), ct.toString());
        assertTrue(ct.err().contains("1 match, final status 0x0000"), ct.toString());

        ToolRun.Result all = ToolRun.run("findscu", "-W", "--json", "-aec", "WL", "-k", "ScheduledProcedureStepSequence.Modality",
                "-k", "PatientID", "127.0.0.1", Integer.toString(port));
        assertEquals(0, all.exitCode(), all.toString());
        assertTrue(all.out().contains("\"00400100\":{\"vr\":\"SQ\",\"Value\":[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"MR\"]}}]}"),
                all.toString());
        assertTrue(all.out().contains("\"00100020\":{\"vr\":\"LO\",\"Value\":[\"PID-CT\"]}"), all.toString());
    }
}
