/**
 * The archive's storage: {@link org.netdicom.storage.FileStore} handles EVT_C_STORE by writing each
 * instance durably as a Part 10 file below a storage root, at a path made from its attributes by a
 * pattern, and recording it in the {@link org.netdicom.index.InstanceIndex}; it answers Success only
 * once both are done. {@link org.netdicom.storage.StorageSettings} says how,
 * {@link org.netdicom.storage.DuplicatePolicy} what a re-sent SOP Instance UID does, and
 * {@link org.netdicom.storage.StorageMaintenance} (an OSGi service of the storage component)
 * reconciles files and index on demand. Plain Java: a command-line tool composes a
 * {@code FileStore} over any index without OSGi. See docs/storage.md.
 */
@Export
@Version("0.2.0")
package org.netdicom.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
