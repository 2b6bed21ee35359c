package org.netdicom.core.dul;

/**
 * When one connection's read and write in progress started, and the deadline of whoever waits for
 * the read: what the {@link Watchdog} looks at to enforce the network timeout (PS3.8 leaves it to
 * the implementation) and a DIMSE response's timeout. Starting and ending a read or write only
 * writes a field; {@link #overdue} is the watchdog's side.
 */
final class IoProgress {

    /** What a watchdog tick finds late. */
    enum Overdue {
        NONE,
        /** A write has not gone out within the network timeout: the peer stopped reading. */
        WRITE_STALLED,
        /** The reader's caller's deadline passed (reported once per read). */
        READ_DEADLINE,
        /** No data within the network timeout (reported once per such period). */
        READ_IDLE
    }

    /** 0 = no network timeout. */
    private final long networkTimeoutNanos;
    /** When the read in progress started, 0 when no thread reads. */
    private volatile long readingSince;
    /** The deadline of the reader's caller (a DIMSE response), 0 for none. */
    private volatile long readDeadline;
    private volatile boolean readTimedOut;
    /** When the write in progress started, 0 when no thread writes. */
    private volatile long writingSince;

    IoProgress(long networkTimeoutNanos) {
        this.networkTimeoutNanos = networkTimeoutNanos;
    }

    /** A read starts; {@code deadlineNanos} ({@link System#nanoTime()}, 0 = none) is its caller's. */
    void readStarted(long deadlineNanos) {
        readDeadline = deadlineNanos;
        readingSince = System.nanoTime();
    }

    void readEnded() {
        readingSince = 0;
        readDeadline = 0;
    }

    /** Whether a read's deadline passed: the connection was ended for it. */
    boolean readTimedOut() {
        return readTimedOut;
    }

    void writeStarted() {
        writingSince = System.nanoTime();
    }

    void writeEnded() {
        writingSince = 0;
    }

    /** What is late at {@code now}; a stalled write first, as nothing can be sent any more. */
    Overdue overdue(long now) {
        long writing = writingSince;
        if (writing != 0 && networkTimeoutNanos > 0 && now - writing >= networkTimeoutNanos) {
            return Overdue.WRITE_STALLED;
        }
        long since = readingSince;
        if (since == 0) {
            return Overdue.NONE;
        }
        long deadline = readDeadline;
        if (deadline != 0 && now - deadline >= 0) {
            readTimedOut = true;
            readDeadline = 0;
            return Overdue.READ_DEADLINE;
        }
        if (networkTimeoutNanos > 0 && now - since >= networkTimeoutNanos) {
            readingSince = now; // count the next idle period from here
            return Overdue.READ_IDLE;
        }
        return Overdue.NONE;
    }
}
