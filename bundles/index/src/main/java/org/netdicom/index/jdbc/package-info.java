/**
 * The index over JDBC for plain Java: {@link JdbcIndexes} opens it over a data source, a JDBC URL
 * or an H2 folder. Tables, matching and the OSGi service live in the bundle's private packages.
 */
@Export
@Version("0.1.0")
package org.netdicom.index.jdbc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
