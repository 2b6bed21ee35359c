package org.netdicom.core.dul;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * seconds long; a tick of slack does not matter.
 */
public final class Watchdog {

    /** Something with deadlines to enforce. */
    @FunctionalInterface
    public interface Watched {
        /** Called every tick with {@link System#nanoTime()}; acts on whatever is overdue. */
        void check(long now);
    }

    static final long TICK_MILLIS = 50;
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
