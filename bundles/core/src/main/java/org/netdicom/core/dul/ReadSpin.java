package org.netdicom.core.dul;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A short busy wait for bytes on a socket before a read blocks, while a data set is arriving
 * ({@link ReadWait}): 50 us unless the system property {@code netdicom.readSpinMicros} sets
 * another length (0 turns it off).
 * <p>
 * A thread blocked in {@code read} has to be woken by the peer's data, and on a virtual machine
 * each wake-up costs the <em>sending</em> side an inter-processor interrupt (a VM exit) in its
 * {@code write}. A reader that keeps up with a sender blocks several times per data set: storescu
 * spent 30-50 ms more CPU sending 500 instances of 0.5 MB to us than to storescp, which reads more
 * slowly and seldom waits (our SCP without the spin: 10-13 context switches per instance, storescp
 * 2, at 16 KiB PDUs). Spinning for the rest of a data set keeps the reader awake when it comes:
 * through our SCP, 7 % more C-STOREs of 0.5 MB on the development VM (docs/benchmarks.md).
 * <p>
 * At most one thread fewer than there are processors spins at any moment, so spinning never takes
 * the last core from threads with work; the others block at once. The spin only asks the socket
 * how many bytes it holds ({@code available()}, an ioctl); it never reads.
 */
final class ReadSpin {

    /** Spins for {@code netdicom.readSpinMicros} (default 50; 0: off). */
    private static final ReadSpin SHARED = new ReadSpin(
            TimeUnit.MICROSECONDS.toNanos(Long.getLong("netdicom.readSpinMicros", 50)),
            Runtime.getRuntime().availableProcessors() - 1);

    /** Never spins: for tests. */
    static final ReadSpin NONE = new ReadSpin(0, 0);

    private final long nanos;
    private final AtomicInteger freeSlots;

    ReadSpin(long nanos, int maxSpinners) {
        this.nanos = nanos;
        this.freeSlots = new AtomicInteger(Math.max(0, maxSpinners));
    }

    static ReadSpin shared() {
        return SHARED;
    }

    /** Whether it spins at all (the system property did not set 0). */
    boolean isOn() {
        return nanos > 0;
    }

    /**
     * Returns once {@code in} has bytes to read, the spin time is up, or right away when spinning
     * is off or every spinning slot is taken. Never reads.
     *
     * @return false only if it spun its whole time without bytes coming
     */
    boolean awaitReadable(InputStream in) throws IOException {
        if (nanos <= 0 || in.available() > 0 || !takeSlot()) {
            return true;
        }
        try {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() - end < 0) {
                if (in.available() > 0) {
                    return true;
                }
                Thread.onSpinWait();
            }
            return false;
        } finally {
            freeSlots.incrementAndGet();
        }
    }

    private boolean takeSlot() {
        int free;
        do {
            free = freeSlots.get();
            if (free <= 0) {
                return false;
            }
        } while (!freeSlots.compareAndSet(free, free - 1));
        return true;
    }
}
