package org.netdicom.index.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.netdicom.data.Dataset;
import org.netdicom.index.IndexException;
import org.netdicom.index.InvalidQueryException;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.StoredInstance;
import org.netdicom.index.jdbc.JdbcIndex;

/**
 * The index in a relational database reached through JDBC (H2 embedded by default, PostgreSQL for
 * several nodes): tables of {@link Schema}, written by {@link IndexWriter}, queried by an SQL
 * selection ({@link SqlSelection}) whose rows are read as they come (fetch size
 * {@value #FETCH_SIZE}) and checked against every key in Java ({@link CompiledQuery}).
 */
public final class JdbcInstanceIndex implements JdbcIndex {

    static final int FETCH_SIZE = 200;

    private final Transactions transactions;
    private final IndexWriter writer;

    private JdbcInstanceIndex(ConnectionPool pool) {
        this.transactions = new Transactions(pool);
        this.writer = new IndexWriter(transactions);
    }

    /** Opens the index in {@code dataSource}, creating its tables if they are missing. */
    public static JdbcInstanceIndex open(DataSource dataSource, int maxIdleConnections) throws IndexException {
        ConnectionPool pool = new ConnectionPool(dataSource, maxIdleConnections);
        Connection c = null;
        boolean broken = false;
        try {
            c = pool.take();
            Schema.create(c);
        } catch (SQLException e) {
            broken = true;
            pool.close();
            throw new IndexException("cannot create the index tables: " + Transactions.describe(e), e);
        } finally {
            pool.give(c, broken);
        }
        return new JdbcInstanceIndex(pool);
    }

    @Override
    public void put(StoredInstance instance) throws IndexException {
        writer.put(instance);
    }

    /** How many instances {@code put} indexed by its shortcut for a series it knew: for tests. */
    long shortcutsTaken() {
        return writer.shortcutsTaken();
    }

    @Override
    public boolean remove(String sopInstanceUid) throws IndexException {
        return writer.remove(sopInstanceUid);
    }

    @Override
    public Optional<StoredInstance> get(String sopInstanceUid) throws IndexException {
        List<StoredInstance> found = new ArrayList<>(1);
        scan(QueryLevel.IMAGE, List.of(new KeyMatch.UidList(Keys.SOP_INSTANCE_UID, java.util.Set.of(sopInstanceUid))), false,
                (row, attributes) -> {
                    found.add(EntityRow.instance(row, attributes));
                    return false;
                });
        return found.stream().findFirst();
    }

    /** One indexed column of one table: the duplicate check of every store, without the query machinery. */
    @Override
    public Optional<String> pathOf(String sopInstanceUid) throws IndexException {
        return transactions.read("looking up " + sopInstanceUid, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT path FROM dicom_instance WHERE sop_uid = ?")) {
                s.setString(1, sopInstanceUid);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean matchesAllKeys(Query query) throws IndexException {
        return CompiledQuery.compile(query).allKeysSupported();
    }

    @Override
    public void find(Query query, Predicate<Dataset> sink) throws IndexException {
        CompiledQuery compiled = CompiledQuery.compile(query);
        boolean instanceCounts = query.identifier().contains(Keys.NUMBER_OF_PATIENT_RELATED_INSTANCES)
                || query.identifier().contains(Keys.NUMBER_OF_STUDY_RELATED_INSTANCES);
        scan(query.level(), compiled.keys(), instanceCounts, (row, attributes) ->
                !compiled.matches(attributes) || sink.test(ResponseIdentifier.of(compiled, attributes)));
    }

    @Override
    public List<StoredInstance> instances(Query query) throws IndexException {
        CompiledQuery compiled = CompiledQuery.compile(query);
        if (compiled.keys().isEmpty()) {
            throw new InvalidQueryException("a retrieve without any key would send the whole archive: "
                    + "name the entities with their unique keys (PS3.4 C.4.2.2.1)");
        }
        List<StoredInstance> instances = new ArrayList<>();
        scan(QueryLevel.IMAGE, compiled.keys(), false, (row, attributes) -> {
            if (compiled.matches(attributes)) {
                instances.add(EntityRow.instance(row, attributes));
            }
            return true;
        });
        return instances;
    }

    @Override
    public void forEach(Consumer<StoredInstance> action) throws IndexException {
        scan(QueryLevel.IMAGE, List.of(), false, (row, attributes) -> {
            action.accept(EntityRow.instance(row, attributes));
            return true;
        });
    }

    @Override
    public long count() throws IndexException {
        return transactions.run("counting instances", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM dicom_instance");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        transactions.pool().close();
    }

    /** What to do with each selected row; false stops the scan. */
    @FunctionalInterface
    private interface RowAction {
        boolean accept(ResultSet row, Dataset attributes) throws SQLException;
    }

    /**
     * Streams the rows of {@code level} that the SQL part of {@code keys} selects, with the numbers
     * of instances of their patient and study if {@code instanceCounts} (a query that names them). A
     * transaction (auto-commit off) lets PostgreSQL use a cursor, so the rows arrive
     * {@value #FETCH_SIZE} at a time; stopping closes the result set at once.
     */
    private void scan(QueryLevel level, List<KeyMatch> keys, boolean instanceCounts, RowAction action)
            throws IndexException {
        SqlSelection selection = SqlSelection.of(level, keys, instanceCounts);
        transactions.runOnce("query", c -> {
            try (PreparedStatement s = c.prepareStatement(selection.sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(FETCH_SIZE);
                IndexWriter.bind(s, selection.parameters.toArray());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (!action.accept(r, EntityRow.attributes(r, level, instanceCounts))) {
                            break;
                        }
                    }
                }
            }
            return null;
        });
    }
}
