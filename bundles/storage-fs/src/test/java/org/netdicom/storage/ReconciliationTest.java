package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.Status;
import org.netdicom.data.Dataset;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.index.StoredInstance;
import org.netdicom.storage.internal.Reconciliation;

class ReconciliationTest {

    @TempDir
    Path root;
    private final MemoryIndex index = new MemoryIndex();

    private FileStore store(DuplicatePolicy duplicates) {
        return new FileStore(StorageSettings.of(root).withDuplicates(duplicates), index);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void temporaryFilesOfAnInterruptedStoreAreDeleted() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        StoreResult kept = store.store(TestEvent.of(Instances.image("2.25.1")));
        // what a kill -9 in the middle of a write leaves: a hidden .part file next to where the instance would go
        Path dir = Files.createDirectories(root.resolve("PAT2/2.25.9/2.25.8"));
        Path temp = Files.write(dir.resolve(".2.25.7.dcm.6f3a1b2c4d5e6f70.part"), new byte[1000]);

        ReconciliationReport report = store.reconcile();

        assertFalse(Files.exists(temp));
        assertEquals(1, report.tempFilesDeleted(), report.toString());
        assertEquals(List.of(root.resolve(kept.path())), files());
        assertEquals(1, report.filesSeen());
        assertEquals(0, report.filesIndexed());
    }

    @Test
    void theEnginesTemporaryFilesGoOnlyWhenTheyAreFromBeforeThisProcess() throws IOException {
        // CStoreEvent.storePart10 of a data set kept in memory writes one next to its target; the
        // store's in-flight set does not know it, and the start-up reconciliation runs while
        // instances arrive
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        Path dir = Files.createDirectories(root.resolve("PAT1/2.25.1/2.25.2"));
        Path writing = Files.write(dir.resolve(".netdicom-1f2e3d-41.part"), new byte[10]);
        Path leftOver = Files.write(dir.resolve(".netdicom-0a0b0c-17.part"), new byte[10]);
        Files.setLastModifiedTime(leftOver, java.nio.file.attribute.FileTime.from(java.lang.management.ManagementFactory
                .getRuntimeMXBean().getStartTime() - 60_000, java.util.concurrent.TimeUnit.MILLISECONDS));

        ReconciliationReport report = store.reconcile();

        assertEquals(1, report.tempFilesDeleted(), report.toString());
        assertTrue(Files.exists(writing), "written since this JVM started: maybe in flight");
        assertFalse(Files.exists(leftOver), "from before: a crash's");
    }

