package org.netdicom.tools;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.io.DicomFile;

/**
 * Our tools against each other, in-process on loopback: the paths DCMTK tests cannot reach
 * (bad input, refusals, timeouts) and the exit codes of docs/tools.md.
 */
class ToolsLoopbackTest {

    @TempDir
    Path dir;

    private static void assertOneLine(String err) {
        assertEquals(1, err.lines().count(), "one line on stderr, not:\n" + err);
    }

    @Test
    void echoscuRepeatsAgainstEchoscp() throws Exception {
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "echoscp", "-aet", "ECHO", Integer.toString(port))) {
            ToolRun.Result r = ToolRun.run("echoscu", "-aec", "ECHO", "-r", "3", "127.0.0.1", Integer.toString(port));
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().contains("C-ECHO 3/3") && r.out().contains("0x0000 (SUCCESS)"), r.toString());
            ToolRun.Result stopped = scp.stop();
            assertEquals(0, stopped.exitCode(), stopped.toString());
            assertEquals(3, stopped.err().lines().filter(l -> l.contains("C-ECHO from ECHOSCU")).count(), stopped.toString());
        }
    }

    @Test
    void storescuSendsAFolderToStorescpAndSkipsNonDicomFiles() throws Exception {
        Path in = dir.resolve("in");
        List<Path> files = TestFiles.archive(in);
        Files.writeString(in.resolve("README.txt"), "not DICOM");
        Path out = dir.resolve("out");
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "storescp", "-od", out.toString(), Integer.toString(port))) {
            ToolRun.Result r = ToolRun.run("storescu", "--progress", "lines", "127.0.0.1", Integer.toString(port),
                    in.toString());
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.err().contains("skipped " + in.resolve("README.txt") + ": not a DICOM file"), r.toString());
            assertTrue(r.out().contains("5 stored, 0 with warnings, 0 failed, 1 skipped"), r.toString());
            assertEquals(5, r.out().lines().filter(l -> l.startsWith("[")).count(), r.toString());
            scp.stop();
        }
        Map<String, Dataset> sent = new TreeMap<>();
        for (Path f : files) {
            Dataset d = DicomFile.read(f).dataset();
            sent.put(d.getString(Tag.SOP_INSTANCE_UID), d);
        }
        assertEquals(sent, TestFiles.instancesIn(out));
        assertFalse(Files.exists(out.resolve(".spool")), "spool folder removed when empty");
    }

    @Test
    void storescuSplitsContextsOverAssociationsWhenTheyDoNotFit() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.archive(in);
        Path out = dir.resolve("out");
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "storescp", "-od", out.toString(), Integer.toString(port))) {
            ToolRun.Result r = ToolRun.run("storescu", "--max-contexts", "1", "127.0.0.1", Integer.toString(port),
                    in.toString());
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.err().contains("3 associations for 5 files"), r.toString());
            scp.stop();
        }
        assertEquals(5, TestFiles.instancesIn(out).size());
    }

    @Test
    void storescuCountsAnUnreadableFileAndSendsTheRest() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.archive(in);
        Files.createSymbolicLink(in.resolve("gone.dcm"), in.resolve("nowhere.dcm")); // unreadable even for root
        Path out = dir.resolve("out");
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "storescp", "-od", out.toString(), Integer.toString(port))) {
            ToolRun.Result r = ToolRun.run("storescu", "-q", "127.0.0.1", Integer.toString(port), in.toString());
            assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
            assertTrue(r.err().contains("cannot read " + in.resolve("gone.dcm")), r.toString());
            assertOneLine(r.err());
            scp.stop();
        }
        assertEquals(5, TestFiles.instancesIn(out).size());
    }

    @Test
    void aFileThatBreaksHalfWayFailsAloneAndTheRestGoesOnANewAssociation() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.archive(in);
        // Implicit VR, cut inside its pixel data: converted to Explicit VR as it is sent, it fails half-way
        Path broken = TestFiles.write(in, "P-1/broken.dcm", TestFiles.image(TestFiles.CT, "P-1", "1.2.3.4", 9),
                org.netdicom.data.dict.TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        byte[] bytes = Files.readAllBytes(broken);
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        Path out = dir.resolve("out");
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "storescp", "-od", out.toString(), "--prefer-ts", "explicit",
                Integer.toString(port))) {
            ToolRun.Result r = ToolRun.run("storescu", "--progress", "none", "127.0.0.1", Integer.toString(port),
                    in.toString());
            assertEquals(ExitCodes.DIMSE_FAILURE, r.exitCode(), r.toString());
            assertTrue(r.out().contains("5 stored, 0 with warnings, 1 failed"), r.toString());
            assertTrue(r.err().contains("failed: " + broken), r.toString());
            scp.stop();
        }
        assertEquals(5, TestFiles.instancesIn(out).size());
    }

    @Test
    void aMissingFileEndsStorescuWithExitCode2() {
        ToolRun.Result r = ToolRun.run("storescu", "127.0.0.1", "1", dir.resolve("missing.dcm").toString());
        assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
        assertEquals("storescu: no such file or folder: " + dir.resolve("missing.dcm"), r.err().strip());
    }

    @Test
    void onlyNonDicomFilesIsAnError() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "text");
        ToolRun.Result r = ToolRun.run("storescu", "-q", "127.0.0.1", "1", dir.toString());
        assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no DICOM file to send"), r.toString());
    }

    @Test
    void aWrongCalledAeTitleIsRefusedWithExitCode3() throws Exception {
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "storescp", "-aet", "STRICT", "--require-called-aet",
                "-od", dir.resolve("out").toString(), Integer.toString(port))) {
            Path file = TestFiles.archive(dir.resolve("in")).get(0);
            ToolRun.Result r = ToolRun.run("storescu", "-aec", "WRONG", "127.0.0.1", Integer.toString(port), file.toString());
            assertEquals(ExitCodes.ASSOCIATION, r.exitCode(), r.toString());
            assertOneLine(r.err());
            assertTrue(r.err().startsWith("storescu: association rejected by WRONG"), r.toString());

            ToolRun.Result echo = ToolRun.run("echoscu", "-aec", "STRICT", "127.0.0.1", Integer.toString(port));
            assertEquals(0, echo.exitCode(), echo.toString());
            assertEquals(0, scp.stop().exitCode());
        }
    }

    @Test
    void aPeerWithoutTheServiceIsExitCode3() throws Exception {
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "echoscp", Integer.toString(port))) {
            ToolRun.Result r = ToolRun.run("findscu", "-k", "PatientID", "127.0.0.1", Integer.toString(port));
            assertEquals(ExitCodes.ASSOCIATION, r.exitCode(), r.toString());
            assertOneLine(r.err());
            assertTrue(r.err().contains("does not offer Study Root Query/Retrieve Information Model - FIND"), r.toString());
            assertEquals(0, scp.stop().exitCode());
        }
    }

    @Test
    void aPeerThatNeverAnswersTimesOutWithExitCode5() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            ToolRun.Result r = ToolRun.run("echoscu", "-ta", "0.5", "127.0.0.1", Integer.toString(silent.getLocalPort()));
            assertEquals(ExitCodes.TIMEOUT, r.exitCode(), r.toString());
            assertOneLine(r.err());
            assertTrue(r.err().contains("within 500 ms"), r.toString());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "timed out in time");
            try (Socket accepted = silent.accept()) {
                assertNotNull(accepted);
            }
        }
    }

    @Test
    void aC_FindWithoutAnswerTimesOutWithExitCode5() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AssociationServer slow = new ApplicationEntity("SLOW")
                .addSupportedContext("1.2.840.10008.5.1.4.1.2.2.1", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2")
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(
                        EventType.EVT_C_FIND,
                        (CFindHandler) e -> {
                            release.await(10, TimeUnit.SECONDS);
                            return Status.SUCCESS;
                        }));
        try {
            ToolRun.Result r = ToolRun.run("findscu", "-td", "0.5", "-k", "PatientID", "127.0.0.1",
                    Integer.toString(slow.localAddress().getPort()));
            assertEquals(ExitCodes.TIMEOUT, r.exitCode(), r.toString());
            assertOneLine(r.err());
            assertTrue(r.err().contains("within 500 ms"), r.toString());
        } finally {
            release.countDown();
            slow.close();
        }
    }

    @Test
    void nobodyListeningIsExitCode3() throws Exception {
        ToolRun.Result r = ToolRun.run("echoscu", "127.0.0.1", Integer.toString(ToolRun.freePort()));
        assertEquals(ExitCodes.ASSOCIATION, r.exitCode(), r.toString());
        assertOneLine(r.err());
        assertTrue(r.err().startsWith("echoscu: cannot connect"), r.toString());
    }

    @Test
    void usageErrorsAreExitCode1WithOneLine() {
        for (String[] args : new String[][] {
                {"echoscu", "--bogus", "127.0.0.1", "104"},
                {"echoscu", "127.0.0.1"},
                {"echoscu", "127.0.0.1", "not-a-port"},
                {"findscu", "-k", "PatientNam=x", "127.0.0.1", "104"},
                {"findscu", "-P", "-S", "127.0.0.1", "104"},
                {"echoscu", "-aet", "THIS-TITLE-IS-FAR-TOO-LONG", "127.0.0.1", "104"},
                {"echoscu", "--max-pdu", "100", "127.0.0.1", "104"},
                {"nosuchtool"}}) {
            ToolRun.Result r = ToolRun.run(args);
            assertEquals(ExitCodes.USAGE, r.exitCode(), String.join(" ", args) + ": " + r);
            assertOneLine(r.err());
        }
    }

    @Test
    void helpAndVersionAreExitCode0() {
        ToolRun.Result help = ToolRun.run("storescu", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Examples:"), help.out());
        ToolRun.Result version = ToolRun.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("netdicom " + VersionProvider.version()), version.out());
        assertFalse(VersionProvider.version().contains("${"), "version filtered in");
    }

    @Test
    void aPortInUseIsExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ToolRun.Result r = ToolRun.run("echoscp", Integer.toString(taken.getLocalPort()));
            assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
            assertOneLine(r.err());
        }
    }
}
