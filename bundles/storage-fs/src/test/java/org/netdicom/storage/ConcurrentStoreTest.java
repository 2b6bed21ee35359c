package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.Status;
import org.netdicom.data.Dataset;

/** Associations storing at once, the same and different instances, while a reconciliation runs. */
class ConcurrentStoreTest {

    @TempDir
    Path root;
    private final MemoryIndex index = new MemoryIndex();

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private void storeFromEightThreads(FileStore store, int instances, int copies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Status>> results = new ArrayList<>();
            for (int copy = 0; copy < copies; copy++) {
                for (int i = 0; i < instances; i++) {
                    Dataset d = Instances.image(Instances.CT, "2.25.3" + i, "P" + (i % 3), "2.25.4", "2.25.5");
                    d.setString("InstanceNumber", Integer.toString(copy));
                    TestEvent event = TestEvent.of(d);
                    results.add(pool.submit(() -> store.store(event).status()));
                }
            }
            Future<ReconciliationReport> reconciliation = pool.submit(store::reconcile);
            for (Future<Status> result : results) {
                assertEquals(Status.SUCCESS, result.get());
            }
            assertEquals(0, reconciliation.get().tempFilesDeleted(), "never a file being written");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void overwritesOfOneInstanceFromManyAssociationsLeaveOneFileAndItsRow() throws Exception {
        FileStore store = new FileStore(StorageSettings.of(root).withFsync(false), index);

        storeFromEightThreads(store, 10, 8);

        assertEquals(10, files().size());
        assertEquals(10, index.count());
        for (var row : index.rows().values()) {
            assertTrue(Files.exists(root.resolve(row.path())), row.path());
        }
        assertTrue(store.reconcile().wasConsistent());
    }

    @Test
    void instancesWhoseUidsMakeTheSameNameStoredAtOnceKeepAFileEach() throws Exception {
        // "2.25.7/N" and "2.25.7_N" are one safe file name: stored at once, each must still end in
        // a file of its own that its row names (two Successes for one file served one's data as
        // the other's)
        FileStore store = new FileStore(StorageSettings.of(root).withFsync(false), index);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Status>> results = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                for (String separator : List.of("/", "_")) {
                    Dataset d = Instances.image(Instances.CT, "2.25.7" + separator + n, "P1", "2.25.8", "2.25.9");
                    TestEvent event = TestEvent.of(d);
                    results.add(pool.submit(() -> store.store(event).status()));
                }
            }
            for (Future<Status> result : results) {
                assertEquals(Status.SUCCESS, result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(80, index.count());
        assertEquals(80, files().size());
        for (var row : index.rows().values()) {
            Dataset stored = org.netdicom.data.io.DicomFile.read(root.resolve(row.path())).dataset();
            assertEquals(row.sopInstanceUid(), stored.getString("SOPInstanceUID"), row.path());
        }
    }

    @Test
    void keepBothFromManyAssociationsKeepsEveryCopyUnderItsOwnName() throws Exception {
        FileStore store = new FileStore(StorageSettings.of(root).withFsync(false)
                .withDuplicates(DuplicatePolicy.KEEP_BOTH), index);

        storeFromEightThreads(store, 5, 6);

        assertEquals(30, files().size());
        assertEquals(5, index.count());
        ReconciliationReport report = store.reconcile();
        assertTrue(report.wasConsistent(), report.toString());
        assertEquals(25, report.duplicatesSkipped());
    }
}
