package org.netdicom.core.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spool files left in a node's spool folder by a process that ended mid-transfer (kill -9, power
 * loss): data sets that were never acknowledged, deleted when the node starts.
 */
final class SpoolFiles {

    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.node");
    /** The names IncomingDataSet gives its spool files. */
    private static final String PATTERN = "netdicom-*.part";

    private SpoolFiles() {
    }

    /**
     * This machine's name, for a spool folder of its own in a shared data folder: the kernel's
     * (no name lookup, which can hang on a badly configured resolver), else HOSTNAME, else "node".
     */
    static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return safe(name);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: try the environment
        }
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            name = System.getenv("COMPUTERNAME");
        }
        return name == null || name.isBlank() ? "node" : safe(name.strip());
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Deletes the spool files in {@code directory}; returns how many. Never throws. */
    static int deleteLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PATTERN)) {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                    deleted++;
                } catch (IOException e) {
                    LOG.warn("spool file {} left over from before could not be deleted: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("spool folder {} could not be read: {}", directory, e.toString());
        }
        if (deleted > 0) {
            LOG.info("deleted {} spool file(s) of transfers cut off before this start in {}", deleted, directory);
        }
        return deleted;
    }
}