    @Test
    void withAGracePeriodOnlyOldTemporaryFilesAreDeleted() throws IOException {
        FileStore store = new FileStore(StorageSettings.of(root).withTempFileGrace(java.time.Duration.ofMinutes(10)), index);
        Path dir = Files.createDirectories(root.resolve("PAT2/2.25.9/2.25.8"));
        Path fresh = Files.write(dir.resolve(".2.25.7.dcm.1.part"), new byte[10]); // another node writing now
        Path stale = Files.write(dir.resolve(".2.25.6.dcm.2.part"), new byte[10]);
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));

        ReconciliationReport report = store.reconcile();

        assertEquals(1, report.tempFilesDeleted(), report.toString());
        assertTrue(Files.exists(fresh));
        assertFalse(Files.exists(stale));
    }

    @Test
    void rowsWithoutFilesAreRemoved() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        StoreResult gone = store.store(TestEvent.of(Instances.image("2.25.2")));
        store.store(TestEvent.of(Instances.image("2.25.3")));
        Files.delete(root.resolve(gone.path()));

        ReconciliationReport report = store.reconcile();

        assertEquals(1, report.rowsRemoved(), report.toString());
        assertEquals(List.of("2.25.3"), List.copyOf(index.rows().keySet()));
    }

    @Test
    void filesWithoutRowsAreIndexedFromTheirHeader() throws IOException {
        Dataset d = Instances.image(Instances.MR, "2.25.4", "PAT4", "2.25.40", "2.25.41");
        Path copiedIn = Files.createDirectories(root.resolve("by-hand")).resolve("x.dcm");
        DicomFile.write(copiedIn, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        ReconciliationReport report = store(DuplicatePolicy.OVERWRITE).reconcile();

        assertEquals(1, report.filesIndexed(), report.toString());
        StoredInstance row = index.rows().get("2.25.4");
        assertEquals("by-hand/x.dcm", row.path());
        assertEquals(Files.size(copiedIn), row.size());
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), row.transferSyntaxUid());
        assertEquals("PAT4", row.attributes().getString("PatientID"));
        assertEquals(Instances.MR, row.sopClassUid());
        assertFalse(row.attributes().contains(0x7FE00010));
    }

    @Test
    void aFileLeftByAFailedIndexIsIndexedAndAConsistentStoreStaysAsItIs() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        store.store(TestEvent.of(Instances.image("2.25.5")));
        index.remove("2.25.5");

        ReconciliationReport first = store.reconcile();
        ReconciliationReport second = store.reconcile();

        assertEquals(1, first.filesIndexed());
        assertTrue(second.wasConsistent(), second.toString());
        assertEquals(1, second.filesSeen());
    }

    @Test
    void filesTheIndexNamesAreNotReadAgain() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        StoreResult stored = store.store(TestEvent.of(Instances.image("2.25.51")));
        Files.writeString(root.resolve(stored.path()), "no longer DICOM, but indexed: the walk must not open it");

        ReconciliationReport report = store.reconcile();

        assertEquals(1, report.filesSeen(), report.toString());
        assertEquals(0, report.unreadableFiles(), "a consistent archive is checked without reading its files");
        assertTrue(report.wasConsistent());
    }

    @Test
    void olderCopiesKeptByKeepBothStayUnindexed() throws IOException {
        FileStore store = store(DuplicatePolicy.KEEP_BOTH);
        store.store(TestEvent.of(Instances.image("2.25.6")));
        StoreResult newest = store.store(TestEvent.of(Instances.image("2.25.6")));

        ReconciliationReport report = store.reconcile();

        assertEquals(1, report.duplicatesSkipped(), report.toString());
        assertTrue(report.wasConsistent());
        assertEquals(newest.path(), index.rows().get("2.25.6").path());
    }

    @Test
    void aRowPointingAtAMissingFileIsRepointedToAnotherCopy() throws IOException {
        FileStore store = store(DuplicatePolicy.KEEP_BOTH);
        StoreResult older = store.store(TestEvent.of(Instances.image("2.25.7")));
        StoreResult newest = store.store(TestEvent.of(Instances.image("2.25.7")));
        Files.delete(root.resolve(newest.path()));

        ReconciliationReport report = store.reconcile();

        assertEquals(older.path(), index.rows().get("2.25.7").path(), report.toString());
    }

    @Test
    void filesThatAreNotDicomAreLeftAlone() throws IOException {
        Path notes = Files.writeString(root.resolve("README.txt"), "the archive of the west wing");

        ReconciliationReport report = store(DuplicatePolicy.OVERWRITE).reconcile();

        assertEquals(1, report.unreadableFiles());
        assertTrue(Files.exists(notes));
        assertEquals(0, index.count());
    }

    @Test
    void hiddenFoldersSuchAsASpoolDirectoryAreNotWalked() throws IOException {
        Path spool = Files.createDirectories(root.resolve(".incoming"));
        Path spooled = spool.resolve("c-store-1.tmp");
        DicomFile.write(spooled, Instances.image("2.25.9"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        ReconciliationReport report = store(DuplicatePolicy.OVERWRITE).reconcile();

        assertEquals(0, report.filesSeen(), report.toString());
        assertEquals(0, index.count());
        assertTrue(Files.exists(spooled));
    }

    @Test
    void aStorageVolumeThatIsNotMountedCostsTheIndexNoRow() throws IOException {
        // the volume's mount point without the volume: an empty folder where every file was
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        for (int i = 0; i < Reconciliation.ALL_MISSING_MINIMUM; i++) {
            store.store(TestEvent.of(Instances.image("2.25.50." + i)));
        }
        for (Path file : files()) {
            Files.delete(file);
        }

        ReconciliationReport report = store.reconcile();

        assertEquals(0, report.rowsRemoved(), report.toString());
        assertEquals(Reconciliation.ALL_MISSING_MINIMUM, index.count());
        assertEquals(1, report.failures(), "reported, not silent: " + report);
    }

    @Test
    void aStorageRootThatIsGoneCostsTheIndexNoRow() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        store.store(TestEvent.of(Instances.image("2.25.60")));
        Path moved = root.resolveSibling(root.getFileName() + "-elsewhere");
        Files.move(root, moved);

        ReconciliationReport report = store.reconcile();

        assertEquals(0, report.rowsRemoved(), report.toString());
        assertEquals(1, index.count());
        Files.move(moved, root);
    }

    @Test
    void aFileReplacedInPlaceAfterItsRowWasWrittenIsIndexedAgain(@org.junit.jupiter.api.io.TempDir Path elsewhere)
            throws IOException {
        // a store that renamed a new copy over the file and stopped before its row (a crash, or a
        // failed index write): the row describes the earlier copy until it is read again
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        Dataset first = Instances.image(Instances.CT, "2.25.70", "PAT1", "2.25.71", "2.25.72");
        first.setString("InstanceNumber", "1");
        StoreResult stored = store.store(TestEvent.of(first));
        Dataset second = Instances.image(Instances.CT, "2.25.70", "PAT1", "2.25.71", "2.25.72");
        second.setString("InstanceNumber", "2");
        StoreResult other = new FileStore(StorageSettings.of(elsewhere), new MemoryIndex()).store(TestEvent.of(second));
        Path file = root.resolve(stored.path());
        Files.copy(elsewhere.resolve(other.path()), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                index.rows().get("2.25.70").received().plusSeconds(600)));

        ReconciliationReport report = store.reconcile();

        assertEquals(1, report.filesIndexed(), report.toString());
        assertEquals("2", index.rows().get("2.25.70").attributes().getString("InstanceNumber"));
        assertTrue(store.reconcile().wasConsistent(), "once: the row is now as new as the file");
    }

    @Test
    void aMissingRootIsEmpty() throws IOException {
        ReconciliationReport report = new FileStore(StorageSettings.of(root.resolve("not-yet")), index).reconcile();

        assertEquals(0, report.filesSeen());
        assertTrue(report.wasConsistent());
    }

    /**
     * Without fsync the store writes the file itself (temporary file next to the target); with it,
     * the data set comes as the engine's spool file, outside the root, renamed into place.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "fsync {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void reconciliationWhileStoringDoesNotTouchTheFileBeingWritten(boolean fsync) throws Exception {
        FileStore store = new FileStore(StorageSettings.of(root).withDuplicates(DuplicatePolicy.OVERWRITE)
                .withFsync(fsync), index);
        TestEvent event = TestEvent.of(Instances.image("2.25.8"));
        ReconciliationReport[] during = new ReconciliationReport[1];
        // the store reads the data set while its temporary file is open: reconcile right then
        TestEvent reconcilingEvent = new TestEvent(event.sopClassUid(), event.sopInstanceUid(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, event.encoded()) {
            private int opened;

            @Override
            public java.io.InputStream encodedDataSet() {
                if (++opened == 2) { // 1: the header is read; 2: the file is written
                    Thread t = new Thread(() -> {
                        try {
                            during[0] = store.reconcile();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    t.start();
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.encodedDataSet();
            }
        };

        StoreResult result = store.store(reconcilingEvent);

        assertEquals(Status.SUCCESS, result.status());
        assertEquals(0, during[0].tempFilesDeleted(), during[0].toString());
        assertEquals(List.of(root.resolve(result.path())), files());
        assertTrue(index.rows().get("2.25.8").received().isBefore(Instant.now().plusSeconds(1)));
    }
}
