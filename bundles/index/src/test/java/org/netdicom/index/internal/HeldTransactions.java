package org.netdicom.index.internal;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.index.internal.Archive.instance;
import static org.netdicom.index.internal.Archive.stored;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.QueryModel;
import org.netdicom.index.jdbc.JdbcIndex;

/**
 * Races with another writer's transaction held open in SQL, on H2 and PostgreSQL alike: the
 * database tells when the index waits for a row that transaction holds.
 *
 * @param sessionId  SQL for the session's own ID ({@code pg_backend_pid()}, {@code SESSION_ID()})
 * @param blockedBy  SQL counting the sessions that the session {@code ?} blocks
 */
record HeldTransactions(String sessionId, String blockedBy) {

    static final HeldTransactions POSTGRESQL = new HeldTransactions("pg_backend_pid()",
            "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))");
    static final HeldTransactions H2 = new HeldTransactions("SESSION_ID()",
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?");

    /**
     * A correction ({@code nodeB}) moves 8.8.1.1 out of series 8.8.1 while {@code other}, not yet
     * committed, stores 8.8.1.9 into it as the index does: once both are done the series counts
     * 8.8.1.2 and 8.8.1.9. The other commits once the correction waits for the row it holds.
     */
    void correctionCountsWhatAnotherStoredMeanwhile(JdbcIndex nodeA, JdbcIndex nodeB, Connection other,
            Connection watcher) throws Exception {
        try {
            nodeA.put(stored(instance("P8", "Moe^Ved", "8.8", 1, 1, "CT")));
            nodeA.put(stored(instance("P8", "Moe^Ved", "8.8", 1, 2, "CT")));
            int otherSession = storeIntoSeriesAndHold(other);
            Dataset corrected = instance("P8", "Moe^Ved", "8.8", 2, 1, "CT");
            corrected.setString(Tag.SOP_INSTANCE_UID, VR.UI, "8.8.1.1");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> correction = pool.submit(() -> {
                    nodeB.put(stored(corrected)); // 8.8.1.1 into series 8.8.2
                    return null;
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (blocked(watcher, otherSession) == 0) { // the correction reached a row the other holds
                    assertTrue(System.nanoTime() < deadline, "the correction never waited for the series row");
                    assertFalse(correction.isDone(), "the correction did not wait for the series row");
                    Thread.sleep(5); // a condition polled, with its deadline
                }
                other.commit();
                correction.get(20, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertEquals("2", instancesOfSeries(nodeA, "8.8.1"), "8.8.1.2 and the other's 8.8.1.9");
            assertEquals("1", instancesOfSeries(nodeA, "8.8.2"), "8.8.1.1, moved");
        } finally {
            other.rollback(); // if it is still open: nothing of it stays
            for (String uid : List.of("8.8.1.1", "8.8.1.2", "8.8.1.9")) {
                nodeA.remove(uid); // a test may count the database's rows
            }
        }
    }

    /** Stores 8.8.1.9 into series 8.8.1 on {@code other}, uncommitted; returns its session's ID. */
    private int storeIntoSeriesAndHold(Connection other) throws Exception {
        other.setAutoCommit(false);
        long series;
        int session;
        try (Statement s = other.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT pk, " + sessionId + " FROM dicom_series WHERE series_uid = '8.8.1'")) {
                assertTrue(r.next());
                series = r.getLong(1);
                session = r.getInt(2);
            }
            s.executeUpdate("INSERT INTO dicom_instance (series_fk, sop_uid, sop_class, path, file_size, "
                    + "transfer_syntax, received) VALUES (" + series + ", '8.8.1.9', '1.2', 'P8/8.8.1.9.dcm', 1, "
                    + "'1.2.840.10008.1.2', CURRENT_TIMESTAMP)");
            s.executeUpdate("UPDATE dicom_series SET num_instances = num_instances + 1 WHERE pk = " + series);
        }
        return session;
    }

    private int blocked(Connection watcher, int session) throws Exception {
        try (PreparedStatement s = watcher.prepareStatement(blockedBy)) {
            s.setInt(1, session);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    static String instancesOfSeries(JdbcIndex index, String seriesUid) throws Exception {
        Dataset keys = new Dataset();
        keys.setString("SeriesInstanceUID", seriesUid);
        keys.setString("NumberOfSeriesRelatedInstances", "");
        List<Dataset> found = new ArrayList<>();
        index.find(new Query(QueryModel.STUDY_ROOT, QueryLevel.SERIES, keys), found::add);
        assertEquals(1, found.size());
        return found.get(0).getString("NumberOfSeriesRelatedInstances");
    }
}
