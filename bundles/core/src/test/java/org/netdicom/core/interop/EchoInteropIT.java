package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.Status;
import org.netdicom.core.service.StandardContexts;
import org.netdicom.testkit.Dcmtk;

/** C-ECHO both ways between netdicom and DCMTK, with acceptance and rejection. */
class EchoInteropIT {

    private AssociationServer server;
    private Process peer;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (peer != null) {
            peer.destroy();
            peer.waitFor();
        }
    }

    private int startServer(ApplicationEntity ae) throws IOException {
        server = ae.startServer(new InetSocketAddress("127.0.0.1", 0));
        return server.localAddress().getPort();
    }

    @Test
    void dcmtkEchoscuGetsSuccessFromOurServer() throws Exception {
        int port = startServer(StandardContexts.addVerification(new ApplicationEntity("NETDICOM")));

        Dcmtk.Result result = Dcmtk.run("echoscu", "-v", "-to", "10", "-aec", "NETDICOM", "--repeat", "5",
                "127.0.0.1", Integer.toString(port));

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(5, result.output().split("Received Echo Response \\(Success\\)", -1).length - 1, result.toString());
    }

    @Test
    void dcmtkEchoscuProposingManyTransferSyntaxesGetsOurPreferredOne() throws Exception {
        int port = startServer(StandardContexts.addVerification(new ApplicationEntity("NETDICOM")));

        // --propose-ts 3: Explicit Big, Explicit Little, Implicit Little, in that order of DCMTK's.
        Dcmtk.Result result = Dcmtk.run("echoscu", "-d", "-to", "10", "--propose-ts", "3", "-aec", "NETDICOM",
                "127.0.0.1", Integer.toString(port));

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.output().contains("Accepted Transfer Syntax: =LittleEndianExplicit"), result.toString());
    }

    @Test
    void dcmtkEchoscuWithUnknownCallingAeTitleIsRejected() throws Exception {
        int port = startServer(StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .allowCallingAeTitles(List.of("FRIEND")));

        Dcmtk.Result rejected = Dcmtk.run("echoscu", "-v", "-to", "10", "-aet", "STRANGER", "-aec", "NETDICOM",
                "127.0.0.1", Integer.toString(port));
        Dcmtk.Result accepted = Dcmtk.run("echoscu", "-v", "-to", "10", "-aet", "FRIEND", "-aec", "NETDICOM",
                "127.0.0.1", Integer.toString(port));

        assertNotEquals(0, rejected.exitCode(), rejected.toString());
        assertTrue(rejected.output().contains("Association Rejected"), rejected.toString());
        assertTrue(rejected.output().contains("Calling AE Title Not Recognized"), rejected.toString());
        assertEquals(0, accepted.exitCode(), accepted.toString());
    }

    @Test
    void ourRequestorEchoesDcmtkStorescp(@TempDir Path folder) throws Exception {
        int port = Dcmtk.freePort();
        peer = Dcmtk.startServer(folder, port, "storescp", "-aet", "STORESCP", Integer.toString(port));
        ApplicationEntity scu = new ApplicationEntity("NETDICOM").addRequestedContext(StandardContexts.VERIFICATION,
                StandardContexts.EXPLICIT_VR_LITTLE_ENDIAN, StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN);

        try (Association association = scu.associate("127.0.0.1", port, "STORESCP")) {
            for (int i = 0; i < 100; i++) {
                assertEquals(Status.SUCCESS, association.echo());
            }
            assertTrue(association.peerMaxPduLength() > 0);
            association.release();
            assertFalse(association.isEstablished());
        }
    }

    @Test
    void ourRequestorReportsDcmtkRefusal(@TempDir Path folder) throws Exception {
        int port = Dcmtk.freePort();
        peer = Dcmtk.startServer(folder, port, "storescp", "--refuse", Integer.toString(port));
        ApplicationEntity scu = new ApplicationEntity("NETDICOM").addRequestedContext(StandardContexts.VERIFICATION,
                StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN);

        AssociationException e = assertThrows(AssociationException.class,
                () -> scu.associate("127.0.0.1", port, "STORESCP"));
        assertTrue(e.getMessage().contains("rejected"), e.getMessage());
    }
}
