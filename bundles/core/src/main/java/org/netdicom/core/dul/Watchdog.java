package org.netdicom.core.dul;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One housekeeping thread for the whole JVM that enforces every timeout of the Upper Layer (ARTIM,
 * network idle, DIMSE response, TCP connect) by looking at deadlines every {@value #TICK_MILLIS} ms.
 *
 * <p>Why not socket read timeouts or a scheduled task per timer: a Java socket with a read timeout
 * turns non-blocking, and every read then costs three system calls (read, poll, read) instead of one
 * blocking read; a scheduled task per timer wakes a timer thread at every start and stop. Here,
 * starting and stopping a timeout only writes a field, sockets stay blocking, and a timeout that
 * fires closes or aborts the connection, which ends the blocked read. The timeouts are tens of
 * seconds long; a tick of slack does not matter. The watchdog thread itself only reads clocks and
 * closes sockets; whatever may block runs through {@link #act}.
 */
public final class Watchdog {

    /** Something with deadlines to enforce. */
    @FunctionalInterface
    public interface Watched {
        /** Called every tick with {@link System#nanoTime()}; acts on whatever is overdue. */
        void check(long now);
    }

    static final long TICK_MILLIS = 50;
    /** Where timeout actions that may block (sending an A-ABORT, taking a state lock) run. */
    private static final ExecutorService ACTIONS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "netdicom-timeout-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final Set<Watched> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile ScheduledExecutorService clock;

    private Watchdog() {
    }

    public static void watch(Watched watched) {
        if (clock == null) {
            start();
        }
        WATCHED.add(watched);
    }

    public static void unwatch(Watched watched) {
        WATCHED.remove(watched);
    }

    /**
     * Runs a timeout's action off the watchdog thread, which must never block: an action may wait
     * for a write that a peer who stopped reading holds up (until the write watchdog closes it).
     */
    public static Future<?> act(Runnable action) {
        return ACTIONS.submit(action);
    }

    private static synchronized void start() {
        if (clock == null) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "netdicom-watchdog");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleAtFixedRate(Watchdog::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            clock = executor;
        }
    }

    private static void tick() {
        long now = System.nanoTime();
        for (Watched watched : WATCHED) {
            try {
                watched.check(now);
            } catch (RuntimeException e) {
                // One connection's failure must not stop the clock for the others.
                LOG.warn("timeout handling failed for {}", watched, e);
            }
        }
    }
}
