package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netdicom.core.api.Status;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.ReadOptions;
import org.netdicom.index.StoredInstance;

class FileStoreTest {

    @TempDir
    Path root;
    private final MemoryIndex index = new MemoryIndex();

    private FileStore store(StorageSettings settings) {
        return new FileStore(settings, index);
    }

    private FileStore store() {
        return store(StorageSettings.of(root));
    }

    /** The row is written before Success: an index failure fails the store (IndexAfterResponseTest has the default). */
    private FileStore indexingBeforeTheResponse() {
        return store(StorageSettings.of(root).withIndexBeforeResponse(true));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The bytes after the File Meta Information of a Part 10 file. */
    static byte[] dataSetBytes(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        DicomFile meta = meta(file);
        int start = 132 + 12 + (int) meta.fileMeta().getLong(Tag.FILE_META_INFORMATION_GROUP_LENGTH, -1);
        return Arrays.copyOfRange(all, start, all.length);
    }

    static DicomFile meta(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DicomFile.read(in, ReadOptions.DEFAULT.stopBefore(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void storesThePart10FileWithTheDataSetAsReceivedAndIndexesIt(String tsUid) throws IOException {
        TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown(tsUid);
        Dataset d = Instances.image("2.25.1");
        TestEvent event = TestEvent.of(d, ts);

        StoreResult result = store().store(event);

        assertEquals(Status.SUCCESS, result.status(), result.toString());
        assertEquals("PAT1/2.25.100/2.25.200/2.25.1.dcm", result.path());
        Path file = root.resolve(result.path());
        assertEquals(List.of(file), files());
        assertArrayEquals(event.encoded(), dataSetBytes(file));
        Dataset fileMeta = meta(file).fileMeta();
        assertArrayEquals(new byte[] {0, 1}, fileMeta.getBytes(Tag.FILE_META_INFORMATION_VERSION));
        assertEquals(Instances.CT, fileMeta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
        assertEquals("2.25.1", fileMeta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        assertEquals(tsUid, fileMeta.getString(Tag.TRANSFER_SYNTAX_UID));
        assertNotNull(fileMeta.getString(Tag.IMPLEMENTATION_CLASS_UID));
        assertNotNull(fileMeta.getString(Tag.IMPLEMENTATION_VERSION_NAME));
        assertEquals(d.filter(t -> t != Tag.PIXEL_DATA), DicomFile.read(file).dataset().filter(t -> t != Tag.PIXEL_DATA));

        StoredInstance row = index.rows().get("2.25.1");
        assertEquals(result.path(), row.path());
        assertEquals(Files.size(file), row.size());
        assertEquals(tsUid, row.transferSyntaxUid());
        assertEquals("PAT1", row.attributes().getString("PatientID"));
        assertFalse(row.attributes().contains(Tag.PIXEL_DATA), "the index gets no pixel data");
    }

    @Test
    void convertsUncompressedDataSetsToTheConfiguredSyntax() throws IOException {
        Dataset d = Instances.image("2.25.2");
        TestEvent event = TestEvent.of(d, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

        StoreResult result = store(StorageSettings.of(root).withTransferSyntax("explicit-le")).store(event);

        assertEquals(Status.SUCCESS, result.status());
        Path file = root.resolve(result.path());
        DicomFile stored = DicomFile.read(file);
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, stored.transferSyntax());
        assertArrayEquals(d.getBytes(Tag.PIXEL_DATA), stored.dataset().getBytes(Tag.PIXEL_DATA));
        assertEquals("Müller^Jörg", stored.dataset().getString("PatientName"));
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), index.rows().get("2.25.2").transferSyntaxUid());
    }

    @Test
    void compressedDataSetsAreKeptAsReceivedEvenWhenConversionIsConfigured() throws IOException {
        String jpegLossless = "1.2.840.10008.1.2.4.70";
        Dataset d = Instances.image("2.25.3");
        d.remove(Tag.PIXEL_DATA); // the header is all the store reads; the bytes go to the file unchanged
        byte[] encoded = Instances.encode(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        TestEvent event = new TestEvent(Instances.CT, "2.25.3", UidRegistry.transferSyntaxOrUnknown(jpegLossless), encoded);

        StoreResult result = store(StorageSettings.of(root).withTransferSyntax("explicit-le")).store(event);

        assertEquals(Status.SUCCESS, result.status());
        assertEquals(jpegLossless, meta(root.resolve(result.path())).transferSyntax().uid());
    }

    @Test
    void maliciousIdentifiersAreSanitisedAndStayBelowTheRoot() throws IOException {
        Dataset d = Instances.image(Instances.CT, "2.25.4", "../../etc", "..", "/");

        StoreResult result = store().store(TestEvent.of(d));

        assertEquals(Status.SUCCESS, result.status());
        assertEquals("___.__etc/__/_/2.25.4.dcm", result.path());
        for (Path file : files()) {
            assertTrue(file.normalize().startsWith(root), file.toString());
        }
        assertEquals(List.of(root.resolve("___.__etc")), Files.list(root).toList());
    }

    @Test
    void aDataSetThatDoesNotParseIsC000AndLeavesNothing() throws IOException {
        byte[] garbage = {0x08, 0x00, 0x16, 0x00, 'U', 'I', (byte) 0xFF, 0x7F, 1, 2, 3};
        TestEvent event = new TestEvent(Instances.CT, "2.25.5", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, garbage);

        StoreResult result = store().store(event);

        assertEquals(Status.of(0xC000), result.status());
        assertNotNull(result.errorComment());
        assertTrue(result.errorComment().length() <= 64);
        assertEquals(List.of(), files());
        assertEquals(0, index.count());
    }

    @Test
    void uidsThatDifferFromTheRequestAreA900() throws IOException {
        Dataset d = Instances.image("2.25.6");
        byte[] encoded = Instances.encode(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        StoreResult otherInstance = store().store(
                new TestEvent(Instances.CT, "2.25.7", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encoded));
        StoreResult otherClass = store().store(
                new TestEvent(Instances.MR, "2.25.6", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encoded));
        d.remove(0x0020000E);
        StoreResult noSeries = store().store(TestEvent.of(d));

        assertEquals(Status.of(0xA900), otherInstance.status());
        assertTrue(otherInstance.errorComment().contains("SOP Instance UID"), otherInstance.errorComment());
        assertEquals(Status.of(0xA900), otherClass.status());
        assertEquals(Status.of(0xA900), noSeries.status());
        assertEquals(List.of(), files());
        assertEquals(0, index.count());
    }

    @Test
    void aUidPaddedWithNulInTheCommandStillMatches() throws IOException {
        Dataset d = Instances.image("2.25.61");
        TestEvent event = new TestEvent(Instances.CT + "\0", "2.25.61\0", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                Instances.encode(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));

        assertEquals(Status.SUCCESS, store().store(event).status());
    }

    @Test
    void aWriteThatFailsMidwayIsA700AndLeavesNoPartialFile() throws IOException {
        TestEvent event = TestEvent.of(Instances.image("2.25.8"));
        event.failingAfter(event.encoded().length - 100);

        StoreResult result = store().store(event);

        assertEquals(Status.of(0xA700), result.status());
        assertEquals("file not written: disk full", result.errorComment());
        assertEquals(List.of(), files());
        assertEquals(0, index.count());
    }

    @Test
    void aFolderThatCannotBeMadeIsA700() throws IOException {
        Files.writeString(root.resolve("PAT1"), "a file where the patient's folder should be");

        StoreResult result = store().store(TestEvent.of(Instances.image("2.25.9")));

        assertEquals(Status.of(0xA700), result.status());
        assertEquals(List.of(root.resolve("PAT1")), files());
        assertEquals(0, index.count());
    }

    @Test
    void aFileRenamedIntoPlaceButNotForcedGoesAgainWithTheFailure() throws IOException {
        StoreResult result = store().store(TestEvent.of(Instances.image("2.25.14")).failingAfterPlacing());

        assertEquals(Status.of(0xA700), result.status());
        assertEquals(List.of(), files(), "the peer is told it failed: no file of it stays");
        assertEquals(0, index.count());
    }

    @Test
    void aFailedIndexBeforeTheResponseDeletesOnlyItsOwnFileNotAnotherNodesCopyPlacedMeanwhile() throws IOException {
        // Two nodes share the root: the other stored the same instance at the same path between
        // this node's rename and its failing index write, and answered Success for it
        byte[] othersCopy = "another node's file".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        index.failingPuts(true).beforePut(instance -> {
            try {
                Path target = root.resolve(instance.path());
                Path theirs = Files.write(target.resolveSibling(".theirs.part"), othersCopy);
                Files.move(theirs, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        StoreResult result = indexingBeforeTheResponse().store(TestEvent.of(Instances.image("2.25.15")));

        assertEquals(Status.of(0xA710), result.status());
        List<Path> left = files();
        assertEquals(1, left.size(), left.toString());
        assertArrayEquals(othersCopy, Files.readAllBytes(left.get(0)));
    }

    @Test
    void anIndexThatFailsIsA710AndTheFileIsRemovedAgain() throws IOException {
        FileStore store = store();
        index.failing(true);

        StoreResult result = store.store(TestEvent.of(Instances.image("2.25.10")));

        assertEquals(Status.of(0xA710), result.status());
        assertEquals(List.of(), files());
    }

    @Test
    void anIndexThatFailsOnPutBeforeTheResponseRemovesTheFile() throws IOException {
        FileStore store = indexingBeforeTheResponse();
        index.failingPuts(true);

        StoreResult result = store.store(TestEvent.of(Instances.image("2.25.11")));

        assertEquals(Status.of(0xA710), result.status());
        assertTrue(result.errorComment().contains("disk of the database full"), result.errorComment());
        assertEquals(List.of(), files());
    }

    @Test
    void anIndexThatThrowsUncheckedBeforeTheResponseIsA710AndTheFileIsRemovedToo() throws IOException {
        FileStore store = indexingBeforeTheResponse();
        index.brokenPuts(true);

        StoreResult result = store.store(TestEvent.of(Instances.image("2.25.13")));

        assertEquals(Status.of(0xA710), result.status());
        assertEquals(List.of(), files());
    }

    @Test
    void anOverwriteInPlaceThatTheIndexRefusesKeepsTheInstanceStoredAndFound() throws IOException {
        // The earlier copy was acknowledged; the new one replaced it at the same path before the
        // index failed: deleting the file would lose the instance (a resend while the database
        // restarts), so the file and the row that names it stay.
        FileStore store = store();
        StoreResult first = store.store(TestEvent.of(version("2.25.12", "PAT1", "1")));
        index.failingPuts(true);

        StoreResult result = store.store(TestEvent.of(version("2.25.12", "PAT1", "2")));

        assertEquals(Status.of(0xA710), result.status());
        Path file = root.resolve(first.path());
        assertEquals(List.of(file), files());
        assertEquals("2", DicomFile.read(file).dataset().getString("InstanceNumber"), "the new copy, whole");
        assertEquals(first.path(), index.rows().get("2.25.12").path(), "the row names it");
    }

    // ---- duplicates ---------------------------------------------------------------------------

    private static Dataset version(String uid, String patientId, String number) {
        Dataset d = Instances.image(Instances.CT, uid, patientId, "2.25.100", "2.25.200");
        d.setString("InstanceNumber", number);
        return d;
    }

    @Test
    void overwriteReplacesTheFileAndTheRow() throws IOException {
        FileStore store = store();
        store.store(TestEvent.of(version("2.25.20", "PAT1", "1")));

        StoreResult second = store.store(TestEvent.of(version("2.25.20", "PAT1", "2")));

        assertEquals(Status.SUCCESS, second.status());
        Path file = root.resolve(second.path());
        assertEquals(List.of(file), files());
        assertEquals("2", DicomFile.read(file).dataset().getString("InstanceNumber"));
        assertEquals("2", index.rows().get("2.25.20").attributes().getString("InstanceNumber"));
    }

    @Test
    void overwriteWithCorrectedAttributesMovesTheInstanceAndDeletesTheOldFile() throws IOException {
        FileStore store = store();
        store.store(TestEvent.of(version("2.25.21", "WRONG", "1")));

        StoreResult second = store.store(TestEvent.of(version("2.25.21", "RIGHT", "1")));

        assertEquals("RIGHT/2.25.100/2.25.200/2.25.21.dcm", second.path());
        assertEquals(List.of(root.resolve(second.path())), files());
        assertEquals(second.path(), index.rows().get("2.25.21").path());
    }

    @Test
    void keepFirstAnswersSuccessAndKeepsTheStoredInstance() throws IOException {
        FileStore store = store(StorageSettings.of(root).withDuplicates(DuplicatePolicy.KEEP_FIRST));
        StoreResult first = store.store(TestEvent.of(version("2.25.22", "PAT1", "1")));

        StoreResult second = store.store(TestEvent.of(version("2.25.22", "PAT1", "2")));

        assertEquals(Status.SUCCESS, second.status());
        assertEquals(first.path(), second.path());
        assertEquals(List.of(root.resolve(first.path())), files());
        assertEquals("1", DicomFile.read(root.resolve(first.path())).dataset().getString("InstanceNumber"));
        assertEquals("1", index.rows().get("2.25.22").attributes().getString("InstanceNumber"));
    }

    @Test
    void keepBothStoresUnderAUniqueNameAndIndexesTheNewest() throws IOException {
        FileStore store = store(StorageSettings.of(root).withDuplicates(DuplicatePolicy.KEEP_BOTH));
        StoreResult first = store.store(TestEvent.of(version("2.25.23", "PAT1", "1")));
        StoreResult second = store.store(TestEvent.of(version("2.25.23", "PAT1", "2")));
        StoreResult third = store.store(TestEvent.of(version("2.25.23", "PAT1", "3")));

        assertEquals(Status.SUCCESS, third.status());
        assertEquals("PAT1/2.25.100/2.25.200/2.25.23.dcm", first.path());
        assertEquals("PAT1/2.25.100/2.25.200/2.25.23_2.dcm", second.path());
        assertEquals("PAT1/2.25.100/2.25.200/2.25.23_3.dcm", third.path());
        assertEquals(3, files().size());
        assertEquals(third.path(), index.rows().get("2.25.23").path());
    }

    @Test
    void keepBothUsesThePatternPathWhenItIsFree() throws IOException {
        FileStore store = store(StorageSettings.of(root).withDuplicates(DuplicatePolicy.KEEP_BOTH));
        StoreResult first = store.store(TestEvent.of(version("2.25.26", "OLD", "1")));
        StoreResult second = store.store(TestEvent.of(version("2.25.26", "NEW", "2")));

        assertEquals("NEW/2.25.100/2.25.200/2.25.26.dcm", second.path());
        assertTrue(Files.exists(root.resolve(first.path())));
        assertEquals(second.path(), index.rows().get("2.25.26").path());
    }

    @Test
    void rejectAnswers0111AndStoresNothingNew() throws IOException {
        FileStore store = store(StorageSettings.of(root).withDuplicates(DuplicatePolicy.REJECT));
        StoreResult first = store.store(TestEvent.of(version("2.25.24", "PAT1", "1")));

        StoreResult second = store.store(TestEvent.of(version("2.25.24", "PAT1", "2")));

        assertEquals(Status.DUPLICATE_SOP_INSTANCE, second.status());
        assertEquals(List.of(root.resolve(first.path())), files());
        assertEquals("1", index.rows().get("2.25.24").attributes().getString("InstanceNumber"));
    }

    @Test
    void aRowWhoseFileIsGoneIsNoDuplicate() throws IOException {
        FileStore store = store(StorageSettings.of(root).withDuplicates(DuplicatePolicy.REJECT));
        StoreResult first = store.store(TestEvent.of(version("2.25.25", "PAT1", "1")));
        Files.delete(root.resolve(first.path()));

        StoreResult again = store.store(TestEvent.of(version("2.25.25", "PAT1", "2")));

        assertEquals(Status.SUCCESS, again.status());
        assertTrue(Files.exists(root.resolve(again.path())));
    }

    @Test
    void twoInstancesWhoseInvalidUidsSanitiseAlikeDoNotShareAFile() throws IOException {
        FileStore store = store(StorageSettings.of(root).withPattern("{SOPInstanceUID}.dcm"));
        StoreResult a = store.store(TestEvent.of(Instances.image("1.2/3")));
        StoreResult b = store.store(TestEvent.of(Instances.image("1.2*3")));

        assertEquals(Status.SUCCESS, a.status());
        assertEquals(Status.SUCCESS, b.status());
        assertEquals("1.2_3.dcm", a.path());
        assertEquals("1.2_3_2.dcm", b.path());
        assertEquals(2, files().size());
    }
}
