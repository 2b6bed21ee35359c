package org.netdicom.index.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A pooled connection that keeps its prepared statements: closing one makes it ready for the next
 * {@code prepareStatement} of the same SQL on this connection instead of closing it. Every put and
 * get of the index prepares the same few statements; H2 parsed and planned each of them again at
 * every call (a {@code SELECT ... FOR UPDATE} is never in its query cache), which was a third of
 * the archive's CPU per stored instance (JFR, bench/archive-bench.sh). PostgreSQL's driver, too,
 * switches to server-side prepared statements only for a statement object used several times.
 * At most {@link #CAPACITY} statements are kept per connection (queries with their own SQL text
 * come and go); all are closed with the connection.
 */
final class StatementCache implements InvocationHandler {

    static final int CAPACITY = 32;

    private final Connection connection;
    /** By SQL and preparation arguments, least recently used first. */
    private final LinkedHashMap<List<Object>, Entry> statements = new LinkedHashMap<>(16, 0.75f, true);

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** {@code connection}, keeping its prepared statements between uses. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(connection));
    }

    /** The number of statements kept for {@code wrapped} (a connection from {@link #wrap}). */
    static int size(Connection wrapped) {
        StatementCache cache = (StatementCache) Proxy.getInvocationHandler(wrapped);
        synchronized (cache) {
            return cache.statements.size();
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement")) {
            return prepare(method, args);
        }
        if (name.equals("close")) {
            closeAll();
        }
        if (name.equals("unwrap") && args[0] == Connection.class) {
            return connection;
        }
        return call(connection, method, args);
    }

    private synchronized Object prepare(Method method, Object[] args) throws Throwable {
        List<Object> key = Arrays.asList(keyOf(args));
        Entry entry = statements.get(key);
        if (entry == null || entry.inUse) {
            PreparedStatement statement = (PreparedStatement) call(connection, method, args);
            if (entry != null) {
                return statement; // the same SQL again while the first is open: one of its own
            }
            entry = new Entry(statement);
            statements.put(key, entry);
            evict();
        }
        entry.inUse = true;
        return entry.handle;
    }

    /** The arguments as a key; a String[] of generated key columns compared by content. */
    private static Object[] keyOf(Object[] args) {
        Object[] key = args.clone();
        for (int i = 0; i < key.length; i++) {
            if (key[i] instanceof Object[] array) {
                key[i] = Arrays.asList(array);
            } else if (key[i] instanceof int[] array) {
                key[i] = Arrays.toString(array);
            }
        }
        return key;
    }

    private void evict() {
        Iterator<Entry> eldest = statements.values().iterator();
        while (statements.size() > CAPACITY && eldest.hasNext()) {
            Entry entry = eldest.next();
            if (!entry.inUse) {
                eldest.remove();
                closeQuietly(entry.statement);
            }
        }
    }

    private synchronized void closeAll() {
        for (Entry entry : statements.values()) {
            closeQuietly(entry.statement);
        }
        statements.clear();
    }

    private synchronized void release(Entry entry) throws SQLException {
        entry.inUse = false;
        try {
            entry.statement.clearParameters();
        } catch (SQLException e) {
            statements.values().remove(entry);
            closeQuietly(entry.statement);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // the connection goes too; nothing to keep
        }
    }

    /** A kept statement, and the handle whose {@code close} gives it back. */
    private final class Entry {
        final PreparedStatement statement;
        final PreparedStatement handle;
        boolean inUse;

        Entry(PreparedStatement statement) {
            this.statement = statement;
            this.handle = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "close" -> {
                                if (inUse) {
                                    release(this);
                                }
                                return null;
                            }
                            case "isClosed" -> {
                                return !inUse;
                            }
                            case "getConnection" -> {
                                return connection;
                            }
                            default -> {
                                return call(statement, method, args);
                            }
                        }
                    });
        }
    }

    @Override
    public String toString() {
        return "statement cache of " + connection + " (" + statements.size() + " statements)";
    }
}
