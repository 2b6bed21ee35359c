package org.netdicom.core.dimse;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where received data sets go: up to {@code memoryLimit} bytes in memory, larger ones in a spool
 * file in {@code spoolDirectory}; with {@code spoolStoreDataSets}, a C-STORE data set goes to its
 * spool file from the first byte, whatever its size.
 */
public record DimseSettings(Path spoolDirectory, int memoryLimit, boolean spoolStoreDataSets) {

    /**
     * Data sets up to 1 MiB stay in memory, larger ones are spooled to the temporary directory;
     * C-STORE data sets are always spooled.
     */
    public static final DimseSettings DEFAULT =
            new DimseSettings(Path.of(System.getProperty("java.io.tmpdir")), 1 << 20, true);

    public DimseSettings {
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        if (memoryLimit < 0) {
            throw new IllegalArgumentException("memory limit must not be negative: " + memoryLimit);
        }
    }

    /** The memory limit for the data set of a message with {@code commandField}. */
    public int memoryLimitFor(int commandField) {
        return spoolStoreDataSets && commandField == CommandField.C_STORE_RQ ? 0 : memoryLimit;
    }
}
