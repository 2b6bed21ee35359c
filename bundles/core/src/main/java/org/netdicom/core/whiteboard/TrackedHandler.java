package org.netdicom.core.whiteboard;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.event.Lease;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * One {@code DicomEventHandler} service as the whiteboard sees it: its properties (or why they are
 * invalid), the service object, the leases of the operations running on it, and the queue that
 * delivers its notification events on a thread of its own.
 */
final class TrackedHandler implements Lease, Comparable<TrackedHandler> {

    /** Notification events a handler may have waiting before new ones are dropped (and counted). */
    static final int NOTIFICATION_QUEUE = 10_000;

    final ServiceReference<DicomEventHandler> reference;
    final long serviceId;
    /** Null while the service object cannot be obtained (see {@link #unobtainable}). */
    volatile DicomEventHandler handler;
    /** Null when {@link #failure} says why this handler cannot be used. */
    volatile HandlerProperties properties;
    volatile String failure;
    private volatile String unobtainable;
    private final AtomicLong droppedNotifications = new AtomicLong();
    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile String lastError;
    private volatile long lastErrorAt;
    private ThreadPoolExecutor notifications;
    private int leases;
    private boolean retired;

    TrackedHandler(ServiceReference<DicomEventHandler> reference, DicomEventHandler handler) {
        this.reference = reference;
        this.serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        this.handler = handler;
    }

    /** Marks a service whose object the framework would not give (its component failed to activate?). */
    void unobtainable(String reason) {
        handler = null;
        unobtainable = reason;
        refresh();
    }

    /** The service object, obtained late (a retry after a modification). */
    void obtained(DicomEventHandler h) {
        handler = h;
        unobtainable = null;
        refresh();
    }

    /** Reads the properties again (at registration and on each modification). */
    void refresh() {
        if (handler == null) {
            properties = null;
            failure = unobtainable;
            return;
        }
        try {
            properties = HandlerProperties.of(reference, handler);
            failure = null;
        } catch (HandlerProperties.InvalidException e) {
            properties = null;
            failure = e.getMessage();
        }
    }

    boolean isValid() {
        return properties != null;
    }

    int ranking() {
        HandlerProperties p = properties;
        return p == null ? 0 : p.ranking();
    }

    /** Better first: higher ranking, then lower service id (as {@code ServiceReference.compareTo}, reversed). */
    @Override
    public int compareTo(TrackedHandler other) {
        int byRanking = Integer.compare(other.ranking(), ranking());
        return byRanking != 0 ? byRanking : Long.compare(serviceId, other.serviceId);
    }

    @Override
    public synchronized boolean acquire() {
        if (retired) {
            return false;
        }
        leases++;
        return true;
    }

    @Override
    public void called() {
        calls.increment();
    }

    @Override
    public void failed(Throwable e) {
        errors.increment();
        lastError = e.toString();
        lastErrorAt = System.currentTimeMillis();
    }

    long calls() {
        return calls.sum();
    }

    long errors() {
        return errors.sum();
    }

    String lastError() {
        return lastError;
    }

    long lastErrorAt() {
        return lastErrorAt;
    }

    @Override
    public synchronized void release() {
        leases--;
        if (leases == 0) {
            notifyAll();
        }
    }

    synchronized int activeLeases() {
        return leases;
    }

    /**
     * Stops new leases and waits (at most {@code timeoutMillis}) for the running operations to
     * finish; true if they all did.
     */
    synchronized boolean retire(long timeoutMillis) throws InterruptedException {
        retired = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (leases > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The executor of this handler's notification events: one thread, a bounded queue, drop when full. */
    synchronized Executor notificationExecutor() {
        if (notifications == null) {
            notifications = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(NOTIFICATION_QUEUE), r -> {
                        Thread t = new Thread(r, "netdicom-handler-" + serviceId);
                        t.setDaemon(true);
                        return t;
                    }, (r, executor) -> droppedNotifications.incrementAndGet());
            notifications.allowCoreThreadTimeOut(true);
        }
        ThreadPoolExecutor executor = notifications;
        return command -> {
            try {
                executor.execute(command);
            } catch (RejectedExecutionException e) {
                droppedNotifications.incrementAndGet();
            }
        };
    }

    long droppedNotifications() {
        return droppedNotifications.get();
    }

    /** Notification events waiting for this handler's thread. */
    synchronized int queuedNotifications() {
        return notifications == null ? 0 : notifications.getQueue().size();
    }

    /** Lets queued notifications finish (bounded), then stops the thread. */
    synchronized void stopNotifications(long timeoutMillis) throws InterruptedException {
        if (notifications != null) {
            notifications.shutdown();
            notifications.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
            notifications.shutdownNow();
        }
    }

    /** For logs and the runtime report: {@code service 42 (bundle org.example.store, ranking 10)}. */
    String describe() {
        return "service " + serviceId + " (bundle " + reference.getBundle().getSymbolicName() + ", ranking " + ranking() + ")";
    }
}
