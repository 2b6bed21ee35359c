package org.netdicom.core.association;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.AReleaseRp;
import org.netdicom.core.pdu.AReleaseRq;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.PduEncoder;
import org.netdicom.core.pdu.PduReader;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.PresentationDataValue;
import org.netdicom.core.pdu.UserInformation;
import org.netdicom.core.service.StandardContexts;

/** A whole association against a real server socket, spoken PDU by PDU. */
class VerificationScpTest {

    private static final PduEncoder ENCODER = new PduEncoder();
    private AssociationServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress start(ApplicationEntity ae) throws IOException {
        server = ae.startServer(new InetSocketAddress("127.0.0.1", 0));
        return server.localAddress();
    }

    private static AAssociateRq echoRequest(String calling) {
        return new AAssociateRq(1, "NETDICOM", calling, "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextRq(1, StandardContexts.VERIFICATION,
                        List.of(StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN))),
                UserInformation.of(16384, "1.2.3.4", "TEST"));
    }

    @Test
    void answersEchoWithSuccessAndReleases() throws Exception {
        InetSocketAddress address = start(StandardContexts.addVerification(new ApplicationEntity("NETDICOM")));
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            PduReader in = new PduReader(new BufferedInputStream(socket.getInputStream()), 0);

            ENCODER.write(echoRequest("SCU"), out);
            AAssociateAc ac = assertInstanceOf(AAssociateAc.class, in.read());
            assertEquals(StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN, ac.presentationContexts().get(0).transferSyntax());

            byte[] echo = new CommandSet().put(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                    .put(CommandTag.AFFECTED_SOP_CLASS_UID, StandardContexts.VERIFICATION)
                    .put(CommandTag.MESSAGE_ID, 42)
                    .put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET).encode();
            PduEncoder.writePDataTf(out, 1, PresentationDataValue.COMMAND | PresentationDataValue.LAST, echo, 0, echo.length);
            PDataTf response = assertInstanceOf(PDataTf.class, in.read());
            PresentationDataValue pdv = response.values().get(0);
            CommandSet rsp = CommandSet.decode(pdv.buffer(), pdv.offset(), pdv.length());
            assertEquals(CommandField.C_ECHO_RSP, rsp.commandField());
            assertEquals(42, rsp.getInt(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, -1));
            assertEquals(0x0000, rsp.getInt(CommandTag.STATUS, -1));

            ENCODER.write(new AReleaseRq(), out);
            assertInstanceOf(AReleaseRp.class, in.read());
        }
        // PS3.8 AR-3: the requestor closes the transport; the acceptor then leaves Sta13 at once.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.openConnections() > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertEquals(0, server.openConnections());
    }

    @Test
    void rejectsUnknownCallingAeTitle() throws Exception {
        InetSocketAddress address = start(StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .allowCallingAeTitles(List.of("FRIEND")));
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            ENCODER.write(echoRequest("STRANGER"), socket.getOutputStream());

            AAssociateRj rj = assertInstanceOf(AAssociateRj.class,
                    new PduReader(socket.getInputStream(), 0).read());
            assertEquals(AAssociateRj.REASON_CALLING_AE_TITLE_NOT_RECOGNIZED, rj.reason());
        }
    }

    @Test
    void abortsOnMessageForAContextThatWasNotAccepted() throws Exception {
        InetSocketAddress address = start(StandardContexts.addVerification(new ApplicationEntity("NETDICOM")));
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            PduReader in = new PduReader(socket.getInputStream(), 0);
            ENCODER.write(echoRequest("SCU"), socket.getOutputStream());
            assertInstanceOf(AAssociateAc.class, in.read());

            byte[] echo = new CommandSet().put(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                    .put(CommandTag.MESSAGE_ID, 1).put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET).encode();
            PduEncoder.writePDataTf(socket.getOutputStream(), 7, 0x03, echo, 0, echo.length);

            assertInstanceOf(AAbort.class, in.read());
        }
    }

    @Test
    void dropsSilentConnectionWhenArtimExpires() throws Exception {
        InetSocketAddress address = start(StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .acseTimeout(Duration.ofMillis(300)));
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            long start = System.nanoTime();

            assertEquals(-1, socket.getInputStream().read(), "closed by the server");
            assertTrue(System.nanoTime() - start < 4_000_000_000L);
        }
    }

    @Test
    void awaitClosedBlocksUntilTheServerCloses() throws Exception {
        start(StandardContexts.addVerification(new ApplicationEntity("NETDICOM")));
        AssociationServer running = server;
        Thread waiter = new Thread(() -> {
            try {
                running.awaitClosed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(200);
        assertTrue(waiter.isAlive(), "still serving");

        running.close();
        waiter.join(5000);
        assertFalse(waiter.isAlive(), "released by close()");
        server = null;
    }

    @Test
    void closingTheServerFreesThePort() throws Exception {
        InetSocketAddress address = start(StandardContexts.addVerification(new ApplicationEntity("NETDICOM")));
        server.close();
        server = null;

        assertThrows(IOException.class, () -> new Socket(address.getAddress(), address.getPort()).close());
    }

    @Test
    void networkTimeoutAbortsAnAssociationThatFallsSilent() throws Exception {
        InetSocketAddress address = start(StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .networkTimeout(Duration.ofMillis(300)));
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            PduReader in = new PduReader(socket.getInputStream(), 0);
            ENCODER.write(echoRequest("SCU"), socket.getOutputStream());
            assertInstanceOf(AAssociateAc.class, in.read());

            long start = System.nanoTime();
            AAbort abort = assertInstanceOf(AAbort.class, in.read(), "the server gives up on a silent peer");
            assertTrue(System.nanoTime() - start < 4_000_000_000L);
            assertEquals(AAbort.SOURCE_SERVICE_USER, abort.source());
        }
    }
}
