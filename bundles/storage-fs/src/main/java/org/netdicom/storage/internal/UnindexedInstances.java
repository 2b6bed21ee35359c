package org.netdicom.storage.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.netdicom.index.StoredInstance;

/**
 * Instances stored and acknowledged whose index row could not be written after the response, by
 * SOP Instance UID, oldest first: kept for another try, and for the duplicate check, which must
 * see them as stored. Bounded, since each holds its attributes: beyond the capacity an instance is
 * left to the reconciliation (its file has no row, which the next one indexes).
 */
public final class UnindexedInstances {

    /**
     * An instance's row, the identity of the file it describes (its inode where the file system
     * has one, else null), so that a file stored again or removed since is not described by it,
     * and how many tries failed while others succeeded.
     */
    public record Entry(StoredInstance row, Object fileKey, int failedTries) {

        public Entry(StoredInstance row, Object fileKey) {
            this(row, fileKey, 0);
        }

        String uid() {
            return row.sopInstanceUid();
        }
    }

    private final int capacity;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public UnindexedInstances(int capacity) {
        this.capacity = capacity;
    }

    /** False when full: the entry is not kept. An entry of the same instance is replaced. */
    public synchronized boolean add(Entry entry) {
        if (entries.size() >= capacity && !entries.containsKey(entry.uid())) {
            return false;
        }
        entries.remove(entry.uid());
        entries.put(entry.uid(), entry);
        return true;
    }

    /** Every entry, oldest first; they stay until {@link #remove}d. */
    public synchronized List<Entry> snapshot() {
        return new ArrayList<>(entries.values());
    }

    /** Removes {@code entry} if it is still its instance's (not replaced by a later one). */
    public synchronized void remove(Entry entry) {
        entries.remove(entry.uid(), entry);
    }

    /** Puts {@code updated} in the place of {@code entry} if that is still its instance's. */
    public synchronized void update(Entry entry, Entry updated) {
        entries.replace(entry.uid(), entry, updated);
    }

    /** The path of the file of an instance waiting here. */
    public synchronized Optional<String> pathOf(String sopInstanceUid) {
        Entry entry = entries.isEmpty() ? null : entries.get(sopInstanceUid);
        return entry == null ? Optional.empty() : Optional.of(entry.row().path());
    }

    public synchronized int size() {
        return entries.size();
    }
}
