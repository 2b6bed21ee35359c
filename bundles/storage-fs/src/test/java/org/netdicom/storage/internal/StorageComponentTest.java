package org.netdicom.storage.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.Status;
import org.netdicom.storage.Instances;
import org.netdicom.storage.MemoryIndex;
import org.netdicom.storage.TestEvent;
import org.netdicom.storage.ReconciliationReport;

class StorageComponentTest {

    @TempDir
    Path dir;

    /** A configuration as Config Admin hands it over. */
    private static StorageConfig config(String root, String pattern, String duplicates, String transferSyntax,
            boolean reconcile) {
        return config(root, pattern, duplicates, transferSyntax, reconcile, 10);
    }

    private static StorageConfig config(String root, String pattern, String duplicates, String transferSyntax,
            boolean reconcile, long indexRetrySeconds) {
        return new StorageConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StorageConfig.class;
            }

            @Override
            public String root() {
                return root;
            }

            @Override
            public String pattern() {
                return pattern;
            }

            @Override
            public String duplicates() {
                return duplicates;
            }

            @Override
            public String transferSyntax() {
                return transferSyntax;
            }

            @Override
            public boolean fsync() {
                return true;
            }

            @Override
            public long tempFileGraceSeconds() {
                return 0;
            }

            @Override
            public boolean reconcileOnStart() {
                return reconcile;
            }

            @Override
            public boolean indexBeforeResponse() {
                return false;
            }

            @Override
            public long indexRetrySeconds() {
                return indexRetrySeconds;
            }
        };
    }

    private static StorageConfig defaults(String root) {
        return config(root, PathPattern.DEFAULT, "overwrite", "keep", false);
    }

    @Test
    void theRootIsTheSettingElseNetdicomDataElseKarafData() {
        MemoryIndex index = new MemoryIndex();
        Path configured = dir.resolve("configured");

        assertEquals(configured, new StorageComponent(index, defaults(configured.toString()),
                Map.of("NETDICOM_DATA", "/ignored"), "/karaf/data").root());
        assertEquals(Path.of("/srv/netdicom/storage"), new StorageComponent(index, defaults(""),
                Map.of("NETDICOM_DATA", "/srv/netdicom"), "/karaf/data").root());
        assertEquals(Path.of("/karaf/data/netdicom/storage"), new StorageComponent(index, defaults(" "),
                Map.of(), "/karaf/data").root());
    }

    @Test
    void anInvalidSettingFailsTheActivationNamingIt() {
        MemoryIndex index = new MemoryIndex();

        IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class, () -> new StorageComponent(
                index, config(dir.toString(), "../{SOPInstanceUID}", "overwrite", "keep", false), Map.of(), null));
        IllegalArgumentException duplicates = assertThrows(IllegalArgumentException.class, () -> new StorageComponent(
                index, config(dir.toString(), PathPattern.DEFAULT, "sometimes", "keep", false), Map.of(), null));
        IllegalArgumentException syntax = assertThrows(IllegalArgumentException.class, () -> new StorageComponent(
                index, config(dir.toString(), PathPattern.DEFAULT, "overwrite", "1.2.840.10008.1.2.4.50", false),
                Map.of(), null));

        assertTrue(pattern.getMessage().startsWith("pattern"), pattern.getMessage());
        assertTrue(duplicates.getMessage().startsWith("duplicates"), duplicates.getMessage());
        assertTrue(syntax.getMessage().startsWith("transferSyntax"), syntax.getMessage());
    }

    @Test
    void activationReconcilesInTheBackground() throws Exception {
        Path temp = Files.write(Files.createDirectories(dir.resolve("a")).resolve(".x.dcm.1234.part"), new byte[10]);

        StorageComponent component = new StorageComponent(new MemoryIndex(),
                config(dir.toString(), PathPattern.DEFAULT, "keep-both", "explicit-le", true), Map.of(), null);
        component.awaitReconciliation();

        assertFalse(Files.exists(temp));
        ReconciliationReport again = component.reconcile();
        assertTrue(again.wasConsistent(), again.toString());
        component.deactivate();
    }

    @Test
    void aRowRefusedAfterTheResponseIsWrittenByTheRetrySchedule() throws Exception {
        MemoryIndex index = new MemoryIndex().failingPuts(true);
        StorageComponent component = new StorageComponent(index,
                config(dir.toString(), PathPattern.DEFAULT, "overwrite", "keep", false, 1), Map.of(), null);
        try {
            assertEquals(Status.SUCCESS, component.onCStore(TestEvent.of(Instances.image("2.25.9"))));
            assertEquals(0, index.count());
            index.failingPuts(false);

            assertTrue(index.awaitRows(1, java.time.Duration.ofSeconds(10)),
                    "indexed by the schedule, every second here");
            assertEquals(1, index.count());
        } finally {
            component.deactivate();
        }
    }
}
