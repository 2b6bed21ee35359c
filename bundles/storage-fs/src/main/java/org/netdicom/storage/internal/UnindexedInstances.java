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
    private Map<String, Entry> entries = new LinkedHashMap<>();

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

    /**
     * Puts back entries taken but not indexed, ahead of any added since (those win for the same
     * instance); beyond the capacity the oldest are dropped.
     *
     * @return how many were dropped
     */
    public synchronized int putBack(List<Entry> untried) {
        List<Entry> back = untried.stream().filter(entry -> !entries.containsKey(entry.uid())).toList();
        int dropped = Math.max(0, back.size() - Math.max(0, capacity - entries.size()));
        Map<String, Entry> merged = new LinkedHashMap<>();
        back.subList(dropped, back.size()).forEach(entry -> merged.put(entry.uid(), entry));
        merged.putAll(entries);
        entries = merged;
        return dropped;
    }

    /** Takes every entry, oldest first. */
    public synchronized List<Entry> takeAll() {
        List<Entry> all = new ArrayList<>(entries.values());
        entries.clear();
        return all;
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
