package org.netdicom.core.association;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
    void aRequestorsReadBufferServesTheNextAssociation() throws IOException {
        // Each association reads into a direct buffer; one left to the garbage collector per
        // association would take new memory until a collection. The server side reads PDUs of
        // another maximum length, so its buffers (also pooled) are not the ones counted here.
        ApplicationEntity scu = scu("SCU").maximumPduLength(24_680);
        java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
                .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        for (int i = 0; i < 3; i++) { // the pools of both sides fill
            try (Association association = scu.associate("127.0.0.1", port, "NETDICOM")) {
                association.release();
            }
        }
        long before = direct.getCount();
        for (int i = 0; i < 40; i++) {
            try (Association association = scu.associate("127.0.0.1", port, "NETDICOM")) {
                assertEquals(Status.SUCCESS, association.echo());
                if (i % 2 == 0) {
                    association.release();
                } else {
                    association.abort();
                }
            }
        }
        assertTrue(direct.getCount() - before < 10, "direct buffers: " + before + " -> " + direct.getCount());
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

    @Test
    void dimseTimeoutAbortsTheAssociationAndSaysWhatWasMissing() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> acceptThenNeverAnswer(silent));
            peer.setDaemon(true);
            peer.start();
            ApplicationEntity impatient = scu("SCU").dimseTimeout(Duration.ofMillis(300));

            try (Association association = impatient.associate("127.0.0.1", silent.getLocalPort(), "PEER")) {
                long start = System.nanoTime();
                AssociationException e = assertThrows(AssociationException.class, association::echo);
                assertTrue(e.getMessage().contains("C-ECHO-RSP"), e.getMessage());
                assertTrue(System.nanoTime() - start < 3_000_000_000L, "bounded by the DIMSE timeout");
                assertFalse(association.isEstablished());
            }
        }
    }

    /** Accepts the association with one Verification context, then reads and never answers. */
    private static void acceptThenNeverAnswer(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            var in = new org.netdicom.core.pdu.PduReader(socket.getInputStream(), 0);
            in.read();
            new org.netdicom.core.pdu.PduEncoder().write(new org.netdicom.core.pdu.AAssociateAc(1, "PEER", "SCU",
                    "1.2.840.10008.3.1.1.1", List.of(org.netdicom.core.pdu.PresentationContextAc.accepted(1,
                            StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN)),
                    org.netdicom.core.pdu.UserInformation.of(16384, "1.2.3", "SILENT")), socket.getOutputStream());
            while (in.read() != null) {
                // swallow everything until the requestor gives up
            }
        } catch (IOException e) {
            // the requestor aborted and closed
        }
    }

    @Test
    void connectionTimeoutIsEnforced() throws IOException {
        // A listener that never accepts, with its backlog filled: further connects hang in SYN-SENT.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(filler);
                    } catch (IOException backlogFull) {
                        filler.close();
                        break;
                    }
                }
                ApplicationEntity impatient = scu("SCU").connectionTimeout(Duration.ofMillis(300));
                long start = System.nanoTime();

                IOException e = assertThrows(IOException.class,
                        () -> impatient.associate("127.0.0.1", full.getLocalPort(), "NETDICOM"));
                assertTrue(System.nanoTime() - start < 3_000_000_000L, "gave up in time: " + e);
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }
}
