package org.netdicom.tools.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.io.DicomFile;
import org.netdicom.testkit.Dcmtk;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.TestFiles;
import org.netdicom.tools.ToolRun;

/** echoscu, echoscp, storescu and storescp against DCMTK's, both ways, files compared. */
class EchoStoreInteropIT {

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    private int dcmtkStorescp(Path out, String... options) throws Exception {
        Files.createDirectories(out);
        int port = ToolRun.freePort();
        List<String> args = new ArrayList<>(List.of("-aet", "DCMTKSCP", "-od", out.toString()));
        args.addAll(List.of(options));
        args.add(Integer.toString(port));
        processes.add(Dcmtk.startServer(dir, port, "storescp", args.toArray(String[]::new)));
        return port;
    }

    @Test
    void ourEchoscuVerifiesDcmtkStorescp() throws Exception {
        int port = dcmtkStorescp(dir.resolve("out"));
        ToolRun.Result r = ToolRun.run("echoscu", "-aec", "DCMTKSCP", "-r", "2", "127.0.0.1", Integer.toString(port));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("C-ECHO 2/2 to DCMTKSCP@127.0.0.1:" + port + ": 0x0000 (SUCCESS)"), r.toString());
    }

    @Test
    void dcmtkEchoscuVerifiesOurEchoscp() throws Exception {
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "echoscp", "-aet", "OURECHO", "--require-called-aet",
                Integer.toString(port))) {
            Dcmtk.Result ok = Dcmtk.run("echoscu", "-v", "-aec", "OURECHO", "127.0.0.1", Integer.toString(port));
            assertEquals(0, ok.exitCode(), ok.toString());
            assertTrue(ok.output().contains("Received Echo Response (Success)"), ok.toString());
            Dcmtk.Result refused = Dcmtk.run("echoscu", "-aec", "SOMEONE", "127.0.0.1", Integer.toString(port));
            assertNotEquals(0, refused.exitCode(), refused.toString());
            assertTrue(refused.output().contains("Called AE Title Not Recognized"), refused.toString());
            assertEquals(0, scp.stop().exitCode());
        }
    }

    @Test
    void ourStorescuSendsAFolderToDcmtkStorescpUnchanged() throws Exception {
        Path in = dir.resolve("in");
        List<Path> files = TestFiles.archive(in);
        Files.writeString(in.resolve("notes.txt"), "not DICOM");
        Path out = dir.resolve("out");
        int port = dcmtkStorescp(out);
        ToolRun.Result r = ToolRun.run("storescu", "-aec", "DCMTKSCP", "127.0.0.1", Integer.toString(port), in.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("5 stored, 0 with warnings, 0 failed, 1 skipped"), r.toString());
        Map<String, Dataset> sent = new TreeMap<>();
        for (Path f : files) {
            Dataset d = DicomFile.read(f).dataset();
            sent.put(d.getString(Tag.SOP_INSTANCE_UID), d);
        }
        assertEquals(sent, TestFiles.instancesIn(out));
    }

    @Test
    void ourStorescuConvertsToTheOnlySyntaxDcmtkAccepts() throws Exception {
        Path in = dir.resolve("in");
        List<Path> files = TestFiles.archive(in);
        Path out = dir.resolve("out");
        int port = dcmtkStorescp(out, "+xi"); // storescp accepts Implicit VR Little Endian only
        ToolRun.Result r = ToolRun.run("storescu", "-aec", "DCMTKSCP", "127.0.0.1", Integer.toString(port),
                in.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Dataset> received = TestFiles.instancesIn(out);
        assertEquals(files.size(), received.size());
        for (Path f : files) {
            Dataset d = DicomFile.read(f).dataset();
            assertEquals(d, received.get(d.getString(Tag.SOP_INSTANCE_UID)));
        }
        try (Stream<Path> stored = Files.list(out)) {
            for (Path f : stored.toList()) {
                assertEquals("1.2.840.10008.1.2", DicomFile.read(f).transferSyntax().uid(), f.toString());
            }
        }
    }

    /** The archive plus its first CT compressed by dcmcjpeg to JPEG Lossless SV1, in {@code in}. */
    private Path archiveWithJpeg(Path in) throws Exception {
        List<Path> files = TestFiles.archive(in);
        Path jpeg = in.resolve("P-2/ct-jpeg.dcm");
        Dataset d = TestFiles.image(TestFiles.CT, "P-2", "1.2.826.0.1.3680043.10.3", 7);
        Path plain = TestFiles.write(dir.resolve("plain"), "ct7.dcm", d,
                org.netdicom.data.dict.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Result r = Dcmtk.run("dcmcjpeg", "+e1", plain.toString(), jpeg.toString()); // lossless SV1
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(JPEG_LOSSLESS_SV1, DicomFile.read(jpeg).transferSyntax().uid());
        return jpeg;
    }

    private static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";

    @Test
    void ourStorescuProposesTheCompressedSyntaxOfAJpegFile() throws Exception {
        Path in = dir.resolve("in");
        Path jpeg = archiveWithJpeg(in);
        Path out = dir.resolve("out");
        int port = dcmtkStorescp(out, "+xa"); // accepts JPEG as well
        ToolRun.Result r = ToolRun.run("storescu", "-aec", "DCMTKSCP", "127.0.0.1", Integer.toString(port), in.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("6 stored, 0 with warnings, 0 failed"), r.toString());
        Dataset sent = DicomFile.read(jpeg).dataset();
        Path stored;
        try (Stream<Path> files = Files.list(out)) {
            stored = files.filter(f -> f.getFileName().toString().endsWith(sent.getString(Tag.SOP_INSTANCE_UID)))
                    .findFirst().orElseThrow();
        }
        DicomFile received = DicomFile.read(stored);
        assertEquals(JPEG_LOSSLESS_SV1, received.transferSyntax().uid(), "sent as it is, not decompressed");
        assertEquals(sent, received.dataset());

        // a peer that accepts no JPEG: that file fails alone, the others are stored
        Path plainOut = dir.resolve("plain-out");
        int plainPort = dcmtkStorescp(plainOut);
        ToolRun.Result partial = ToolRun.run("storescu", "--progress", "none", "-aec", "DCMTKSCP", "127.0.0.1",
                Integer.toString(plainPort), in.toString());
        assertEquals(ExitCodes.DIMSE_FAILURE, partial.exitCode(), partial.toString());
        assertTrue(partial.out().contains("5 stored, 0 with warnings, 1 failed"), partial.toString());
        assertTrue(partial.err().contains("failed: " + jpeg + ": no accepted presentation context"), partial.toString());
    }

    @Test
    void dcmtkStorescuSendsAJpegFileToOurStorescpAsItIs() throws Exception {
        Path in = dir.resolve("in");
        Path jpeg = archiveWithJpeg(in);
        Path out = dir.resolve("out");
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "storescp", "-od", out.toString(), Integer.toString(port))) {
            Dcmtk.Result r = Dcmtk.run("storescu", "-v", "+sd", "+r", "-xs", "127.0.0.1", Integer.toString(port), in.toString());
            assertEquals(0, r.exitCode(), r.toString());
            scp.stop();
        }
        Dataset sent = DicomFile.read(jpeg).dataset();
        DicomFile received = DicomFile.read(out.resolve(sent.getString(Tag.SOP_INSTANCE_UID) + ".dcm"));
        assertEquals(JPEG_LOSSLESS_SV1, received.transferSyntax().uid());
        assertEquals(sent, received.dataset());
        assertEquals(6, TestFiles.instancesIn(out).size());
    }

    @Test
    void dcmtkStorescuSendsAFolderToOurStorescp() throws Exception {
        Path in = dir.resolve("in");
        List<Path> files = TestFiles.archive(in);
        Path out = dir.resolve("out");
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "storescp", "-aet", "OURSCP", "-od", out.toString(),
                Integer.toString(port))) {
            Dcmtk.Result r = Dcmtk.run("storescu", "-v", "-aec", "OURSCP", "+sd", "+r", "127.0.0.1",
                    Integer.toString(port), in.toString());
            assertEquals(0, r.exitCode(), r.toString());
            ToolRun.Result stopped = scp.stop();
            assertEquals(0, stopped.exitCode(), stopped.toString());
            assertTrue(stopped.err().contains("5 instances stored, 0 failed"), stopped.toString());
        }
        Map<String, Dataset> sent = new TreeMap<>();
        for (Path f : files) {
            Dataset d = DicomFile.read(f).dataset();
            sent.put(d.getString(Tag.SOP_INSTANCE_UID), d);
            // named by SOP Instance UID, a complete Part 10 file
            assertTrue(Files.isRegularFile(out.resolve(d.getString(Tag.SOP_INSTANCE_UID) + ".dcm")));
        }
        assertEquals(sent, TestFiles.instancesIn(out));
        Dcmtk.Result dump = Dcmtk.run("dcmdump", "-q", out.resolve(sent.keySet().iterator().next() + ".dcm").toString());
        assertEquals(0, dump.exitCode(), dump.toString());
    }

    @Test
    void ourStorescuIsRefusedByARefusingDcmtkPeer() throws Exception {
        Path file = TestFiles.archive(dir.resolve("in")).get(0);
        Path out = dir.resolve("out");
        int port = dcmtkStorescp(out, "--refuse"); // refuses every association
        ToolRun.Result r = ToolRun.run("storescu", "-aec", "DCMTKSCP", "127.0.0.1", Integer.toString(port), file.toString());
        assertEquals(ExitCodes.ASSOCIATION, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("association rejected"), r.toString());
    }
}
