package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.netdicom.core.dul.IoProgress.Overdue;

class IoProgressTest {

    private static final long NETWORK_TIMEOUT = TimeUnit.SECONDS.toNanos(10);
    private final IoProgress io = new IoProgress(NETWORK_TIMEOUT);

    @Test
    void nothingIsLateWhileNothingIsReadOrWritten() {
        assertEquals(Overdue.NONE, io.overdue(System.nanoTime() + 10 * NETWORK_TIMEOUT));
    }

    @Test
    void aReadPastItsCallersDeadlineIsReportedOnce() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        io.readStarted(deadline);

        assertEquals(Overdue.NONE, io.overdue(deadline - 1));
        assertFalse(io.readTimedOut());
        assertEquals(Overdue.READ_DEADLINE, io.overdue(deadline));
        assertTrue(io.readTimedOut());
        assertEquals(Overdue.NONE, io.overdue(deadline + 1), "the deadline is reported once");
    }

    @Test
    void anIdleReadIsReportedOncePerNetworkTimeout() {
        io.readStarted(0);
        long start = System.nanoTime();

        long late = start + NETWORK_TIMEOUT + TimeUnit.SECONDS.toNanos(1);
        assertEquals(Overdue.READ_IDLE, io.overdue(late));
        assertEquals(Overdue.NONE, io.overdue(late + 1), "the next idle period counts from the report");
        assertEquals(Overdue.READ_IDLE, io.overdue(late + NETWORK_TIMEOUT));
    }

    @Test
    void aStalledWriteComesFirstAndEndsWithTheWrite() {
        io.readStarted(System.nanoTime()); // a deadline that has passed, too
        io.writeStarted();
        long late = System.nanoTime() + NETWORK_TIMEOUT;

        assertEquals(Overdue.WRITE_STALLED, io.overdue(late));
        io.writeEnded();
        assertEquals(Overdue.READ_DEADLINE, io.overdue(late));
    }

    @Test
    void withoutANetworkTimeoutOnlyDeadlinesCount() {
        IoProgress forever = new IoProgress(0);
        forever.writeStarted();
        forever.readStarted(0);

        assertEquals(Overdue.NONE, forever.overdue(System.nanoTime() + TimeUnit.DAYS.toNanos(1)));
    }

    @Test
    void anEndedReadIsNotWatched() {
        io.readStarted(System.nanoTime());
        io.readEnded();

        assertEquals(Overdue.NONE, io.overdue(System.nanoTime() + 2 * NETWORK_TIMEOUT));
    }
}
