package org.netdicom.storage;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The running storage, for operators and tools (the {@code dicom:reindex} shell command): registered
 * as an OSGi service by the storage component, and implemented by {@link FileStore} outside OSGi.
 */
@ProviderType
public interface StorageMaintenance {

    /** The storage root, absolute. */
    Path root();

    /**
     * Reconciles the files below the root with the index (files without rows are indexed, rows
     * without files removed, temporary files of interrupted stores deleted) and says what it did.
     * Safe while instances are being stored; it takes as long as reading every file's header.
     */
    ReconciliationReport reconcile() throws IOException;
}
