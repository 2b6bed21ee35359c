package org.netdicom.core.transport;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.PduEncoder;
import org.netdicom.core.pdu.PduReader;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.UserInformation;
import org.netdicom.core.service.StandardContexts;

/**
 * Peers that do not play their part: silent ones, ones that stop reading, ones with the wrong
 * protocol version. The server must end each within its timeouts, keep serving others meanwhile,
 * and close promptly.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnresponsivePeerTest {

    private static final PduEncoder ENCODER = new PduEncoder();
    private AssociationServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private int start(Duration acseTimeout, Duration networkTimeout) throws IOException {
        server = StandardContexts.addVerification(new ApplicationEntity("NETDICOM")).acseTimeout(acseTimeout)
                .networkTimeout(networkTimeout).startServer(new InetSocketAddress("127.0.0.1", 0));
        return server.localAddress().getPort();
    }

    private static AAssociateRq request(int protocolVersion) {
        return new AAssociateRq(protocolVersion, "NETDICOM", "SCU", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextRq(1, StandardContexts.VERIFICATION,
                        List.of(StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN))),
                UserInformation.of(16384, "1.2.3.4", "TEST"));
    }

    @Test
    void dropsPeerThatSendsNothingWhenArtimExpires() throws Exception {
        // The network timeout is far away: only the ARTIM timer (PS3.8 9.1.5, AA-2 in Sta2) can end it.
        int port = start(Duration.ofMillis(400), Duration.ofSeconds(30));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            long started = System.nanoTime();

            assertEquals(-1, socket.getInputStream().read(), "closed without a PDU");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis >= 300 && millis < 3000, "closed after " + millis + " ms");
        }
        assertTrue(MalformedInputTest.await(() -> server.openConnections() == 0));
    }

    @Test
    void rejectsUnsupportedProtocolVersionWithReason122() throws Exception {
        int port = start(Duration.ofSeconds(5), Duration.ofSeconds(5));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            ENCODER.write(request(0x0002), socket.getOutputStream()); // bit 0, version 1, not set

            AAssociateRj rj = assertInstanceOf(AAssociateRj.class, new PduReader(socket.getInputStream(), 0).read());
            assertEquals(new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT,
                    AAssociateRj.SOURCE_SERVICE_PROVIDER_ACSE, AAssociateRj.REASON_PROTOCOL_VERSION_NOT_SUPPORTED), rj);
        }
        assertTrue(MalformedInputTest.await(() -> server.openConnections() == 0));
    }

    @Test
    void refusesPDataLongerThanTheMaximumOnItsHeaderAlone() throws Exception {
        int port = start(Duration.ofSeconds(5), Duration.ofSeconds(30));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            PduReader in = new PduReader(new BufferedInputStream(socket.getInputStream()), 0);
            ENCODER.write(request(1), socket.getOutputStream());
            in.read();
            // Claims 4 GiB minus 16 and sends none of it: the answer can only come from the header.
            socket.getOutputStream().write(new byte[] {Pdu.P_DATA_TF, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                    (byte) 0xF0});

            AAbort abort = assertInstanceOf(AAbort.class, in.read());
            assertEquals(AAbort.SOURCE_SERVICE_PROVIDER, abort.source());
        }
    }

    @Test
    void answersAStreamThatLostItsFramingWithOneAbort() throws Exception {
        int port = start(Duration.ofSeconds(2), Duration.ofSeconds(30));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            ENCODER.write(request(1), out);
            // An oversized A-ASSOCIATE-AC header, then 6000 bytes of its "body": after the header is
            // refused nothing marks where a PDU starts, so these are not 1000 PDUs of type 0.
            out.write(new byte[] {Pdu.A_ASSOCIATE_AC, 0, 0x7F, 0, 0, 0});
            out.write(new byte[6000]);
            socket.shutdownOutput();

            PduReader in = new PduReader(new BufferedInputStream(socket.getInputStream()), 0);
            int aborts = 0;
            for (Pdu pdu = in.read(); pdu != null; pdu = in.read()) {
                aborts += pdu instanceof AAbort ? 1 : 0;
            }
            assertEquals(1, aborts);
        }
    }

    @Test
    void abortsPeerThatStopsReadingWithinTheNetworkTimeout() throws Exception {
        int port = start(Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            boolean[] closedByServer = new boolean[1];
            Thread flooder = new Thread(() -> closedByServer[0] = floodWithoutReading(socket, 20));
            flooder.setDaemon(true);
            flooder.start();
            flooder.join(10_000);
            assertFalse(flooder.isAlive(), "still writing after 10 s: the server neither reads nor closes");
            assertTrue(closedByServer[0], "the server closed the connection");
        }
        assertTrue(MalformedInputTest.await(() -> server.openConnections() == 0), server.openConnections() + " open");
    }

    @Test
    void keepsTimingOutOthersWhileAPeerStopsReading() throws Exception {
        int port = start(Duration.ofMillis(500), Duration.ofSeconds(30));
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = stalled.getOutputStream();
            ENCODER.write(request(1), out);
            // Invalid PDUs in Sta13 (A-ABORT sent, ARTIM running): the server must not stop the
            // ARTIM timers of the other connections however it answers these.
            out.write(new byte[] {Pdu.A_ASSOCIATE_AC, 0, 0x7F, 0, 0, 0});
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 2000; i++) {
                        out.write(new byte[6000]);
                    }
                } catch (IOException closed) {
                    // the server gave up on us: fine
                }
            });
            writer.setDaemon(true);
            writer.start();
            Thread.sleep(200);

            try (Socket silent = new Socket("127.0.0.1", port)) {
                silent.setSoTimeout(5000);
                assertEquals(-1, silent.getInputStream().read(), "silent peer dropped by ARTIM");
            }
            writer.join(10_000);
            assertFalse(writer.isAlive(), "the stalled connection was closed too");
        }
    }

    @Test
    void closesPromptlyWhileAPeerStopsReading() throws Exception {
        int port = start(Duration.ofSeconds(30), Duration.ofSeconds(30));
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            Thread flooder = new Thread(() -> floodWithoutReading(socket, 20));
            flooder.setDaemon(true);
            flooder.start();
            Thread.sleep(1500); // long enough for the server's writes to block

            long started = System.nanoTime();
            server.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis < 5000, "close took " + millis + " ms");
            server = null;
        } finally {
            socket.close();
        }
    }

    /**
     * Associates, then sends C-ECHO requests without reading a response, until a write fails or
     * {@code seconds} pass.
     *
     * @return true if a write failed (the server closed the connection)
     */
    private static boolean floodWithoutReading(Socket socket, int seconds) {
        byte[] echo = new CommandSet().put(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .put(CommandTag.AFFECTED_SOP_CLASS_UID, StandardContexts.VERIFICATION).put(CommandTag.MESSAGE_ID, 1)
                .put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET).encode();
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < 100; i++) {
                PduEncoder.writePDataTf(batch, 1, 0x03, echo, 0, echo.length);
            }
            OutputStream out = socket.getOutputStream();
            ENCODER.write(request(1), out);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                out.write(batch.toByteArray());
            }
            return false;
        } catch (IOException closed) {
            return true;
        }
    }
}
