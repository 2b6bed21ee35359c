package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.index.StoredInstance;

/**
 * A JVM killed with SIGKILL in the middle of storing an instance leaves only a hidden temporary
 * file, which the reconciliation of the next start deletes; a row it may have left without a file
 * is removed.
 */
class CrashIT {

    @TempDir
    Path root;

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aStoreKilledMidwayLeavesOnlyATemporaryFileThatReconciliationDeletes() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingStore.class.getName(), root.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
                assertNotNull(line, "the child ended before writing");
            } while (!line.equals(CrashingStore.WRITING));
            child.destroyForcibly(); // SIGKILL on Linux: no finally block, no shutdown hook runs
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        List<Path> left = files();
        assertEquals(1, left.size(), left.toString());
        assertTrue(left.get(0).getFileName().toString().startsWith(".2.25.555.dcm."), left.toString());
        assertTrue(left.get(0).getFileName().toString().endsWith(".part"), left.toString());
        assertTrue(Files.size(left.get(0)) > 0, "the kill came in the middle of the write");

        MemoryIndex index = new MemoryIndex();
        // a row that a crashed store of another design could have left: its file never arrived
        index.put(new StoredInstance(Instances.image("2.25.556"), "CRASH/2.25.556/x/2.25.556.dcm", 1,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), Instant.now()));
        ReconciliationReport report = new FileStore(StorageSettings.of(root), index).reconcile();

        assertEquals(1, report.tempFilesDeleted(), report.toString());
        assertEquals(1, report.rowsRemoved(), report.toString());
        assertEquals(List.of(), files());
        assertEquals(0, index.count());
    }
}
