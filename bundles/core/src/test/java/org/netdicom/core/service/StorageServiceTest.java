package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.core.event.ContainerHandlers;
import org.netdicom.core.event.HandlerRegistry;
import org.netdicom.core.event.HandlerSource;
import org.netdicom.core.event.Lease;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;

/** C-STORE from our requestor to our acceptor over loopback: what arrives, where it goes, what is answered. */
class StorageServiceTest {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String BIG = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid();
    static final String DEFLATED = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid();

    @TempDir
    Path dir;
    private AssociationServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Dataset ct(String instance, int pixelBytes) {
        Dataset d = new Dataset();
        d.setString(Tag.SOP_CLASS_UID, VR.UI, CT);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, instance);
        d.setString("PatientName", "Doe^Jane");
        d.setString("PatientID", "P-1");
        d.setInt("Rows", 16);
        d.setInt("Columns", pixelBytes / 32);
        byte[] pixels = new byte[pixelBytes];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31 + i / 256);
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return d;
    }

    private int start(ApplicationEntity scp, CStoreHandler handler) throws IOException {
        EventBindings bindings = handler == null ? EventBindings.none() : EventBindings.of(EventType.EVT_C_STORE, handler);
        server = scp.startServer(new InetSocketAddress("127.0.0.1", 0), bindings);
        return server.localAddress().getPort();
    }

    private static ApplicationEntity scp(String... transferSyntaxes) {
        return new ApplicationEntity("STORESCP").addSupportedContext(CT, transferSyntaxes);
    }

    private static ApplicationEntity scu(String... transferSyntaxes) {
        return new ApplicationEntity("STORESCU").addRequestedContext(CT, transferSyntaxes);
    }

    private CStoreHandler storeInto(Path folder) {
        return e -> {
            e.storePart10(folder.resolve(e.sopInstanceUid() + ".dcm"));
            return Status.SUCCESS;
        };
    }

    @ParameterizedTest(name = "memory limit {0}")
    @ValueSource(ints = {0, 1 << 20})
    void storesTheInstanceAsAPart10FileWithTheRequestsMeta(int memoryLimit) throws IOException {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path out = Files.createDirectories(dir.resolve("out"));
        int port = start(scp(EXPLICIT).spoolDirectory(spool).spoolStoreDataSets(memoryLimit == 0)
                .dataSetMemoryLimit(memoryLimit), storeInto(out));
        Dataset sent = ct("1.2.3.4", 200_000);
        try (Association a = scu(EXPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            DimseResponse response = a.store(sent);
            assertEquals(Status.SUCCESS, response.status());
            assertEquals("1.2.3.4", response.affectedSopInstanceUid());
        }
        DicomFile stored = DicomFile.read(out.resolve("1.2.3.4.dcm"));
        assertEquals(sent, stored.dataset());
        assertEquals(CT, stored.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
        assertEquals("1.2.3.4", stored.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        assertEquals(EXPLICIT, stored.fileMeta().getString(Tag.TRANSFER_SYNTAX_UID));
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(List.of(), left.toList(), "spool files are gone after the handler");
        }
    }

    @Test
    void spoolsASmallInstanceByDefaultAndStoresItByRenamingTheSpoolFile() throws IOException {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        AtomicReference<Dataset> afterMove = new AtomicReference<>();
        AtomicReference<List<Path>> spooledDuringHandler = new AtomicReference<>();
        int port = start(scp(EXPLICIT).spoolDirectory(spool), e -> {
            try (Stream<Path> files = Files.list(spool)) {
                spooledDuringHandler.set(files.toList());
            }
            e.storePart10(first.resolve("a.dcm"));
            afterMove.set(e.dataset()); // read from where the spool file went
            e.storePart10(second.resolve("b.dcm")); // a second copy: by a link, the first stays
            return Status.SUCCESS;
        });
        Dataset sent = ct("1.2.3.77", 2_000); // far below the 1 MiB memory limit
        try (Association a = scu(EXPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(Status.SUCCESS, a.store(sent).status());
        }
        assertEquals(1, spooledDuringHandler.get().size(), "a C-STORE data set is spooled whatever its size");
        assertEquals(sent, afterMove.get());
        assertEquals(sent, DicomFile.read(first.resolve("a.dcm")).dataset());
        assertEquals(sent, DicomFile.read(second.resolve("b.dcm")).dataset());
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(List.of(), left.toList(), "the spool file was renamed, nothing is left");
        }
        try (Stream<Path> left = Files.list(first)) {
            assertEquals(List.of(first.resolve("a.dcm")), left.toList(), "no temporary file left next to it");
        }
    }

    @Test
    void storingIntoFoldersThatDoNotExistYetMakesThem() throws IOException {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path nested = dir.resolve("patient/study/series");
        int port = start(scp(EXPLICIT).spoolDirectory(spool), storeInto(nested));
        Dataset first = ct("1.2.3.81", 2_000);
        Dataset second = ct("1.2.3.82", 2_000);
        try (Association a = scu(EXPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(Status.SUCCESS, a.store(first).status()); // makes the folders
            assertEquals(Status.SUCCESS, a.store(second).status()); // finds them
        }
        assertEquals(first, DicomFile.read(nested.resolve("1.2.3.81.dcm")).dataset());
        assertEquals(second, DicomFile.read(nested.resolve("1.2.3.82.dcm")).dataset());
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(List.of(), left.toList(), "both spool files were renamed into place");
        }
    }

    @Test
    void aHandlerThatLeavesItsThreadInterruptedDoesNotFailTheNextStore() throws IOException {
        // File and socket channels close themselves on I/O by an interrupted thread: a status the
        // handler restored (as it should after catching an InterruptedException) must not reach
        // the next data set's spool file or the response.
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path folder = Files.createDirectories(dir.resolve("stored"));
        CStoreHandler store = storeInto(folder);
        int port = start(scp(EXPLICIT).spoolDirectory(spool), e -> {
            Status status = store.onCStore(e);
            Thread.currentThread().interrupt();
            return status;
        });
        try (Association a = scu(EXPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Status.SUCCESS, a.store(ct("1.2.3.90." + i, 40_000)).status(), "store " + i);
            }
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(Files.exists(folder.resolve("1.2.3.90." + i + ".dcm")), "instance " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void decodesTheDataSetInEachUncompressedSyntaxInMemoryAndSpooled(String ts) throws IOException {
        for (int limit : new int[] {0, 1 << 20}) {
            AtomicReference<Dataset> received = new AtomicReference<>();
            AtomicReference<byte[]> pixels = new AtomicReference<>();
            int port = start(scp(ts).spoolDirectory(dir).spoolStoreDataSets(limit == 0).dataSetMemoryLimit(limit), e -> {
                assertEquals(ts, e.transferSyntaxUid());
                Dataset d = e.dataset();
                received.set(d);
                // large values of a spooled data set are read from the spool file, while the handler runs
                pixels.set(d.getBulkData(Tag.PIXEL_DATA) != null ? d.getBulkData(Tag.PIXEL_DATA).toBytes(VR.OW)
                        : d.getBytes(Tag.PIXEL_DATA));
                return Status.SUCCESS;
            });
            Dataset sent = ct("1.2.3." + limit, 100_000);
            try (Association a = scu(ts).associate("127.0.0.1", port, "STORESCP")) {
                assertEquals(Status.SUCCESS, a.store(sent).status());
            }
            assertArrayEquals(sent.getBytes(Tag.PIXEL_DATA), pixels.get());
            assertEquals(limit == 0 && !ts.equals(DEFLATED), received.get().getBulkData(Tag.PIXEL_DATA) != null,
                    "pixel data left in the spool file");
            assertEquals("Doe^Jane", received.get().getString("PatientName"));
            server.close();
        }
    }

    @ParameterizedTest(name = "max PDU {0}")
    @ValueSource(ints = {4096, 16384, 0})
    void fragmentsToThePeersMaximumPduLength(int maxPdu) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        int port = start(scp(IMPLICIT).maximumPduLength(maxPdu), storeInto(out));
        Dataset sent = ct("1.2.3.5", 300_001 & ~1);
        try (Association a = scu(IMPLICIT).maximumPduLength(maxPdu).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(Status.SUCCESS, a.store(sent).status());
            assertEquals(Status.SUCCESS, a.store(ct("1.2.3.6", 10)).status());
        }
        assertEquals(sent, DicomFile.read(out.resolve("1.2.3.5.dcm")).dataset());
    }

    @ParameterizedTest(name = "max PDU {0}")
    @ValueSource(ints = {4096, 16384, 131072, 0})
    void sendsAFilesDataSetFromDirectMemoryInFragmentsOfThePeersMaximumPduLength(int maxPdu) throws IOException {
        Path in = dir.resolve("in.dcm");
        Dataset original = ct("1.2.3.8", 300_000);
        DicomFile.write(in, original, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Integer> fragments = new CopyOnWriteArrayList<>();
        server = scp(EXPLICIT).maximumPduLength(maxPdu).startServer(new InetSocketAddress("127.0.0.1", 0),
                EventBindings.of(EventType.EVT_C_STORE, storeInto(out))
                        .and(EventType.EVT_PDU_RECV, (org.netdicom.core.api.handler.NotificationHandler) e -> {
                            if (((org.netdicom.core.api.event.PduEvent) e).pdu()
                                    instanceof org.netdicom.core.pdu.PDataTf data) {
                                data.values().stream().filter(pdv -> !pdv.isCommand())
                                        .forEach(pdv -> fragments.add(pdv.length()));
                            }
                        }));
        try (Association a = scu(EXPLICIT).associate("127.0.0.1", server.localAddress().getPort(), "STORESCP")) {
            assertEquals(Status.SUCCESS, a.store(in).status());
            assertEquals(Status.SUCCESS, a.store(in).status(), "the direct blocks again, from the pool");
        }
        assertEquals(original, DicomFile.read(out.resolve("1.2.3.8.dcm")).dataset());
        long dataSetLength = Files.size(in) - (132 + 12
                + DicomFile.read(in).fileMeta().getLong(Tag.FILE_META_INFORMATION_GROUP_LENGTH, 0));
        int fragment = maxPdu == 0 ? 256 * 1024 : maxPdu - 6;
        assertEquals(2 * dataSetLength, fragments.stream().mapToLong(Integer::longValue).sum());
        assertEquals(2 * ((dataSetLength + fragment - 1) / fragment), fragments.size(), fragments.toString());
        assertTrue(fragments.stream().allMatch(n -> n <= fragment), fragments.toString());
    }

    @Test
    void aFileSentWhileSomeoneWatchesTheSentPdusGoesThroughAnArrayWithTheSameFragments() throws IOException {
        Path in = dir.resolve("watched.dcm");
        Dataset original = ct("1.2.3.9", 100_000);
        DicomFile.write(in, original, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path out = Files.createDirectories(dir.resolve("out"));
        int port = start(scp(EXPLICIT).maximumPduLength(16384), storeInto(out));
        List<Integer> sent = new CopyOnWriteArrayList<>();
        try (Association a = scu(EXPLICIT).associate("127.0.0.1", port, "STORESCP", EventBindings.of(
                EventType.EVT_PDU_SENT, (org.netdicom.core.api.handler.NotificationHandler) e -> {
                    if (((org.netdicom.core.api.event.PduEvent) e).pdu() instanceof org.netdicom.core.pdu.PDataTf data) {
                        data.values().stream().filter(pdv -> !pdv.isCommand()).forEach(pdv -> sent.add(pdv.length()));
                    }
                }))) {
            assertEquals(Status.SUCCESS, a.store(in).status());
        }
        assertEquals(original, DicomFile.read(out.resolve("1.2.3.9.dcm")).dataset());
        assertTrue(sent.size() >= 6 && sent.stream().allMatch(n -> n <= 16384 - 6), sent.toString());
    }

    /**
     * DCMTK aborts on a PDV of odd length, so every fragment is even: with an odd maximum PDU length,
     * and for a deflated data set of odd length, which gets a trailing 0x00 (as DCMTK sends it).
     */
    @Test
    void sendsEvenFragmentsAndPadsADeflatedDataSetOfOddLength() throws IOException {
        Dataset sent = null;
        for (int i = 0; sent == null && i < 100; i++) {
            byte[] noise = new byte[20_000 + 2 * i];
            new java.util.Random(i).nextBytes(noise); // deflates to about as much: several fragments
            java.util.Arrays.fill(noise, 0, 1000 + 10 * i, (byte) 7);
            Dataset candidate = ct("1.2.3.20." + i, 10).setBytes(Tag.PIXEL_DATA, VR.OW, noise);
            if (deflatedLength(candidate) % 2 == 1) {
                sent = candidate;
            }
        }
        assertNotNull(sent, "a data set whose deflated length is odd");
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Integer> fragments = new CopyOnWriteArrayList<>();
        server = scp(DEFLATED).maximumPduLength(4099).startServer(new InetSocketAddress("127.0.0.1", 0),
                EventBindings.of(EventType.EVT_C_STORE, storeInto(out))
                        .and(EventType.EVT_PDU_RECV, (org.netdicom.core.api.handler.NotificationHandler) e -> {
                            if (((org.netdicom.core.api.event.PduEvent) e).pdu()
                                    instanceof org.netdicom.core.pdu.PDataTf data) {
                                data.values().forEach(pdv -> fragments.add(pdv.length()));
                            }
                        }));
        Path file = dir.resolve("in.dcm");
        DicomFile.write(file, sent, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        int port = server.localAddress().getPort();
        try (Association a = scu(DEFLATED).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(Status.SUCCESS, a.store(sent).status(), "in memory");
            assertEquals(Status.SUCCESS, a.store(file).status(), "streamed from a file");
        }
        assertEquals(sent, DicomFile.read(out.resolve(sent.getString(Tag.SOP_INSTANCE_UID) + ".dcm")).dataset());
        assertTrue(fragments.size() >= 2 * 5, fragments.toString());
        assertTrue(fragments.stream().allMatch(n -> n % 2 == 0 && n <= 4099 - 6), fragments.toString());
    }

    private static long deflatedLength(Dataset d) throws IOException {
        java.io.ByteArrayOutputStream part10 = new java.io.ByteArrayOutputStream();
        DicomFile.write(part10, DicomFile.createFileMeta(d, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN), d,
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        DicomFile.writeHeader(header, DicomFile.createFileMeta(d, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN));
        return part10.size() - header.size();
    }

    @Test
    void streamsAFileUnchangedWhenTheSyntaxesAgreeAndConvertsOtherwise() throws IOException {
        Path in = dir.resolve("in.dcm");
        Dataset original = ct("1.2.3.7", 150_000);
        DicomFile.write(in, original, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        for (String ts : new String[] {EXPLICIT, IMPLICIT, BIG, DEFLATED}) {
            Path out = Files.createDirectories(dir.resolve("out-" + ts));
            int port = start(scp(ts), storeInto(out));
            try (Association a = scu(ts).associate("127.0.0.1", port, "STORESCP")) {
                assertEquals(Status.SUCCESS, a.store(in).status(), ts);
            }
            DicomFile stored = DicomFile.read(out.resolve("1.2.3.7.dcm"));
            assertEquals(ts, stored.transferSyntax().uid());
            assertEquals(original, stored.dataset(), ts);
            server.close();
        }
        Path sameBytes = dir.resolve("out-" + EXPLICIT).resolve("1.2.3.7.dcm");
        byte[] a = Files.readAllBytes(in);
        byte[] b = Files.readAllBytes(sameBytes);
        int header = 132 + 12 + (int) DicomFile.read(in).fileMeta().getLong(Tag.FILE_META_INFORMATION_GROUP_LENGTH, 0);
        assertArrayEquals(java.util.Arrays.copyOfRange(a, header, a.length),
                java.util.Arrays.copyOfRange(b, b.length - (a.length - header), b.length), "data set bytes as sent");
    }

    @Test
    void answersOutOfResourcesWithoutAHandler() throws IOException {
        int port = start(scp(IMPLICIT), null);
        try (Association a = scu(IMPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(0xA700, a.store(ct("1.2.3.8", 10)).status().code());
        }
    }

    @Test
    void sendsTheHandlersErrorCommentWithAFailureCutTo64CharactersAndNoneWithSuccess() throws IOException {
        int port = start(scp(IMPLICIT), e -> {
            e.errorComment(e.sopInstanceUid().endsWith(".1") ? "SOP Instance UID differs from the request's"
                    : "x".repeat(100));
            return e.sopInstanceUid().endsWith(".3") ? Status.SUCCESS : Status.of(0xA900);
        });
        try (Association a = scu(IMPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals("SOP Instance UID differs from the request's", a.store(ct("8.1", 10)).errorComment());
            assertEquals(64, a.store(ct("8.2", 10)).errorComment().length());
            assertNull(a.store(ct("8.3", 10)).errorComment(), "no comment with Success");
        }
    }

    private static Status recurse(int depth) {
        return depth < 0 ? Status.SUCCESS : recurse(depth + 1);
    }

    @Test
    void answersC211WhenTheHandlerThrowsOrReturnsNullAndGoesOn() throws IOException {
        List<String> calls = new CopyOnWriteArrayList<>();
        int port = start(scp(IMPLICIT), e -> {
            calls.add(e.sopInstanceUid());
            if (e.sopInstanceUid().endsWith(".1")) {
                throw new IllegalStateException("broken plugin");
            }
            if (e.sopInstanceUid().endsWith(".4")) {
                throw new AssertionError("a plugin's own assert"); // an Error, not an Exception
            }
            if (e.sopInstanceUid().endsWith(".5")) {
                return recurse(1); // StackOverflowError
            }
            return e.sopInstanceUid().endsWith(".2") ? null : Status.SUCCESS;
        });
        try (Association a = scu(IMPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(0xC211, a.store(ct("9.1", 10)).status().code());
            assertEquals(0xC211, a.store(ct("9.2", 10)).status().code());
            assertEquals(0xC211, a.store(ct("9.4", 10)).status().code());
            assertEquals(0xC211, a.store(ct("9.5", 10)).status().code());
            assertEquals(Status.SUCCESS, a.store(ct("9.3", 10)).status());
        }
        assertEquals(List.of("9.1", "9.2", "9.4", "9.5", "9.3"), calls);
    }

    @Test
    void answersOutOfResourcesWhenTheSpoolCannotBeWrittenAndKeepsTheAssociation() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        List<String> calls = new CopyOnWriteArrayList<>();
        int port = start(scp(IMPLICIT).spoolDirectory(notADirectory).spoolStoreDataSets(false).dataSetMemoryLimit(1000),
                e -> {
            calls.add(e.sopInstanceUid());
            return Status.SUCCESS;
        });
        try (Association a = scu(IMPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            DimseResponse big = a.store(ct("1.2.3.9", 50_000));
            assertEquals(0xA700, big.status().code());
            assertNotNull(big.errorComment());
            assertTrue(big.errorComment().startsWith("data set not stored"), big.errorComment());
            assertEquals(Status.SUCCESS, a.store(ct("1.2.3.10", 100)).status(), "small ones still fit in memory");
        }
        assertEquals(List.of("1.2.3.10"), calls);
    }

    @Test
    void offersTheRawBytesAndThePart10Stream() throws IOException {
        AtomicReference<byte[]> raw = new AtomicReference<>();
        AtomicReference<byte[]> part10 = new AtomicReference<>();
        int port = start(scp(EXPLICIT), e -> {
            try (InputStream in = e.encodedDataSet()) {
                raw.set(in.readAllBytes());
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            e.writePart10(out);
            part10.set(out.toByteArray());
            assertEquals(raw.get().length, e.encodedLength());
            return Status.SUCCESS;
        });
        Dataset sent = ct("1.2.3.11", 1000);
        try (Association a = scu(EXPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(Status.SUCCESS, a.store(sent).status());
        }
        DicomFile file = DicomFile.read(new java.io.ByteArrayInputStream(part10.get()), false);
        assertEquals(sent, file.dataset());
        assertEquals(sent, new org.netdicom.data.io.DicomReader(raw.get(), 0, raw.get().length)
                .readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void aServerForAllStorageSopClassesTakesAnyOfThem() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        int port = start(new ApplicationEntity("STORESCP")
                .addSupportedContexts(org.netdicom.core.api.ServiceClass.STORAGE, EXPLICIT, IMPLICIT), storeInto(out));
        String mr = "1.2.840.10008.5.1.4.1.1.4";
        String secondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
        ApplicationEntity scu = new ApplicationEntity("STORESCU").addRequestedContext(mr, IMPLICIT)
                .addRequestedContext(secondaryCapture, EXPLICIT);
        try (Association a = scu.associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(2, a.acceptedContexts().size());
            assertEquals(Status.SUCCESS, a.store(ct("5.1", 10).setString(Tag.SOP_CLASS_UID, VR.UI, mr)).status());
            assertEquals(Status.SUCCESS,
                    a.store(ct("5.2", 10).setString(Tag.SOP_CLASS_UID, VR.UI, secondaryCapture)).status());
        }
        assertTrue(Files.exists(out.resolve("5.1.dcm")) && Files.exists(out.resolve("5.2.dcm")));
    }

    @Test
    void refusesToStoreWithoutAContextForTheSopClass() throws IOException {
        int port = start(scp(IMPLICIT), storeInto(dir));
        Dataset mr = ct("1.2.3.12", 10).setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.4");
        try (Association a = scu(IMPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            var e = assertThrows(org.netdicom.core.api.AssociationException.class, () -> a.store(mr));
            assertTrue(e.getMessage().contains("MR Image Storage"), e.getMessage());
            assertEquals(Status.SUCCESS, a.store(ct("1.2.3.13", 10)).status());
        }
    }

    @Test
    void tasksForAfterTheResponseRunOnceThePeerHasItAndBeforeTheNextRequest() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstAnswered = new CountDownLatch(1);
        int port = start(scp(EXPLICIT).spoolDirectory(dir), e -> {
            String uid = e.sopInstanceUid();
            e.storePart10(out.resolve(uid + ".dcm"));
            order.add("handler " + uid);
            e.afterResponse(() -> {
                throw new IllegalStateException("a failing task"); // logged; the next one still runs
            });
            e.afterResponse(() -> {
                try { // the requestor counts down once it has the response: a task run before it would wait in vain
                    order.add((uid.equals("1.2.1") && !firstAnswered.await(10, TimeUnit.SECONDS) ? "too early " : "task ")
                            + uid);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            return Status.SUCCESS;
        });
        try (Association a = scu(EXPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            assertEquals(Status.SUCCESS, a.store(ct("1.2.1", 2_000)).status());
            firstAnswered.countDown();
            assertEquals(Status.SUCCESS, a.store(ct("1.2.2", 2_000)).status());
        }
        assertEquals(List.of("handler 1.2.1", "task 1.2.1", "handler 1.2.2", "task 1.2.2"), order);
    }

    @Test
    void aContainerHandlerIsHeldUntilItsTasksAfterTheResponseRan() throws Exception {
        // A departing plugin is let go once its lease is released: that must come after its tasks
        List<String> order = new CopyOnWriteArrayList<>();
        CStoreHandler handler = e -> {
            order.add("handler " + e.sopInstanceUid());
            if (e.sopInstanceUid().equals("1.2.1")) {
                e.afterResponse(() -> order.add("task"));
            }
            return Status.SUCCESS;
        };
        Lease lease = new Lease() {
            @Override
            public boolean acquire() {
                order.add("acquired");
                return true;
            }

            @Override
            public void release() {
                order.add("released");
            }
        };
        HandlerRegistry.Binding binding = new HandlerRegistry.Binding(handler, List.of(), lease, null);
        ContainerHandlers.Provider container = properties -> new HandlerSource() {
            @Override
            public boolean wants(EventType type) {
                return false;
            }

            @Override
            public List<HandlerRegistry.Binding> notifications(EventType type) {
                return List.of();
            }

            @Override
            public HandlerRegistry.Binding intervention(EventType type) {
                return type == EventType.EVT_C_STORE ? binding : null;
            }
        };
        ContainerHandlers.install(container);
        try {
            int port = start(scp(EXPLICIT).spoolDirectory(dir), null);
            try (Association a = scu(EXPLICIT).associate("127.0.0.1", port, "STORESCP")) {
                assertEquals(Status.SUCCESS, a.store(ct("1.2.1", 2_000)).status());
                assertEquals(Status.SUCCESS, a.store(ct("1.2.2", 2_000)).status());
            }
        } finally {
            ContainerHandlers.uninstall(container);
        }
        assertEquals(List.of("acquired", "handler 1.2.1", "task", "released", "acquired", "handler 1.2.2", "released"),
                order);
    }
}
