package org.netdicom.core.association;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the requests an association receives, in the order they arrived. Short ones (C-ECHO,
 * C-STORE, N-services) run on the thread that read them: no hand-off on the hot path. A long one
 * (C-FIND, C-GET, C-MOVE) runs on a worker, so that the reading thread goes on reading: it sees a
 * C-CANCEL at once and delivers the C-STORE responses of a C-GET's sub-operations. Requests that
 * arrive while a worker runs queue behind it (PS3.7 allows them only with an asynchronous
 * operations window; a peer that sends them anyway is served in order, never in parallel).
 */
final class RequestRunner {

    private static final ExecutorService WORKERS = workers();
    /**
     * Set on a thread whose inline request left it interrupted (a handler that restored the status
     * after an InterruptedException, as it should): the status is cleared at once, so that the
     * rest of the PDU it came in (another message's data set, written to a spool file whose
     * channel would close itself) is read as if nothing happened; a requestor's caller, whose
     * thread this may be, gets the status back when its call returns.
     */
    private static final ThreadLocal<Boolean> LEFT_INTERRUPTED = new ThreadLocal<>();

    private final Queue<Runnable> queued = new ArrayDeque<>();
    private boolean workerActive;

    /** Runs {@code request} now on this thread, or on a worker when {@code long} or while one is active. */
    void submit(Runnable request, boolean longRunning) {
        synchronized (this) {
            if (workerActive) {
                queued.add(request);
                return;
            }
            if (longRunning) {
                workerActive = true;
                WORKERS.execute(() -> drain(request));
                return;
            }
        }
        request.run();
        if (Thread.interrupted()) {
            LEFT_INTERRUPTED.set(Boolean.TRUE);
        }
    }

    /** Whether a request run inline on this thread left it interrupted since the last call (see above). */
    static boolean takeLeftInterrupted() {
        if (LEFT_INTERRUPTED.get() == null) {
            return false;
        }
        LEFT_INTERRUPTED.remove();
        return true;
    }

    private void drain(Runnable first) {
        Runnable next = first;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                // a service contains its handler's failures; anything else must not stop the queue
                org.slf4j.LoggerFactory.getLogger(RequestRunner.class).error("request failed", e);
            }
            Thread.interrupted(); // a handler's interrupt ends with its request: see UpperLayer.readUntilClosed
            synchronized (this) {
                next = queued.poll();
                if (next == null) {
                    workerActive = false;
                }
            }
        }
    }

    private static ExecutorService workers() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "netdicom-dimse-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
