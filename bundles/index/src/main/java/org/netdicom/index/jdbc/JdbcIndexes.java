package org.netdicom.index.jdbc;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.netdicom.index.IndexException;
import org.netdicom.index.internal.JdbcInstanceIndex;

/**
 * Opens the index outside OSGi (tools, tests): over any {@link DataSource}, a JDBC URL whose driver
 * is on the class path, or an embedded H2 database in a folder. The tables are created if missing.
 * In the container the index bundle registers the index as a service instead (configuration PID
 * {@code org.netdicom.index}).
 */
public final class JdbcIndexes {

    /** Connections kept open between operations. */
    public static final int DEFAULT_IDLE_CONNECTIONS = 8;

    private JdbcIndexes() {
    }

    public static JdbcIndex open(DataSource dataSource) throws IndexException {
        return JdbcInstanceIndex.open(dataSource, DEFAULT_IDLE_CONNECTIONS);
    }

    /** The index at {@code url} ({@code jdbc:h2:...}, {@code jdbc:postgresql://...}), driver from the class path. */
    public static JdbcIndex open(String url, String user, String password) throws IndexException {
        return open(new DriverManagerDataSource(url, user, password));
    }

    /** An embedded H2 database in {@code directory} (files {@code index.*.db}); H2 must be on the class path. */
    public static JdbcIndex h2(Path directory) throws IndexException {
        return open(h2Url(directory), "sa", "");
    }

    /**
     * The H2 URL of an index in {@code directory}: a lock timeout long enough for many concurrent
     * writers of one study, and no shutdown hook (the index closes it).
     */
    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("index").toString().replace('\\', '/')
                + ";LOCK_TIMEOUT=30000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
    }

    /** A data source without pooling over {@link DriverManager}. */
    private record DriverManagerDataSource(String url, String user, String password) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
