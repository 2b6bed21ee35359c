package org.netdicom.index.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.sql.DataSource;

/**
 * Keeps up to {@code maxIdle} connections of a {@link DataSource} open between uses (an embedded
 * H2 database would otherwise close with its last connection, and a PostgreSQL connection costs a
 * round trip or more to open). There is no upper bound on connections in use: the DICOM server
 * bounds the number of associations, hence of concurrent index operations.
 */
final class ConnectionPool implements AutoCloseable {

    private final DataSource dataSource;
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(DataSource dataSource, int maxIdle) {
        this.dataSource = dataSource;
        this.maxIdle = maxIdle;
    }

    /** An open connection in auto-commit mode. */
    Connection take() throws SQLException {
        while (true) {
            Connection c;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the index is closed");
                }
                c = idle.pollFirst();
            }
            if (c == null) {
                return StatementCache.wrap(dataSource.getConnection());
            }
            if (!c.isClosed()) {
                return c;
            }
        }
    }

    /** Gives back {@code c}; {@code broken} (it failed in a way that may have left it unusable) closes it. */
    void give(Connection c, boolean broken) {
        if (c == null) {
            return;
        }
        if (!broken) {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                synchronized (this) {
                    if (!closed && idle.size() < maxIdle) {
                        idle.addFirst(c);
                        return;
                    }
                }
            } catch (SQLException e) {
                // closed below
            }
        }
        closeQuietly(c);
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(ConnectionPool::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing more to do
        }
    }
}
