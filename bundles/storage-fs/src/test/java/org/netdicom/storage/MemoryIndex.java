package org.netdicom.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.netdicom.data.Dataset;
import org.netdicom.index.IndexException;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.Query;
import org.netdicom.index.StoredInstance;

/**
 * An {@link InstanceIndex} in a map, for the storage tests: records what the store puts, and can be
 * told to fail. Queries are the Query/Retrieve plugin's business and are not answered here.
 */
public final class MemoryIndex implements InstanceIndex {

    private final Map<String, StoredInstance> rows = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private volatile boolean failingPuts;
    private volatile boolean brokenPuts;

    /** From now on every call fails with an {@link IndexException} (a database that went away), or not. */
    public MemoryIndex failing(boolean fail) {
        this.failing = fail;
        return this;
    }

    /** From now on {@link #put} fails (a database whose disk is full), reads still work; or not. */
    public MemoryIndex failingPuts(boolean fail) {
        this.failingPuts = fail;
        return this;
    }

    /** From now on {@link #put} throws an unchecked exception (a bug in an index implementation). */
    public MemoryIndex brokenPuts(boolean broken) {
        this.brokenPuts = broken;
        return this;
    }

    /** Runs {@code action} with each instance {@link #put} is given, before anything else (another node at work). */
    public MemoryIndex beforePut(Consumer<StoredInstance> action) {
        this.beforePut = action;
        return this;
    }

    private volatile Consumer<StoredInstance> beforePut = instance -> { };

    public Map<String, StoredInstance> rows() {
        return Map.copyOf(rows);
    }

    private void check() throws IndexException {
        if (failing) {
            throw new IndexException("index down (test)");
        }
    }

    @Override
    public void put(StoredInstance instance) throws IndexException {
        beforePut.accept(instance);
        check();
        if (brokenPuts) {
            throw new IllegalStateException("index bug (test)");
        }
        if (failingPuts) {
            throw new IndexException("disk of the database full (test)");
        }
        rows.put(instance.sopInstanceUid(), instance);
        synchronized (this) {
            notifyAll(); // awaitRows
        }
    }

    /** Waits until the index holds at least {@code n} rows, at most {@code timeout}; whether it does. */
    public synchronized boolean awaitRows(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (rows.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public Optional<StoredInstance> get(String sopInstanceUid) throws IndexException {
        check();
        return Optional.ofNullable(rows.get(sopInstanceUid));
    }

    @Override
    public boolean remove(String sopInstanceUid) throws IndexException {
        check();
        return rows.remove(sopInstanceUid) != null;
    }

    @Override
    public void find(Query query, Predicate<Dataset> sink) {
        throw new UnsupportedOperationException("not in the storage tests");
    }

    @Override
    public List<StoredInstance> instances(Query query) {
        throw new UnsupportedOperationException("not in the storage tests");
    }

    @Override
    public void forEach(Consumer<StoredInstance> action) throws IndexException {
        check();
        rows.values().forEach(action);
    }

    @Override
    public long count() throws IndexException {
        check();
        return rows.size();
    }
}
