/**
 * The JDBC index: schema, writer, SQL selection, the C.2.2.2 matching of every key in Java, and
 * the Declarative Services component that registers the index as a service. Not exported.
 */
package org.netdicom.index.internal;
