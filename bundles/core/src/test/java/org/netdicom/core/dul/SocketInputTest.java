package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SocketInputTest {

    private final AtomicInteger availableCalls = new AtomicInteger();
    private boolean transferring = true;
    /** Bytes are always there: a spin asks available() once and returns. */
    private final ByteArrayInputStream socket = new ByteArrayInputStream(new byte[1000]) {
        @Override
        public synchronized int available() {
            availableCalls.incrementAndGet();
            return super.available();
        }
    };
    private final SocketInput input = new SocketInput(socket, new ReadSpin(TimeUnit.SECONDS.toNanos(20), 1), () -> transferring);
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final OutputStream output = input.counting(sent);

    @Test
    void spinsBeforeReadingAfterAQuietSend() throws Exception {
        output.write(new byte[120]); // a C-STORE-RSP

        assertEquals(10, input.read(new byte[10], 0, 10));
        assertEquals(1, availableCalls.get(), "the spin asked the socket");
    }

    @Test
    void doesNotSpinWhileMuchOfWhatItSentMayStillBeQueued() throws Exception {
        output.write(new byte[(int) SocketInput.QUIET_SEND_LIMIT]); // a large data set went out

        assertEquals(10, input.read(new byte[10], 0, 10));
        assertEquals(0, availableCalls.get(), "no spin right after a large send");

        assertEquals(10, input.read(new byte[10], 0, 10));
        assertEquals(1, availableCalls.get(), "data came in: the next read spins again");
        assertEquals(SocketInput.QUIET_SEND_LIMIT, sent.size(), "everything written reached the socket");
    }

    @Test
    void spinsOnlyInDataTransfer() throws Exception {
        transferring = false; // the association opens or closes

        assertEquals(10, input.read(new byte[10], 0, 10));
        assertEquals(0, availableCalls.get(), "no spin outside data transfer");
    }

    @Test
    void offItNeitherAsksTheSocketNorWrapsItsOutput() throws Exception {
        SocketInput off = new SocketInput(socket, ReadSpin.NONE, () -> true);

        assertSame(sent, off.counting(sent), "no counting stream in front of the socket");
        assertEquals(10, off.read(new byte[10], 0, 10));
        assertEquals(0, availableCalls.get());
    }

    @Test
    void answersNothingToAvailable() {
        assertEquals(0, input.available());
    }
}
