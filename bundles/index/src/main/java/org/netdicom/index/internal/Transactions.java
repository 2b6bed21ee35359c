package org.netdicom.index.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.netdicom.index.IndexException;

/**
 * Runs units of work in transactions over the pool. A transaction that lost a race (a unique key
 * another thread or node inserted meanwhile, a deadlock, a lock wait that timed out, a
 * serialization failure) is rolled back and run again: {@code put} of instances of one new study
 * from many associations, or from several nodes sharing one PostgreSQL database, all succeed.
 */
final class Transactions {

    /** Work on a connection in a transaction; committed when it returns. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, IndexException;
    }

    static final int MAX_ATTEMPTS = 20;

    private final ConnectionPool pool;

    Transactions(ConnectionPool pool) {
        this.pool = pool;
    }

    ConnectionPool pool() {
        return pool;
    }

    <T> T run(String what, Work<T> work) throws IndexException {
        return run(what, work, MAX_ATTEMPTS);
    }

    /** As {@link #run}, never again: for work that has handed out results before it failed. */
    <T> T runOnce(String what, Work<T> work) throws IndexException {
        return run(what, work, 1);
    }

    /**
     * Runs one statement that only reads, in auto-commit mode: no transaction to begin and commit
     * around it (on PostgreSQL over a network, one round trip instead of two).
     */
    <T> T read(String what, Work<T> work) throws IndexException {
        for (int attempt = 1; ; attempt++) {
            Connection c = null;
            boolean broken = false;
            try {
                c = pool.take();
                return work.run(c);
            } catch (SQLException e) {
                broken = true;
                if (isConnectionLost(e) && attempt < MAX_ATTEMPTS) {
                    continue;
                }
                throw new IndexException(what + " failed: " + describe(e), e);
            } finally {
                pool.give(c, broken);
            }
        }
    }

    private <T> T run(String what, Work<T> work, int maxAttempts) throws IndexException {
        for (int attempt = 1; ; attempt++) {
            Connection c = null;
            boolean broken = false;
            try {
                c = pool.take();
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                broken = !rollback(c);
                if (isRetryable(e) && attempt < maxAttempts) {
                    continue;
                }
                throw new IndexException(what + " failed: " + describe(e), e);
            } catch (IndexException | RuntimeException e) {
                broken = !rollback(c);
                throw e;
            } finally {
                pool.give(c, broken);
            }
        }
    }

    private static boolean rollback(Connection c) {
        if (c == null) {
            return true;
        }
        try {
            c.rollback();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Unique violation (23505), serialization failure or deadlock (class 40), lock timeout (H2
     * HYT00, 50200; PostgreSQL 55P03), H2's concurrent update (90131), and a lost connection.
     */
    static boolean isRetryable(SQLException e) {
        if (isConnectionLost(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                int code = s.getErrorCode();
                if (state != null && (state.equals("23505") || state.startsWith("40") || state.equals("HYT00")
                        || state.equals("55P03"))) {
                    return true;
                }
                if (code == 50200 || code == 90131 || code == 40001) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The connection is gone, not the statement wrong: connection exceptions (SQLState class 08)
     * and a server shut down or restarting (PostgreSQL 57P01-57P03). A database that restarted
     * leaves every pooled connection dead; each failed use closes one, and the work is run again on
     * the next, or a new one. Work that may have committed before its connection broke is run
     * again, which a {@code put} or {@code remove} of the same instance tolerates.
     */
    static boolean isConnectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    static String describe(SQLException e) {
        return e.getMessage() + (e.getSQLState() != null ? " (SQLState " + e.getSQLState() + ")" : "");
    }
}
