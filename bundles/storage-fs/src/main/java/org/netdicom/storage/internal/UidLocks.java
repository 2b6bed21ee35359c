package org.netdicom.storage.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the work on one SOP Instance UID (look up, place the file, index it) between
 * associations and the reconciliation, with a fixed set of locks: two UIDs may share a lock, which
 * only makes one wait for the other.
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
