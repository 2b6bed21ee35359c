/**
 * The archive's index: one row per stored instance with the patient, study, series and instance
 * attributes Query/Retrieve needs, the file that holds it, its size, transfer syntax and time of
 * arrival. The storage plugin {@linkplain InstanceIndex#put records} what it stored; the
 * Query/Retrieve plugin {@linkplain InstanceIndex#find matches} identifiers against it (PS3.4
 * C.2.2.2) and {@linkplain InstanceIndex#instances lists} what a C-GET or C-MOVE sends.
 * An {@link InstanceIndex} is registered as an OSGi service by the index bundle; outside OSGi
 * (tools, tests) it is created over any JDBC {@code DataSource}.
 */
@Export
@Version("0.3.0")
package org.netdicom.index;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
