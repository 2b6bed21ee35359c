package org.netdicom.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolFilesTest {

    @TempDir
    Path dir;

    @Test
    void deletesOnlyTheSpoolFilesOfCutOffTransfers() throws Exception {
        Files.writeString(dir.resolve("netdicom-123.part"), "half a data set");
        Files.writeString(dir.resolve("netdicom-456.part"), "");
        Files.writeString(dir.resolve("other.part"), "not ours");
        Files.writeString(dir.resolve("netdicom-789.dcm"), "not a spool file");

        assertEquals(2, SpoolFiles.deleteLeftovers(dir));
        assertFalse(Files.exists(dir.resolve("netdicom-123.part")));
        assertTrue(Files.exists(dir.resolve("other.part")));
        assertTrue(Files.exists(dir.resolve("netdicom-789.dcm")));
    }

    @Test
    void aMissingFolderIsNothingToDelete() {
        assertEquals(0, SpoolFiles.deleteLeftovers(dir.resolve("absent")));
    }
}
