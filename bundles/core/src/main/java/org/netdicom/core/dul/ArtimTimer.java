package org.netdicom.core.dul;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The Association Request/Reject/Release Timer (PS3.8 9.1.5). Starting and stopping it only writes
 * a deadline: one housekeeping thread for the whole JVM looks at the running timers every
 * {@value #TICK_MILLIS} ms, so an association costs no timer-thread wake-ups (the ARTIM runs for
 * tens of seconds; a tick of slack does not matter). Each start gets a new generation number,
 * handed to the expiry callback; the state machine acts on an expiry only while {@link #isCurrent}
 * holds, so a late expiry of a stopped or restarted timer is harmless.
 */
final class ArtimTimer {

    static final long TICK_MILLIS = 50;
    private static final Set<ArtimTimer> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile ScheduledExecutorService clock;

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
        watch(this);
    }

    synchronized void stop() {
        generation++;
        deadline = 0;
        RUNNING.remove(this);
    }

    /** Whether an expiry of the timer started as {@code startedGeneration} still counts. */
    synchronized boolean isCurrent(long startedGeneration) {
        return startedGeneration == generation;
    }

    private void expireIfDue(long now) {
        long expired;
        synchronized (this) {
            if (deadline == 0 || now - deadline < 0) {
                return;
            }
            deadline = 0;
            expired = generation;
            RUNNING.remove(this);
        }
        onExpiry.accept(expired);
    }

    private static void watch(ArtimTimer timer) {
        if (clock == null) {
            startClock();
        }
        RUNNING.add(timer);
    }

    private static synchronized void startClock() {
        if (clock == null) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "netdicom-artim");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleAtFixedRate(ArtimTimer::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            clock = executor;
        }
    }

    private static void tick() {
        long now = System.nanoTime();
        for (ArtimTimer timer : RUNNING) {
            try {
                timer.expireIfDue(now);
            } catch (RuntimeException e) {
                // One association's failure must not stop the clock for the others.
                org.slf4j.LoggerFactory.getLogger(ArtimTimer.class).warn("ARTIM expiry failed", e);
            }
        }
    }
}
