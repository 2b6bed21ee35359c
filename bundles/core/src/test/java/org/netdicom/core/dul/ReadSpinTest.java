package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReadSpinTest {

    private static final long LONG = TimeUnit.SECONDS.toNanos(20);

    @Test
    void returnsAsSoonAsTheSocketHasBytes() throws Exception {
        Socketish in = new Socketish(call -> call < 4 ? 0 : 16);

        assertTrue(new ReadSpin(LONG, 1).awaitReadable(in));

        assertEquals(4, in.calls.get(), "available() until it answered bytes, no further");
    }

    @Test
    void givesUpWhenItsTimeIsUp() throws Exception {
        Socketish in = new Socketish(call -> 0);

        assertFalse(new ReadSpin(TimeUnit.MILLISECONDS.toNanos(2), 1).awaitReadable(in), "spun in vain");

        assertTrue(in.calls.get() > 1, "it spun before giving up");
    }

    @Test
    void doesNotSpinWhenBytesAreAlreadyThere() throws Exception {
        Socketish in = new Socketish(call -> 100);

        new ReadSpin(LONG, 1).awaitReadable(in);

        assertEquals(1, in.calls.get());
    }

    @Test
    void turnedOffOrWithoutSlotsItDoesNotSpin() throws Exception {
        Socketish off = new Socketish(call -> 0);
        Socketish noSlot = new Socketish(call -> 0);

        assertTrue(ReadSpin.NONE.awaitReadable(off), "not spinning is no failed spin");
        assertTrue(new ReadSpin(LONG, 0).awaitReadable(noSlot));

        assertEquals(0, off.calls.get(), "off: the socket is not even asked");
        assertEquals(1, noSlot.calls.get(), "no slot (one processor): asked once, then the read blocks");
    }

    @Test
    void noMoreThreadsSpinAtOnceThanItHasSlots() throws Exception {
        ReadSpin spin = new ReadSpin(LONG, 1);
        CountDownLatch spinning = new CountDownLatch(1);
        CountDownLatch dataArrives = new CountDownLatch(1);
        Socketish first = new Socketish(call -> {
            if (call == 2) {
                spinning.countDown();
            }
            return dataArrives.getCount() == 0 ? 1 : 0;
        });
        Thread spinner = new Thread(() -> {
            try {
                spin.awaitReadable(first);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        spinner.start();
        assertTrue(spinning.await(10, TimeUnit.SECONDS), "the first thread spins");

        Socketish second = new Socketish(call -> 0);
        spin.awaitReadable(second);
        assertEquals(1, second.calls.get(), "the only slot is taken: the second thread does not spin");

        dataArrives.countDown();
        spinner.join(10_000);
        assertFalse(spinner.isAlive());
        Socketish third = new Socketish(call -> call < 3 ? 0 : 1);
        spin.awaitReadable(third);
        assertEquals(3, third.calls.get(), "the slot is free again once the first thread stopped spinning");
    }

    /** A socket stream whose available() answers what {@code answer} says for the n-th call (from 1). */
    private static final class Socketish extends InputStream {
        final AtomicInteger calls = new AtomicInteger();
        private final IntUnaryOperator answer;

        Socketish(IntUnaryOperator answer) {
            this.answer = answer;
        }

        @Override
        public int available() {
            return answer.applyAsInt(calls.incrementAndGet());
        }

        @Override
        public int read() {
            throw new AssertionError("ReadSpin never reads");
        }
    }
}
