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
