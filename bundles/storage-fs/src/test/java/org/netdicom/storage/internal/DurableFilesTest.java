package org.netdicom.storage.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    private static List<Path> everything(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void writesTheFileInFoldersItMakes() throws IOException {
        Path target = dir.resolve("a/b/c/file.dcm");

        new DurableFiles(true).write(target, out -> out.write("content".getBytes(StandardCharsets.US_ASCII)));

        assertEquals("content", Files.readString(target));
        assertEquals(List.of(target), everything(dir));
    }

    @Test
    void aFailingWriteLeavesNoPartialFileAndTheOldFileUntouched() throws IOException {
        Path target = dir.resolve("file.dcm");
        Files.writeString(target, "old");

        IOException e = assertThrows(IOException.class, () -> new DurableFiles(true).write(target, out -> {
            out.write(new byte[200_000]);
            throw new IOException("No space left on device");
        }));

        assertEquals("No space left on device", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), everything(dir));
    }

    @Test
    void aReadOnlyFolderFailsBeforeAnythingIsWritten() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(readOnly)) {
                return; // running as root: the permission test cannot fail a write (FileStoreTest covers a file in the way)
            }
            assertThrows(IOException.class, () -> new DurableFiles(true).write(readOnly.resolve("x.dcm"), out -> out.write(1)));
            assertEquals(List.of(), everything(dir));
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void temporaryFilesAreHiddenPartFilesKnownWhileInFlight() throws IOException {
        DurableFiles files = new DurableFiles(false);
        Path target = dir.resolve("x.dcm");
        Path[] seen = new Path[1];

        files.write(target, out -> {
            try (Stream<Path> list = Files.list(dir)) {
                seen[0] = list.filter(p -> !p.equals(target)).findFirst().orElseThrow();
            }
            assertTrue(files.inFlight(seen[0]));
        });

        assertTrue(DurableFiles.isTemporary(seen[0].getFileName().toString()), seen[0].toString());
        assertFalse(files.inFlight(seen[0]));
        assertFalse(Files.exists(seen[0]));
        assertFalse(DurableFiles.isTemporary("1.2.3.dcm"));
    }
}
