package org.netdicom.core.dimse;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where received data sets go: up to {@code memoryLimit} bytes in memory, larger ones in a spool
 * file in {@code spoolDirectory}.
 */
public record DimseSettings(Path spoolDirectory, int memoryLimit) {

    /** Data sets up to 1 MiB stay in memory; larger ones are spooled to the temporary directory. */
    public static final DimseSettings DEFAULT = new DimseSettings(Path.of(System.getProperty("java.io.tmpdir")), 1 << 20);

    public DimseSettings {
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        if (memoryLimit < 0) {
            throw new IllegalArgumentException("memory limit must not be negative: " + memoryLimit);
        }
    }
}
