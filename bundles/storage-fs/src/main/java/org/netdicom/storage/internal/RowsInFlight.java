package org.netdicom.storage.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The instances stored and acknowledged whose index row is about to be written (after their
 * response): a store of the same instance waits for that row before its duplicate check, which
 * would otherwise take a resend for a new instance. Not a lock: the row may be written by another
 * thread than the one that stored the file.
 */
public final class RowsInFlight {

    /** One row on its way; {@link #written} once it is (or failed). */
    public final class Row {
        private final String uid;
        private final CountDownLatch done = new CountDownLatch(1);

        private Row(String uid) {
            this.uid = uid;
        }

        public void written() {
            rows.remove(uid, this);
            done.countDown();
        }
    }

    private final ConcurrentHashMap<String, Row> rows = new ConcurrentHashMap<>();

    /** Marks the row of {@code sopInstanceUid} as on its way; call under the instance's lock. */
    public Row begin(String sopInstanceUid) {
        Row row = new Row(sopInstanceUid);
        rows.put(sopInstanceUid, row);
        return row;
    }

    /**
     * Waits until no row of {@code sopInstanceUid} is on its way, at most {@code max}.
     *
     * @return false if one still was after {@code max}
     */
    public boolean awaitWritten(String sopInstanceUid, Duration max) throws InterruptedException {
        Row row = rows.get(sopInstanceUid);
        return row == null || row.done.await(max.toNanos(), TimeUnit.NANOSECONDS);
    }
}
