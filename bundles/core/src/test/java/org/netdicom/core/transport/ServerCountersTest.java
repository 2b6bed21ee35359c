package org.netdicom.core.transport;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.association.AcceptorAssociation;
import org.netdicom.core.association.ServerCounters;
import org.netdicom.core.service.StandardContexts;

/**
 * What a server counts for the runtime report, and the running-servers list it is found in: each
 * accepted, rejected and aborted association and each DIMSE message, once.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerCountersTest {

    private AssociationServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private AcceptLoop start() throws IOException {
        server = StandardContexts.addVerification(new ApplicationEntity("COUNTED"))
                .allowCallingAeTitles(List.of("SCU"))
                .startServer(new InetSocketAddress("127.0.0.1", 0));
        return (AcceptLoop) server;
    }

    private Association associate(String callingAet) throws IOException {
        return new ApplicationEntity(callingAet)
                .addRequestedContext(StandardContexts.VERIFICATION, StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN)
                .associate("127.0.0.1", server.localAddress().getPort(), "COUNTED");
    }

    private static void awaitNoConnection(AcceptLoop loop) throws InterruptedException {
        for (int i = 0; i < 500 && !loop.associations().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), loop.associations());
    }

    @Test
    void countsAcceptedRejectedAbortedAndMessagesOnce() throws Exception {
        AcceptLoop loop = start();
        try (Association a = associate("SCU")) {
            a.echo();
            a.echo();
            a.echo();
            AcceptorAssociation open = loop.associations().get(0);
            assertEquals("SCU", open.callingAeTitle());
            assertTrue(open.establishedAt() >= open.connectedAt());
        }
        try (Association a = associate("SCU")) {
            a.echo();
            a.abort();
        }
        assertThrows(IOException.class, () -> associate("STRANGER").close());
        awaitNoConnection(loop);
        ServerCounters c = loop.counters();
        assertEquals(2, c.accepted());
        assertEquals(1, c.rejected());
        assertEquals(1, c.aborted(), "the peer's A-ABORT; a release is not an abort");
        assertEquals(4, c.messagesReceived());
    }

    @Test
    void closingTheServerCountsItsAssociationsAsAbortedAndRemovesIt() throws Exception {
        AcceptLoop loop = start();
        assertTrue(RunningServers.all().contains(loop));
        Association a = associate("SCU");
        a.echo();
        server.close();
        assertEquals(1, loop.counters().aborted());
        assertFalse(RunningServers.all().contains(loop));
        assertTrue(loop.isClosed());
        a.close();
    }
}
