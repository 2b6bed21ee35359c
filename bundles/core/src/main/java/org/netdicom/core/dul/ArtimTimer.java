package org.netdicom.core.dul;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * The Association Request/Reject/Release Timer (PS3.8 9.1.5), enforced by the {@link Watchdog}:
 * starting and stopping it only writes a deadline. Each start gets a new generation number, handed
 * to the expiry callback; the state machine acts on an expiry only while {@link #isCurrent} holds,
 * so a late expiry of a stopped or restarted timer is harmless.
 */
final class ArtimTimer implements Watchdog.Watched {

    private final long timeoutNanos;
    private final LongConsumer onExpiry;
    private long deadline;
    private long generation;

    ArtimTimer(Duration timeout, LongConsumer onExpiry) {
        this.timeoutNanos = timeout.toNanos();
        this.onExpiry = onExpiry;
    }

    /** Starts the timer, or restarts it if it is running. */
    synchronized void start() {
        generation++;
        deadline = System.nanoTime() + timeoutNanos;
        Watchdog.watch(this);
    }

    synchronized void stop() {
        generation++;
        deadline = 0;
        Watchdog.unwatch(this);
    }

    /** Whether an expiry of the timer started as {@code startedGeneration} still counts. */
    synchronized boolean isCurrent(long startedGeneration) {
        return startedGeneration == generation;
    }

    @Override
    public void check(long now) {
        long expired;
        synchronized (this) {
            if (deadline == 0 || now - deadline < 0) {
                return;
            }
            deadline = 0;
            expired = generation;
            Watchdog.unwatch(this);
        }
        Watchdog.act(() -> onExpiry.accept(expired));
    }
}
