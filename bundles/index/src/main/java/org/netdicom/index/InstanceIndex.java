package org.netdicom.index;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.netdicom.data.Dataset;

/**
 * The catalogue of stored instances. Every method is safe to call from many threads; a method that
 * changes the index has committed when it returns (so a C-STORE may be acknowledged after it).
 */
public interface InstanceIndex {

    /**
     * Records {@code instance}, replacing the record of the same SOP Instance UID if there is one
     * (its patient, study and series rows are created or updated from the instance's attributes).
     */
    void put(StoredInstance instance) throws IndexException;

    /** The record of the instance {@code sopInstanceUid}, if indexed. */
    Optional<StoredInstance> get(String sopInstanceUid) throws IndexException;

    /**
     * The path of the instance {@code sopInstanceUid}'s file (as {@link StoredInstance#path()}), if
     * indexed: what a store asks before every instance, so an implementation should answer it
     * without reading the rest of the record.
     */
    default Optional<String> pathOf(String sopInstanceUid) throws IndexException {
        return get(sopInstanceUid).map(StoredInstance::path);
    }

    /**
     * Removes the record of {@code sopInstanceUid} (and the series, study and patient rows left
     * without instances); false if there was none.
     */
    boolean remove(String sopInstanceUid) throws IndexException;

    /**
     * Matches {@code query} per PS3.4 C.2.2.2 (single value, universal, wildcard, range, list of
     * UIDs, sequence) and gives {@code sink} one response identifier per match, its return keys
     * filled from the index (keys the index does not keep come back empty), until the matches end
     * or {@code sink} returns false (C-CANCEL, or the requestor is gone).
     *
     * @throws IndexException if the index cannot be read, or the identifier cannot be matched
     *                        at its level (e.g. a missing unique key of a level above)
     */
    void find(Query query, Predicate<Dataset> sink) throws IndexException;

    /**
     * False if {@link #find} leaves some matching keys of {@code query} unmatched (a key of a level
     * below the query's, a binary value): the SCP then answers its matches with 0xFF01 (optional
     * keys not supported, PS3.4 C.4.1.1.4), and returns those keys empty.
     *
     * @throws IndexException if the identifier cannot be matched (as {@link #find} would)
     */
    default boolean matchesAllKeys(Query query) throws IndexException {
        return true;
    }

    /**
     * The instances under every entity {@code query} selects, for a C-GET or C-MOVE (PS3.4
     * C.4.2.2 and C.4.3.2: unique keys at and above the level, or matching at lower levels).
     */
    List<StoredInstance> instances(Query query) throws IndexException;

    /** Each indexed instance, in no particular order; for reconciling the index with the files. */
    void forEach(Consumer<StoredInstance> action) throws IndexException;

    /** How many instances are indexed. */
    long count() throws IndexException;
}
