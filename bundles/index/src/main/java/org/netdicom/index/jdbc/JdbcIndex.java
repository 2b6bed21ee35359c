package org.netdicom.index.jdbc;

import org.netdicom.index.InstanceIndex;

/** An {@link InstanceIndex} over a JDBC database, opened by {@link JdbcIndexes}; close it when done. */
public interface JdbcIndex extends InstanceIndex, AutoCloseable {

    /** Closes the connections it keeps open (an embedded H2 database then closes too). */
    @Override
    void close();
}
