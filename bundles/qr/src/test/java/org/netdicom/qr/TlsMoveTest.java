package org.netdicom.qr;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.qr.TestArchive.CT;
import static org.netdicom.qr.TestArchive.EXPLICIT;
import static org.netdicom.qr.TestArchive.IMPLICIT;
import static org.netdicom.qr.TestArchive.MR;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.TlsSettings;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.data.Dataset;
import org.netdicom.index.MatchOptions;

/** A C-MOVE to a destination marked {@code /tls}: the sub-association speaks TLS with the configured key store. */
class TlsMoveTest {

    @TempDir
    Path dir;

    /** A PKCS#12 key store with a self-signed certificate, made by the JDK's keytool. */
    private Path keyStore() throws Exception {
        Path p12 = dir.resolve("node.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(30, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        return p12;
    }

    @Test
    void moveToATlsDestinationGoesOverTls() throws Exception {
        Path p12 = keyStore();
        TlsSettings tls = TlsSettings.fromPkcs12(p12, "changeit".toCharArray(), p12, "changeit".toCharArray());
        TestArchive archive = new TestArchive(dir.resolve("storage")).standard();
        Set<String> received = new ConcurrentSkipListSet<>();
        AssociationServer destination = new ApplicationEntity("SECURE").tls(tls)
                .addSupportedContext(CT, EXPLICIT, IMPLICIT).addSupportedContext(MR, EXPLICIT, IMPLICIT)
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EventType.EVT_C_STORE,
                        (CStoreHandler) e -> {
                            received.add(e.sopInstanceUid());
                            return Status.SUCCESS;
                        }));
        int port = destination.localAddress().getPort();
        QueryRetrieveScp withTls = new QueryRetrieveScp(archive.index, archive.root, MatchOptions.DEFAULT,
                MoveDestinations.parse(List.of("SECURE@127.0.0.1:" + port + "/tls"), null), tls);
        QueryRetrieveScp withoutTls = new QueryRetrieveScp(archive.index, archive.root, MatchOptions.DEFAULT,
                MoveDestinations.parse(List.of("SECURE@127.0.0.1:" + port + "/tls"), null), null);
        AssociationServer scp = new ApplicationEntity("QRSCP")
                .addSupportedContext(InformationModels.STUDY_ROOT_MOVE, EXPLICIT)
                .startServer(new InetSocketAddress("127.0.0.1", 0), withTls.bindings());
        AssociationServer scpWithoutTls = new ApplicationEntity("QRSCP")
                .addSupportedContext(InformationModels.STUDY_ROOT_MOVE, EXPLICIT)
                .startServer(new InetSocketAddress("127.0.0.1", 0), withoutTls.bindings());
        try {
            Dataset keys = new Dataset();
            keys.setString("QueryRetrieveLevel", "STUDY");
            keys.setString("StudyInstanceUID", "1.2.826.0.1.1");
            ApplicationEntity scu = new ApplicationEntity("SCU").addRequestedContext(InformationModels.STUDY_ROOT_MOVE,
                    EXPLICIT);
            try (Association a = scu.associate("127.0.0.1", scp.localAddress().getPort(), "QRSCP")) {
                DimseResponse done = a.move("SECURE", keys, InformationModels.STUDY_ROOT_MOVE).finalResponse();
                assertEquals(Status.SUCCESS, done.status(), done.toString());
                assertEquals(5, done.subOperations().completed());
            }
            assertEquals(archive.instances.stream().filter(d -> "1.2.826.0.1.1".equals(d.getString("StudyInstanceUID")))
                    .map(d -> d.getString(0x00080018)).collect(java.util.stream.Collectors.toSet()), received);
            try (Association a = scu.associate("127.0.0.1", scpWithoutTls.localAddress().getPort(), "QRSCP")) {
                assertEquals(0xA801, a.move("SECURE", keys, InformationModels.STUDY_ROOT_MOVE).finalResponse()
                        .status().code(), "a /tls destination without a key store is refused");
            }
        } finally {
            scp.close();
            scpWithoutTls.close();
            destination.close();
            archive.index.close();
        }
    }
}
