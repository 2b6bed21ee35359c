package org.netdicom.qr.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.index.jdbc.JdbcIndex;
import org.netdicom.index.jdbc.JdbcIndexes;

class QueryRetrieveComponentTest {

    /** The configuration with its defaults, and these overrides. */
    private static QrConfig config(String storageRoot, String... destinations) {
        return new QrConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return QrConfig.class;
            }

            @Override
            public String storage_root() {
                return storageRoot;
            }

            @Override
            public String[] destinations() {
                return destinations;
            }

            @Override
            public boolean case_insensitive_names() {
                return true;
            }

            @Override
            public boolean relational() {
                return true;
            }

            @Override
            public boolean combined_datetime() {
                return false;
            }

            @Override
            public String tls_keystore() {
                return "";
            }

            @Override
            public String _tls_keystore_password() {
                return "";
            }

            @Override
            public String tls_truststore() {
                return "";
            }

            @Override
            public String _tls_truststore_password() {
                return "";
            }
        };
    }

    @Test
    void storageRootDefaultsToTheDataFolders() throws Exception {
        try (JdbcIndex index = JdbcIndexes.open("jdbc:h2:mem:qrc1", "sa", "")) {
            QueryRetrieveComponent fromEnv = new QueryRetrieveComponent(index, Map.of("NETDICOM_DATA", "/srv/dicom"),
                    "/opt/karaf/data", config(""));
            assertEquals(Path.of("/srv/dicom/storage"), fromEnv.storageRoot(config("")));
            QueryRetrieveComponent inKaraf = new QueryRetrieveComponent(index, Map.of(), "/opt/karaf/data", config(""));
            assertEquals(Path.of("/opt/karaf/data/netdicom/storage"), inKaraf.storageRoot(config("")));
            assertEquals(Path.of("/x"), inKaraf.storageRoot(config("/x")));
        }
    }

    @Test
    void theEnvironmentAddsMoveDestinationsAndWinsAndBadEntriesAreLeftOut() throws Exception {
        try (JdbcIndex index = JdbcIndexes.open("jdbc:h2:mem:qrc2", "sa", "")) {
            QueryRetrieveComponent component = new QueryRetrieveComponent(index,
                    Map.of("NETDICOM_MOVE_DESTINATIONS", "A@127.0.0.1:1000, C@127.0.0.1:3000"), null,
                    config("/tmp", "A@127.0.0.1:1, B@127.0.0.1:2000", "broken"));
            // the move destination of a C-MOVE of nothing known is still resolved first: unknown -> A801
            AssociationServer server = new ApplicationEntity("QR")
                    .addSupportedContexts(ServiceClass.QUERY_RETRIEVE, "1.2.840.10008.1.2.1")
                    .startServer(new java.net.InetSocketAddress("127.0.0.1", 0),
                            EventBindings.of(EventType.EVT_C_MOVE, (CMoveHandler) component));
            try (var a = new ApplicationEntity("SCU").addRequestedContext("1.2.840.10008.5.1.4.1.2.2.2",
                    "1.2.840.10008.1.2.1").associate("127.0.0.1", server.localAddress().getPort(), "QR")) {
                org.netdicom.data.Dataset keys = new org.netdicom.data.Dataset();
                keys.setString("QueryRetrieveLevel", "STUDY");
                keys.setString("StudyInstanceUID", "1.2.3");
                assertEquals(0xA801, a.move("broken", keys, "1.2.840.10008.5.1.4.1.2.2.2").finalResponse().status().code());
                assertEquals(Status.SUCCESS, a.move("B", keys, "1.2.840.10008.5.1.4.1.2.2.2").finalResponse().status(),
                        "known, nothing to send");
                assertEquals(Status.SUCCESS, a.move("C", keys, "1.2.840.10008.5.1.4.1.2.2.2").finalResponse().status());
            } finally {
                server.close();
            }
        }
    }
}
