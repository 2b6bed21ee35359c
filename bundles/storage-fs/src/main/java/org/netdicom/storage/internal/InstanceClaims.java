package org.netdicom.storage.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Who works on an instance (a SOP Instance UID) now: a store, from its duplicate check until its
 * index row is written, which may be after the response; a retry of a row; the reconciliation.
 * One at a time per instance. Unlike a lock, a claim may be let go by another thread than the one
 * that took it: the row after the response is written where the engine runs it.
 */
public final class InstanceClaims {

    /** One claim on an instance, let go once ({@link #close}). */
    public final class Claim implements AutoCloseable {
        private final String uid;
        private final CountDownLatch done = new CountDownLatch(1);

        private Claim(String uid) {
            this.uid = uid;
        }

        /** Lets the instance go; again: nothing. */
        @Override
        public void close() {
            claims.remove(uid, this);
            done.countDown();
        }
    }

    private final ConcurrentHashMap<String, Claim> claims = new ConcurrentHashMap<>();

    /** Claims {@code sopInstanceUid} once nobody else has it, waiting as long as it takes. */
    public Claim claim(String sopInstanceUid) throws InterruptedException {
        Claim mine = new Claim(sopInstanceUid);
        while (true) {
            Claim other = claims.putIfAbsent(sopInstanceUid, mine);
            if (other == null) {
                return mine;
            }
            other.done.await();
        }
    }

    /** As {@link #claim(String)}, giving up after {@code max}: null then. */
    public Claim claim(String sopInstanceUid, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        Claim mine = new Claim(sopInstanceUid);
        while (true) {
            Claim other = claims.putIfAbsent(sopInstanceUid, mine);
            if (other == null) {
                return mine;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !other.done.await(left, TimeUnit.NANOSECONDS)) {
                return null;
            }
        }
    }
}
