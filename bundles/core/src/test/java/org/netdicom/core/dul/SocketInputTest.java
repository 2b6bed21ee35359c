package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SocketInputTest {

    private final AtomicInteger availableCalls = new AtomicInteger();
    private boolean dataSetArriving = true;
    /** Bytes are always there: a spin asks available() once and returns. */
    private final ByteArrayInputStream socket = new ByteArrayInputStream(new byte[1000]) {
        @Override
        public synchronized int available() {
            availableCalls.incrementAndGet();
            return super.available();
        }
    };
    private final SocketInput input = new SocketInput(socket, new ReadSpin(TimeUnit.SECONDS.toNanos(20), 1),
            () -> dataSetArriving);

    @Test
    void spinsBeforeReadingWhileADataSetIsArriving() throws Exception {
        assertEquals(10, input.read(new byte[10], 0, 10));
        assertEquals(1, availableCalls.get(), "the spin asked the socket");
    }

    @Test
    void doesNotSpinBetweenMessages() throws Exception {
        dataSetArriving = false; // waiting for the peer's next request, or its response

        assertEquals(10, input.read(new byte[10], 0, 10));
        assertEquals(0, availableCalls.get(), "no spin while no data set is on its way");

        dataSetArriving = true;
        assertEquals(10, input.read(new byte[10], 0, 10));
        assertEquals(1, availableCalls.get(), "a data set is on its way: the next read spins");
    }

    @Test
    void aPeerThatKeepsItWaitingStopsTheSpinsUntilTheNextDataSet() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ByteArrayInputStream slowPeer = new ByteArrayInputStream(new byte[1000]) {
            @Override
            public synchronized int available() {
                asked.incrementAndGet();
                return 0; // nothing ever waits in the socket: every spin runs out
            }
        };
        SocketInput slow = new SocketInput(slowPeer, new ReadSpin(TimeUnit.MICROSECONDS.toNanos(200), 1),
                () -> dataSetArriving);

        for (int i = 0; i < SocketInput.MAX_FAILED_SPINS; i++) {
            slow.read(new byte[10], 0, 10);
        }
        int afterFailedSpins = asked.get();
        assertTrue(afterFailedSpins >= SocketInput.MAX_FAILED_SPINS, "each read spun: " + afterFailedSpins);

        slow.read(new byte[10], 0, 10);
        assertEquals(afterFailedSpins, asked.get(), "no more spins in this data set");

        dataSetArriving = false; // the data set ended; the next one begins
        slow.read(new byte[10], 0, 10);
        dataSetArriving = true;
        slow.read(new byte[10], 0, 10);
        assertTrue(asked.get() > afterFailedSpins, "the next data set spins again");
    }

    @Test
    void offItNeverAsksTheSocket() throws Exception {
        SocketInput off = new SocketInput(socket, ReadSpin.NONE, () -> true);

        assertEquals(10, off.read(new byte[10], 0, 10));
        assertEquals(0, availableCalls.get());
    }

    @Test
    void answersNothingToAvailable() {
        assertEquals(0, input.available());
    }
}
