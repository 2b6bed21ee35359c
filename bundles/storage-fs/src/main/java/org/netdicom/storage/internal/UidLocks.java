package org.netdicom.storage.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises work on one key (the path a pattern gives, while a store finds it free and places its
 * file there) with a fixed set of locks: two keys may share a lock, which only makes one wait for
 * the other. Work on one instance, which may go on after the response on another thread, is
 * serialised by {@link InstanceClaims}.
 */
public final class UidLocks {

    private final ReentrantLock[] locks;

    public UidLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The lock of {@code uid}; lock and unlock it in try/finally. */
    public ReentrantLock of(String uid) {
        return locks[Math.floorMod(uid.hashCode(), locks.length)];
    }
}
