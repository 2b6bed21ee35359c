package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SocketInputTest {

    /**
     * A socket stream without end: a read takes at most {@code perRead} bytes, and
     * {@code available()} (counted) answers {@code waiting}.
     */
    private static final class Socket extends InputStream {
        final AtomicInteger asked = new AtomicInteger();
        private final int perRead;
        private final int waiting;

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
            return Math.min(len, perRead);
        }

        @Override
        public int available() {
            asked.incrementAndGet();
            return waiting;
        }
    }

    private boolean dataSetArriving = true;
    /** Bytes are always there: a spin asks available() once and returns. */
    private final Socket socket = new Socket(100, 100);
    private final SocketInput input = new SocketInput(socket, new ReadSpin(TimeUnit.SECONDS.toNanos(20), 1),
            () -> dataSetArriving);

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
        dataSetArriving = false; // waiting for the peer's next request, or its response

        assertEquals(100, input.read(new byte[1000], 0, 1000));
        assertEquals(0, socket.asked.get(), "no spin while no data set is on its way");

        dataSetArriving = true;
        input.read(new byte[10], 0, 10);
        assertEquals(1, socket.asked.get(), "a data set is on its way: the next read spins");
    }

    @Test
    void aPeerThatKeepsItWaitingStopsTheSpinsUntilTheNextDataSet() throws Exception {
        Socket slowPeer = new Socket(5, 0); // nothing ever waits in the socket: every spin runs out
        SocketInput slow = new SocketInput(slowPeer, new ReadSpin(TimeUnit.MICROSECONDS.toNanos(200), 1),
                () -> dataSetArriving);

        for (int i = 0; i < SocketInput.MAX_FAILED_SPINS; i++) {
            slow.read(new byte[10], 0, 10); // 5 of 10: each read empties the socket
        }
        int afterFailedSpins = slowPeer.asked.get();
        assertTrue(afterFailedSpins >= SocketInput.MAX_FAILED_SPINS, "each read spun: " + afterFailedSpins);

        slow.read(new byte[10], 0, 10);
        assertEquals(afterFailedSpins, slowPeer.asked.get(), "no more spins in this data set");

        dataSetArriving = false; // the data set ended; the next one begins
        slow.read(new byte[10], 0, 10);
        dataSetArriving = true;
        slow.read(new byte[10], 0, 10);
        assertTrue(slowPeer.asked.get() > afterFailedSpins, "the next data set spins again");
    }

    @Test
    void offItNeverAsksTheSocket() throws Exception {
        SocketInput off = new SocketInput(socket, ReadSpin.NONE, () -> true);

        assertEquals(10, off.read(new byte[10], 0, 10));
        assertEquals(0, socket.asked.get());
    }

    @Test
    void answersNothingToAvailable() {
        assertEquals(0, input.available());
    }
}
