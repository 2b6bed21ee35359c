package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.netdicom.core.pdu.AReleaseRq;
import org.netdicom.core.pdu.PduEncoder;

/**
 * The Upper Layer with a peer that never reads: every write blocks until the transport closes.
 * An A-RELEASE-RQ in Sta2 makes the machine send an A-ABORT (AA-1) while the ARTIM timer of Sta2
 * runs, so the reader thread blocks in a write with the state machine's lock held.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockedWriteTest {

    private static final Duration ARTIM = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(60);

    @Test
    void blockedWriteDoesNotStopTheArtimTimersOfOtherConnections() throws Exception {
        FakeSocket stalled = new FakeSocket(new PduEncoder().encode(new AReleaseRq()), true);
        Thread stalledReader = serve(stalled, LONG);
        assertTrue(stalled.writeBlocked.await(2, TimeUnit.SECONDS));
        Thread.sleep(2 * ARTIM.toMillis()); // the stalled connection's ARTIM expires meanwhile

        FakeSocket silent = new FakeSocket(new byte[0], false);
        Thread silentReader = serve(silent, LONG);

        silentReader.join(3000);
        assertFalse(silentReader.isAlive(), "ARTIM (PS3.8 AA-2 in Sta2) closed the silent connection");
        stalled.close();
        stalledReader.join(3000);
    }

    @Test
    void writeBlockedLongerThanTheNetworkTimeoutClosesTheTransport() throws Exception {
        FakeSocket stalled = new FakeSocket(new PduEncoder().encode(new AReleaseRq()), true);
        Thread reader = serve(stalled, Duration.ofMillis(300));

        reader.join(3000);
        assertFalse(reader.isAlive(), "the blocked write was given up and the connection closed");
        assertTrue(stalled.isClosed());
    }

    @Test
    void shutdownDoesNotWaitForABlockedWrite() throws Exception {
        FakeSocket stalled = new FakeSocket(new PduEncoder().encode(new AReleaseRq()), true);
        UpperLayer upperLayer = new UpperLayer(stalled, new DulUser() { }, 0, LONG, LONG, false);
        Thread reader = new Thread(upperLayer::serveAcceptor);
        reader.start();
        assertTrue(stalled.writeBlocked.await(2, TimeUnit.SECONDS));

        Thread closer = new Thread(upperLayer::shutdown);
        closer.start();
        closer.join(2000);
        assertFalse(closer.isAlive(), "shutdown returned");
        reader.join(2000);
        assertFalse(reader.isAlive());
    }

    private Thread serve(FakeSocket socket, Duration networkTimeout) throws IOException {
        UpperLayer upperLayer = new UpperLayer(socket, new DulUser() { }, 0, ARTIM, networkTimeout, false);
        Thread reader = new Thread(upperLayer::serveAcceptor);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /**
     * A connection that delivers {@code input}, then waits for more until closed; its writes either
     * succeed or, if {@code writesBlock}, wait until it is closed.
     */
    private static final class FakeSocket extends Socket {

        final CountDownLatch writeBlocked = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);
        private final byte[] input;
        private final boolean writesBlock;

        FakeSocket(byte[] input, boolean writesBlock) {
            this.input = input;
            this.writesBlock = writesBlock;
        }

        @Override
        public InputStream getInputStream() {
            return new InputStream() {
                private int next;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (next < input.length) {
                        int n = Math.min(len, input.length - next);
                        System.arraycopy(input, next, b, off, n);
                        next += n;
                        return n;
                    }
                    awaitClose();
                    return -1;
                }
            };
        }

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (closed.getCount() == 0) {
                        throw new SocketException("Socket closed");
                    }
                    if (writesBlock) {
                        writeBlocked.countDown();
                        awaitClose();
                        throw new SocketException("Socket closed");
                    }
                }
            };
        }

        private void awaitClose() throws IOException {
            try {
                closed.await();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public synchronized void close() {
            closed.countDown();
        }

        @Override
        public boolean isClosed() {
            return closed.getCount() == 0;
        }
    }
}
