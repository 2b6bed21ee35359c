package org.netdicom.index.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementCacheTest {

    private Connection raw;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection("jdbc:h2:mem:cache" + System.nanoTime(), "sa", "");
        c = StatementCache.wrap(raw);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (pk BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static String select(Connection c, String v) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT v FROM t WHERE v = ?")) {
            s.setString(1, v);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    @Test
    void aClosedStatementServesTheNextPreparationOfTheSameSqlWithItsParametersCleared() throws SQLException {
        PreparedStatement first = c.prepareStatement("INSERT INTO t (v) VALUES (?)", new String[] {"pk"});
        first.setString(1, "a");
        first.executeUpdate();
        first.close();
        assertTrue(first.isClosed());
        PreparedStatement second = c.prepareStatement("INSERT INTO t (v) VALUES (?)", new String[] {"pk"});
        assertSame(first, second, "the same statement again");
        assertThrows(SQLException.class, second::executeUpdate, "its parameter was cleared");
        second.setString(1, "b");
        second.executeUpdate();
        try (ResultSet keys = second.getGeneratedKeys()) {
            assertTrue(keys.next());
            assertEquals(2, keys.getLong(1));
        }
        second.close();
        assertEquals("a", select(c, "a"));
        assertEquals("b", select(c, "b"));
        assertEquals(2, StatementCache.size(c));
    }

    @Test
    void theSameSqlPreparedWhileItsStatementIsOpenGetsAStatementOfItsOwn() throws SQLException {
        try (PreparedStatement outer = c.prepareStatement("SELECT v FROM t WHERE v = ?");
                PreparedStatement inner = c.prepareStatement("SELECT v FROM t WHERE v = ?")) {
            assertNotSame(outer, inner);
            outer.setString(1, "x");
            inner.setString(1, "y");
            outer.executeQuery().close();
            inner.executeQuery().close();
        }
        assertEquals(1, StatementCache.size(c));
    }

    @Test
    void keepsAtMostItsCapacityAndClosesTheStatementsWithTheConnection() throws SQLException {
        PreparedStatement kept = c.prepareStatement("SELECT 0");
        kept.close();
        for (int i = 1; i <= StatementCache.CAPACITY + 10; i++) {
            c.prepareStatement("SELECT " + i).close();
        }
        assertEquals(StatementCache.CAPACITY, StatementCache.size(c));
        assertNotSame(kept, c.prepareStatement("SELECT 0"), "the least recently used went first");
        c.close();
        assertTrue(raw.isClosed());
        assertEquals(0, StatementCache.size(c));
    }
}
