package org.netdicom.tools.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.testkit.Dcmtk;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.ToolRun;

/**
 * The TLS options with DCMTK both ways: PEM key and certificate as DCMTK takes them, PKCS#12 stores,
 * a PEM trust file, mutual authentication. A throw-away CA made with openssl at run time.
 */
class TlsInteropIT {

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @BeforeEach
    void makePki() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2", "-keyout", "ca.key",
                "-out", "ca.pem", "-subj", "/CN=netdicom tools test CA");
        for (String leaf : List.of("server", "client")) {
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", leaf + ".key", "-out", leaf + ".csr",
                    "-subj", "/CN=" + leaf);
            openssl("x509", "-req", "-sha256", "-days", "2", "-in", leaf + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", leaf + ".pem");
            openssl("pkcs12", "-export", "-inkey", leaf + ".key", "-in", leaf + ".pem", "-name", leaf,
                    "-out", leaf + ".p12", "-passout", "pass:changeit");
        }
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Dcmtk.Result r = Dcmtk.exec(dir, java.util.Map.of(), command.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void ourEchoscuWithPemKeyTalksToDcmtkStorescpOverMutualTls() throws Exception {
        int port = ToolRun.freePort();
        processes.add(Dcmtk.startServer(dir, port, "storescp", "+tls", file("server.key"), file("server.pem"),
                "+cf", file("ca.pem"), "-od", dir.toString(), Integer.toString(port)));
        ToolRun.Result r = ToolRun.run("echoscu", "--tls-key", file("client.key"), "--tls-cert", file("client.pem"),
                "--tls-trust", file("ca.pem"), "127.0.0.1", Integer.toString(port));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("0x0000 (SUCCESS)"), r.toString());

        ToolRun.Result untrusted = ToolRun.run("echoscu", "--tls-key", file("client.key"), "--tls-cert",
                file("client.pem"), "--tls", "127.0.0.1", Integer.toString(port)); // the JDK's CAs do not know ours
        assertEquals(ExitCodes.ASSOCIATION, untrusted.exitCode(), untrusted.toString());
        assertEquals(1, untrusted.err().lines().count(), untrusted.toString());
    }

    @Test
    void dcmtkEchoscuTalksToOurEchoscpWithAPkcs12Key() throws Exception {
        int port = ToolRun.freePort();
        try (ToolRun.Server scp = ToolRun.Server.start(port, "echoscp", "--tls-key", file("server.p12"),
                "--tls-key-pass", "changeit", "--tls-trust", file("ca.pem"), Integer.toString(port))) {
            Dcmtk.Result r = Dcmtk.run("echoscu", "-v", "+tls", file("client.key"), file("client.pem"), "+cf",
                    file("ca.pem"), "127.0.0.1", Integer.toString(port));
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.output().contains("Received Echo Response (Success)"), r.toString());
            assertTrue(scp.stop().err().contains("C-ECHO from ECHOSCU"));
        }
    }

    @Test
    void dcmtkStoresFindsAndMovesOverTlsWithOurQrscpWhichMovesToATlsDestination() throws Exception {
        java.nio.file.Path in = dir.resolve("in");
        org.netdicom.tools.TestFiles.archive(in);
        int destinationPort = ToolRun.freePort();
        java.nio.file.Path received = java.nio.file.Files.createDirectories(dir.resolve("received"));
        processes.add(Dcmtk.startServer(dir, destinationPort, "storescp", "-aet", "TLSDEST", "+tls", file("client.key"),
                file("client.pem"), "+cf", file("ca.pem"), "-od", received.toString(), Integer.toString(destinationPort)));
        int port = ToolRun.freePort();
        try (ToolRun.Server qrscp = ToolRun.Server.start(port, "qrscp", "-aet", "ARCHIVE", "--data",
                dir.resolve("data").toString(), "--tls-key", file("server.p12"), "--tls-key-pass", "changeit",
                "--tls-trust", file("ca.pem"), "--move", "TLSDEST@127.0.0.1:" + destinationPort + "/tls",
                Integer.toString(port))) {
            String[] tls = {"+tls", file("client.key"), file("client.pem"), "+cf", file("ca.pem")};
            List<String> store = new ArrayList<>(List.of(tls));
            store.addAll(List.of("-aec", "ARCHIVE", "+sd", "+r", "127.0.0.1", Integer.toString(port), in.toString()));
            Dcmtk.Result stored = Dcmtk.run("storescu", store.toArray(String[]::new));
            assertEquals(0, stored.exitCode(), stored.toString());

            List<String> find = new ArrayList<>(List.of(tls));
            find.addAll(List.of("-v", "-S", "-aec", "ARCHIVE", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID",
                    "127.0.0.1", Integer.toString(port)));
            Dcmtk.Result found = Dcmtk.run("findscu", find.toArray(String[]::new));
            assertEquals(0, found.exitCode(), found.toString());
            assertEquals(3, found.output().lines().filter(l -> l.contains("Find Response") && l.contains("Pending")).count(),
                    found.toString());

            // DCMTK's movescu has no TLS: ours asks, and qrscp moves to the /tls destination with its key
            ToolRun.Result moved = ToolRun.run("movescu", "--tls-key", file("client.p12"), "--tls-key-pass", "changeit",
                    "--tls-trust", file("ca.pem"), "-aec", "ARCHIVE", "-aem", "TLSDEST", "-P", "-k",
                    "QueryRetrieveLevel=PATIENT", "-k", "PatientID=P-1", "127.0.0.1", Integer.toString(port));
            assertEquals(0, moved.exitCode(), moved.toString());
            assertTrue(moved.out().contains("4 completed, 0 failed"), moved.toString());
            assertEquals(4, org.netdicom.tools.TestFiles.instancesIn(received).size());

            Dcmtk.Result plain = Dcmtk.run("echoscu", "-aec", "ARCHIVE", "127.0.0.1", Integer.toString(port));
            assertNotEquals(0, plain.exitCode(), "no TLS, no association: " + plain);
            assertTrue(qrscp.stop().err().contains("5 instances stored, 0 failed; 1 C-FIND, 0 C-GET, 1 C-MOVE"));
        }
    }
}
