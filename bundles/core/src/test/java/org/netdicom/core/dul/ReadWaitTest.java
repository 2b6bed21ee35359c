package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReadWaitTest {

    /**
     * A socket stream without end: a read takes at most {@code perRead} bytes, and
     * {@code available()} (counted) answers {@code waiting}.
     */
    private static final class Socket extends InputStream {
        final AtomicInteger asked = new AtomicInteger();
        /** Reads that the socket was asked about before (each spin asks at least once). */
        int spunReads;
        private int askedAtLastRead;
        private final int perRead;
        private int waiting;

        Socket(int perRead, int waiting) {
            this.perRead = perRead;
            this.waiting = waiting;
        }

        @Override
        public int read() {
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (asked.get() > askedAtLastRead) {
                spunReads++;
            }
            askedAtLastRead = asked.get();
            return Math.min(len, perRead);
        }

        @Override
        public int available() {
            asked.incrementAndGet();
            return waiting;
        }
    }

    /** Reads {@code socket} as the channel reader does: first the wait, then the read. */
    private static final class Reading {
        final ReadWait wait;
        final Socket socket;

        Reading(Socket socket, ReadSpin spin, java.util.function.BooleanSupplier dataSoon) {
            this.wait = new ReadWait(socket, spin, dataSoon);
            this.socket = socket;
        }

        int read(byte[] b, int off, int len) throws java.io.IOException {
            wait.beforeRead();
            int n = socket.read(b, off, len);
            wait.afterRead(n, len);
            return n;
        }

        int missPercent() {
            return wait.missPercent();
        }
    }

    private boolean dataSoon = true;
    /** Bytes are always there: a spin asks available() once and returns. */
    private final Socket socket = new Socket(100, 100);
    private final Reading input = new Reading(socket, new ReadSpin(TimeUnit.SECONDS.toNanos(20), 1),
            () -> dataSoon);

    @Test
    void spinsBeforeReadingWhileADataSetIsArriving() throws Exception {
        assertEquals(10, input.read(new byte[10], 0, 10));
        assertEquals(1, socket.asked.get(), "the spin asked the socket");
    }

    @Test
    void afterAFullReadItReadsOnWithoutAskingTheSocket() throws Exception {
        assertEquals(10, input.read(new byte[10], 0, 10)); // the first read asks
        assertEquals(10, input.read(new byte[10], 0, 10)); // it got all it asked for: more is likely there
        assertEquals(1, socket.asked.get(), "one question for two reads");

        assertEquals(100, input.read(new byte[1000], 0, 1000)); // fewer than asked: the socket is empty now
        input.read(new byte[10], 0, 10);
        assertEquals(2, socket.asked.get(), "after a short read the next one asks again");
    }

    @Test
    void doesNotSpinBetweenMessages() throws Exception {
        dataSoon = false; // waiting for the peer's next request, or its response

        assertEquals(100, input.read(new byte[1000], 0, 1000));
        assertEquals(0, socket.asked.get(), "no spin while the peer's next bytes are not expected soon");

        dataSoon = true;
        input.read(new byte[10], 0, 10);
        assertEquals(1, socket.asked.get(), "a data set is on its way: the next read spins");
    }

    @Test
    void aPeerThatKeepsItWaitingIsOnlySampledAfterSpinsFailedInARow() throws Exception {
        Socket slowPeer = new Socket(5, 0); // nothing ever waits in the socket: every spin runs out
        Reading slow = new Reading(slowPeer, new ReadSpin(TimeUnit.MICROSECONDS.toNanos(200), 1),
                () -> dataSoon);

        for (int i = 0; i < ReadWait.MAX_FAILED_SPINS; i++) {
            slow.read(new byte[10], 0, 10); // 5 of 10: each read empties the socket
        }
        int afterFailedSpins = slowPeer.asked.get();
        assertTrue(afterFailedSpins >= ReadWait.MAX_FAILED_SPINS, "each read spun: " + afterFailedSpins);

        slow.read(new byte[10], 0, 10);
        assertEquals(afterFailedSpins, slowPeer.asked.get(), "no spin for the next wait");
        for (int i = 0; i < ReadWait.SAMPLE_EVERY; i++) {
            slow.read(new byte[10], 0, 10);
        }
        assertTrue(slowPeer.asked.get() > afterFailedSpins, "one wait in " + ReadWait.SAMPLE_EVERY + " samples");
    }

    @Test
    void inAStreamOfStoresThatNeverPausesTheSpinsComeBackOnceSamplesSeeBytes() throws Exception {
        Socket peer = new Socket(5, 0); // the next bytes are always expected soon: no reset between messages
        Reading reader = spinningFor50Micros(peer);
        for (int i = 0; i < ReadWait.MAX_FAILED_SPINS; i++) {
            reader.read(new byte[10], 0, 10);
        }
        peer.waiting = 5; // the peer keeps up again

        for (int i = 0; i < 20 * ReadWait.SAMPLE_EVERY; i++) {
            reader.read(new byte[10], 0, 10);
        }
        int spun = peer.spunReads;
        reader.read(new byte[10], 0, 10);
        assertEquals(spun + 1, peer.spunReads, "every wait spins again");
    }

    private Reading spinningFor50Micros(Socket peer) {
        return new Reading(peer, new ReadSpin(TimeUnit.MICROSECONDS.toNanos(50), 1), () -> dataSoon);
    }

    /** A read between messages, then the first read of the next data set (a wait that may spin). */
    private void firstWaitOfTheNextDataSet(Reading reader) throws Exception {
        dataSoon = false;
        reader.read(new byte[10], 0, 10);
        dataSoon = true;
        reader.read(new byte[10], 0, 10);
    }

    @Test
    void spinsThatOftenFailOnlySampleThePeerFromTimeToTime() throws Exception {
        Socket slowPeer = new Socket(5, 0);
        Reading slow = spinningFor50Micros(slowPeer);
        slow.read(new byte[10], 0, 10);
        assertTrue(slow.missPercent() < ReadWait.MAX_MISS_PERCENT, "one failed spin is not enough");
        slow.read(new byte[10], 0, 10); // a second one in a row: the share is above the limit
        assertTrue(slow.missPercent() > ReadWait.MAX_MISS_PERCENT, "share " + slow.missPercent());

        int spinsBefore = slowPeer.spunReads;
        for (int dataSet = 0; dataSet < 2 * ReadWait.SAMPLE_EVERY; dataSet++) {
            firstWaitOfTheNextDataSet(slow);
        }
        assertEquals(2, slowPeer.spunReads - spinsBefore, "one wait in " + ReadWait.SAMPLE_EVERY + " spins");
    }

    @Test
    void whenThePeerKeepsUpAgainTheSpinsComeBack() throws Exception {
        Socket peer = new Socket(5, 0);
        Reading reader = spinningFor50Micros(peer);
        reader.read(new byte[10], 0, 10);
        reader.read(new byte[10], 0, 10); // two failed spins
        peer.waiting = 5; // from now on bytes are there whenever a spin looks

        for (int i = 0; i < 4 * ReadWait.SAMPLE_EVERY; i++) {
            firstWaitOfTheNextDataSet(reader);
        }
        assertTrue(reader.missPercent() < ReadWait.MAX_MISS_PERCENT, "share " + reader.missPercent());
        int spun = peer.spunReads;
        reader.read(new byte[10], 0, 10);
        assertEquals(spun + 1, peer.spunReads, "every wait spins again");
    }

    @Test
    void aPeerThatKeepsUpKeepsTheSpins() throws Exception {
        for (int i = 0; i < 100; i++) {
            input.read(new byte[1000], 0, 1000); // 100 of 1000: each read empties the socket, bytes come back at once
        }
        assertEquals(100, socket.asked.get());
        assertEquals(0, input.missPercent());
    }

    @Test
    void offItNeverAsksTheSocket() throws Exception {
        Reading off = new Reading(socket, ReadSpin.NONE, () -> true);

        assertEquals(10, off.read(new byte[10], 0, 10));
        assertEquals(0, socket.asked.get());
    }
}
