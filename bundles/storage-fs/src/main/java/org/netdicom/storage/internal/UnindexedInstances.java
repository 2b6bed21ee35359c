package org.netdicom.storage.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.netdicom.index.StoredInstance;

/**
 * Instances stored and acknowledged whose index row could not be written after the response: kept
 * for another try. Bounded, since each holds its attributes: beyond the capacity an instance is
 * left to the reconciliation (its file has no row, which the next one indexes).
 */
public final class UnindexedInstances {

    /**
     * An instance's row, and the identity of the file it describes (its inode where the file
     * system has one), so that a file stored again or removed since is not described by it.
     */
    public record Entry(StoredInstance row, Object fileKey) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    public UnindexedInstances(int capacity) {
        this.capacity = capacity;
    }

    /** False when full: the entry is not kept. */
    public synchronized boolean add(Entry entry) {
        if (entries.size() >= capacity) {
            return false;
        }
        entries.add(entry);
        return true;
    }

    /** Puts back entries taken but not indexed, ahead of any added since; beyond the capacity they are dropped. */
    public synchronized int putBack(List<Entry> untried) {
        int dropped = 0;
        for (int i = untried.size() - 1; i >= 0; i--) {
            if (entries.size() >= capacity) {
                dropped++;
            } else {
                entries.addFirst(untried.get(i));
            }
        }
        return dropped;
    }

    /** Takes every entry, oldest first. */
    public synchronized List<Entry> takeAll() {
        List<Entry> all = new ArrayList<>(entries);
        entries.clear();
        return all;
    }

    public synchronized int size() {
        return entries.size();
    }
}
