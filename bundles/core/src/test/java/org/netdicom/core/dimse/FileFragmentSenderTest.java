package org.netdicom.core.dimse;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netdicom.core.dul.DulAction;
import org.netdicom.core.dul.DulEvent;
import org.netdicom.core.dul.DulState;
import org.netdicom.core.dul.DulUser;
import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.PduEncoder;
import org.netdicom.core.pdu.PduReader;
import org.netdicom.core.pdu.PresentationContextAc;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.PresentationDataValue;
import org.netdicom.core.pdu.UserInformation;

/**
 * A file's bytes sent as PDUs laid out in direct memory: what the peer reads back, PDU by PDU, over
 * a real loopback connection, for lengths that end inside a block, on its end, or are odd, and for
 * a file shorter than it was said to be.
 */
class FileFragmentSenderTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final AAssociateRq RQ = new AAssociateRq(1, "SCP", "SCU", "1.2.840.10008.3.1.1.1",
            List.of(new PresentationContextRq(3, "1.2.840.10008.5.1.4.1.1.7", List.of("1.2.840.10008.1.2.1"))),
            UserInformation.of(16384, "1.2.3", "TEST"));
    private static final AAssociateAc AC = new AAssociateAc(1, "SCP", "SCU", "1.2.840.10008.3.1.1.1",
            List.of(PresentationContextAc.accepted(3, "1.2.840.10008.1.2.1")), UserInformation.of(16384, "1.2.3", "T"));

    @TempDir
    Path dir;

    /** Our Upper Layer as an acceptor in Sta6 on one end of a loopback connection; the test is the requestor. */
    private static final class Link implements DulUser, AutoCloseable {
        final Socket peer;
        final Socket ours;
        final UpperLayer layer;
        final PduReader peerIn;
        private final boolean watched;
        private final CountDownLatch established = new CountDownLatch(1);

        Link(boolean channel, boolean watched) throws Exception {
            this.watched = watched;
            if (channel) {
                try (ServerSocketChannel listener = ServerSocketChannel.open()) {
                    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    peer = new Socket(InetAddress.getLoopbackAddress(),
                            ((InetSocketAddress) listener.getLocalAddress()).getPort());
                    SocketChannel accepted = listener.accept();
                    ours = accepted.socket();
                }
            } else {
                try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    peer = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                    ours = listener.accept();
                }
            }
            peer.setSoTimeout(5000);
            layer = new UpperLayer(ours, this, 0, LONG, LONG, false);
            peerIn = new PduReader(peer.getInputStream(), 0);
            Thread reader = new Thread(layer::serveAcceptor, "link-reader");
            reader.setDaemon(true);
            reader.start();
            OutputStream out = peer.getOutputStream();
            new PduEncoder().write(RQ, out);
            out.flush();
            assertInstanceOf(AAssociateAc.class, peerIn.read());
            assertTrue(established.await(5, TimeUnit.SECONDS), "in " + layer.state());
            layer.setPeerMaxPduLength(0);
        }

        @Override
        public void associateRequested(AAssociateRq request) {
            layer.accept(AC);
        }

        @Override
        public void transitioned(DulState from, DulEvent event, DulAction action, DulState to) {
            if (to == DulState.STA6) {
                established.countDown();
            }
        }

        @Override
        public boolean wantsDataPdus() {
            return watched;
        }

        /** The data set's bytes as the peer reads them, and the length and last flag of every PDV. */
        byte[] peerReadsDataSet(List<String> pdvs) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (true) {
                Pdu pdu = peerIn.read();
                PresentationDataValue pdv = ((PDataTf) pdu).values().get(0);
                assertEquals(1, ((PDataTf) pdu).values().size());
                assertEquals(3, pdv.contextId());
                assertFalse(pdv.isCommand());
                java.nio.ByteBuffer data = pdv.data();
                byte[] value = new byte[data.remaining()];
                data.get(value);
                bytes.write(value, 0, value.length);
                pdvs.add(pdv.length() + (pdv.isLast() ? " last" : ""));
                if (pdv.isLast()) {
                    return bytes.toByteArray();
                }
            }
        }

        @Override
        public void close() throws IOException {
            peer.close();
            ours.close();
        }
    }

    @ParameterizedTest(name = "{0} bytes in fragments of {1}, channel {2}, watched {3}")
    @CsvSource({
        "300000, 16378, true, false",   // 16 KiB PDUs: 4 a block, the last block part full
        "1001, 2, true, false",         // the shortest fragments: 128 a block, headers 52 bytes into a 64-byte line
        "256000, 1000, true, false",    // 64 PDUs a block: the data set ends on a block's end
        "25600, 100, true, false",      // as many PDUs as a block takes at most (128), twice
        "255999, 1000, true, false",    // odd: a trailing 0x00
        "700001, 262016, true, false",  // the largest fragment (maxFragment), one PDU a block
        "0, 16378, true, false",        // an empty data set: one empty last PDV
        "300000, 16378, false, false",  // a socket without a channel: each PDU as an array
        "255999, 1000, true, true"})    // someone watches the PDUs: each as an array, the same PDVs
    void thePeerReadsTheFilesBytesInFragmentsWithTheLastMarked(int length, int fragment, boolean channel,
            boolean watched) throws Exception {
        byte[] content = new byte[length + 77];
        new Random(length).nextBytes(content);
        Path file = Files.write(dir.resolve("f"), content);
        try (Link link = new Link(channel, watched); FileChannel in = FileChannel.open(file)) {
            in.position(77);
            List<String> pdvs = new ArrayList<>();
            // the peer reads while we send: socket buffers need not hold the whole data set
            ExecutorService peer = Executors.newSingleThreadExecutor();
            try {
                Future<byte[]> reading = peer.submit(() -> link.peerReadsDataSet(pdvs));
                FileFragmentSender.send(link.layer, 3, in, length, fragment);
                byte[] received = reading.get(10, TimeUnit.SECONDS);

                byte[] expected = java.util.Arrays.copyOfRange(content, 77, 77 + length + (length & 1));
                if ((length & 1) != 0) {
                    expected[length] = 0;
                }
                assertArrayEquals(expected, received);
                int count = Math.max(1, (length + fragment - 1) / fragment);
                assertEquals(count, pdvs.size(), pdvs.toString());
                for (int i = 0; i < count - 1; i++) {
                    assertEquals(String.valueOf(fragment), pdvs.get(i), "fragment " + i + " of " + pdvs);
                }
                int lastLength = length - (count - 1) * fragment;
                assertEquals((lastLength + (lastLength & 1)) + " last", pdvs.get(count - 1));
            } finally {
                peer.shutdownNow();
            }
        }
    }

    @Test
    void theLargestFragmentFitsABlock() {
        assertEquals(262_016, FileFragmentSender.maxFragment(), "the cases above use it");
    }

    @Test
    void aFileShorterThanTheDataSetItHeldFailsTheSendWithHowMuchIsMissing() throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[100_000]);
        try (Link link = new Link(true, false); FileChannel in = FileChannel.open(file)) {
            EOFException e = assertThrows(EOFException.class,
                    () -> FileFragmentSender.send(link.layer, 3, in, 300_000, 16378));
            assertTrue(e.getMessage().contains("ended 200000 bytes before the end of the data set"), e.getMessage());
        }
    }
}
