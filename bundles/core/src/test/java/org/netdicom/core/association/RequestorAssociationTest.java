package org.netdicom.core.association;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.Status;
import org.netdicom.core.service.StandardContexts;

/** Our requestor against our acceptor, over loopback. */
class RequestorAssociationTest {

    private AssociationServer server;
    private int port;

    @BeforeEach
    void startServer() throws IOException {
        server = StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .allowCallingAeTitles(List.of("SCU", "OTHER"))
                .startServer(new java.net.InetSocketAddress("127.0.0.1", 0));
        port = server.localAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static ApplicationEntity scu(String title) {
        return new ApplicationEntity(title).addRequestedContext(StandardContexts.VERIFICATION,
                StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void echoesManyTimesOnOneAssociationThenReleases() throws IOException {
        try (Association association = scu("SCU").associate("127.0.0.1", port, "NETDICOM")) {
            assertEquals(List.of(new PresentationContext(1, StandardContexts.VERIFICATION,
                    StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN)), association.acceptedContexts());
            for (int i = 0; i < 100; i++) {
                assertEquals(Status.SUCCESS, association.echo());
            }
            association.release();
            assertFalse(association.isEstablished());
            AssociationException after = assertThrows(AssociationException.class, association::echo);
            assertTrue(after.getMessage().contains("released"), after.getMessage());
        }
    }

    @Test
    void reportsTheRejectionReason() {
        AssociationException e = assertThrows(AssociationException.class,
                () -> scu("STRANGER").associate("127.0.0.1", port, "NETDICOM"));

        assertTrue(e.getMessage().contains("rejected"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("calling"), e.getMessage());
    }

    @Test
    void failsAnOperationWithoutAnAcceptedContext() throws IOException {
        ApplicationEntity ct = new ApplicationEntity("OTHER").addRequestedContext("1.2.840.10008.5.1.4.1.1.2",
                StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN);
        try (Association association = ct.associate("127.0.0.1", port, "NETDICOM")) {
            assertTrue(association.acceptedContexts().isEmpty());
            AssociationException e = assertThrows(AssociationException.class, association::echo);
            assertTrue(e.getMessage().contains("no presentation context"), e.getMessage());
        }
    }

    @Test
    void abortsWhenTheAcceptorNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ApplicationEntity impatient = scu("SCU").acseTimeout(Duration.ofMillis(300));

            AssociationException e = assertThrows(AssociationException.class,
                    () -> impatient.associate("127.0.0.1", silent.getLocalPort(), "NETDICOM"));
            assertTrue(e.getMessage().contains("A-ASSOCIATE-AC"), e.getMessage());
        }
    }

    @Test
    void refusedConnectionIsAnIoError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThrows(IOException.class, () -> scu("SCU").associate("127.0.0.1", closedPort, "NETDICOM"));
    }
}
