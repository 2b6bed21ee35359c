package org.netdicom.core.dul;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The Association Request/Reject/Release Timer (PS3.8 9.1.5). Each start gets a new generation
 * number, handed to the expiry callback; the state machine acts on an expiry only while
 * {@link #isCurrent} holds, so a late expiry of a stopped or restarted timer is harmless.
 */
final class ArtimTimer {

    private final ScheduledExecutorService scheduler;
    private final long timeoutNanos;
    private final LongConsumer onExpiry;
    private ScheduledFuture<?> pending;
    private long generation;

    ArtimTimer(ScheduledExecutorService scheduler, Duration timeout, LongConsumer onExpiry) {
        this.scheduler = scheduler;
        this.timeoutNanos = timeout.toNanos();
        this.onExpiry = onExpiry;
    }

    /** Starts the timer, or restarts it if it is running. */
    synchronized void start() {
        stop();
        long started = generation;
        pending = scheduler.schedule(() -> onExpiry.accept(started), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    synchronized void stop() {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Whether an expiry of the timer started as {@code startedGeneration} still counts. */
    synchronized boolean isCurrent(long startedGeneration) {
        return pending != null && startedGeneration == generation;
    }
}
