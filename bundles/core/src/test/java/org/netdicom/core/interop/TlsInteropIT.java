package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.TlsSettings;
import org.netdicom.core.service.StandardContexts;
import org.netdicom.testkit.Dcmtk;

/** TLS with mutual authentication: netdicom with itself and with DCMTK, both directions. */
class TlsInteropIT {

    @TempDir
    static Path folder;
    private static TestPki pki;

    private AssociationServer server;
    private Process peer;

    @BeforeAll
    static void makePki() throws Exception {
        pki = TestPki.create(folder);
    }

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

    private static TlsSettings tls(String identity) throws Exception {
        return TlsSettings.fromPkcs12(identity == null ? null : pki.keyStore(identity), TestPki.PASSWORD,
                pki.trustStore(), TestPki.PASSWORD);
    }

    private int startServer(TlsSettings tls) throws IOException {
        server = StandardContexts.addVerification(new ApplicationEntity("NETDICOM")).tls(tls)
                .startServer(new InetSocketAddress("127.0.0.1", 0));
        return server.localAddress().getPort();
    }

    private static ApplicationEntity scu(TlsSettings tls) {
        return new ApplicationEntity("SCU").tls(tls).logHandlerLevel(LogHandlerLevel.NONE)
                .addRequestedContext(StandardContexts.VERIFICATION, StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void ourClientAndServerEchoOverMutualTls() throws Exception {
        int port = startServer(tls("server"));

        try (Association association = scu(tls("client")).associate("127.0.0.1", port, "NETDICOM")) {
            assertEquals(Status.SUCCESS, association.echo());
        }
    }

    @Test
    void serverRefusesAClientWithoutCertificateOrFromAnotherCa() throws Exception {
        int port = startServer(tls("server"));

        assertThrows(IOException.class, () -> scu(tls(null)).associate("127.0.0.1", port, "NETDICOM").close());
        assertThrows(IOException.class, () -> scu(TlsSettings.fromPkcs12(pki.keyStore("rogue"), TestPki.PASSWORD,
                pki.trustStore(), TestPki.PASSWORD)).associate("127.0.0.1", port, "NETDICOM").close());
        try (Association association = scu(tls("client")).associate("127.0.0.1", port, "NETDICOM")) {
            assertEquals(Status.SUCCESS, association.echo(), "the server still serves good clients");
        }
    }

    @Test
    void clientRefusesAServerOutsideItsTrustStore() throws Exception {
        // The server presents the rogue CA's certificate, which the client's trust store does not hold.
        int port = startServer(TlsSettings.fromPkcs12(pki.keyStore("rogue"), TestPki.PASSWORD, pki.trustStore(),
                TestPki.PASSWORD).withClientAuthentication(false));

        assertThrows(IOException.class, () -> scu(tls("client")).associate("127.0.0.1", port, "NETDICOM").close());
    }

    @Test
    void dcmtkEchoscuOverTlsGetsSuccessFromOurServer() throws Exception {
        int port = startServer(tls("server"));

        Dcmtk.Result result = Dcmtk.run("echoscu", "-v", "-to", "10", "+tls", pki.key("client").toString(),
                pki.pem("client").toString(), "+cf", pki.pem("ca").toString(), "-aec", "NETDICOM", "127.0.0.1",
                Integer.toString(port));

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.output().contains("Received Echo Response (Success)"), result.toString());
    }

    @Test
    void dcmtkEchoscuWithoutClientCertificateIsRefused() throws Exception {
        int port = startServer(tls("server"));

        Dcmtk.Result result = Dcmtk.run("echoscu", "-v", "-to", "10", "+tla", "+cf", pki.pem("ca").toString(),
                "-aec", "NETDICOM", "127.0.0.1", Integer.toString(port));

        assertNotEquals(0, result.exitCode(), result.toString());
        assertFalse(result.output().contains("Received Echo Response"), result.toString());
    }

    @Test
    void ourClientEchoesDcmtkStorescpOverTls() throws Exception {
        int port = Dcmtk.freePort();
        peer = Dcmtk.startServer(folder, port, "storescp", "+tls", pki.key("server").toString(),
                pki.pem("server").toString(), "+cf", pki.pem("ca").toString(), "-aet", "STORESCP",
                Integer.toString(port));

        try (Association association = scu(tls("client")).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(Status.SUCCESS, association.echo());
        }
    }
}
