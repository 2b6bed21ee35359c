package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.interop.TestInstances.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.testkit.Dcmtk;

/**
 * C-STORE between netdicom and DCMTK both ways: {@code storescu} sends 50 instances and each of
 * the uncompressed and two compressed transfer syntaxes to our SCP, which stores them as Part 10
 * files; our SCU sends files (streamed unchanged, or converted) and data sets to {@code storescp}.
 * Every instance must arrive with the data set it left with, in the transfer syntax expected, and
 * DCMTK's {@code dcmdump} must read what our SCP stored.
 */
class StoreInteropIT {

    static final String IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String BIG = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid();
    static final String DEFLATED = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final int INSTANCES = 50;

    @TempDir
    static Path shared;
    private static List<Path> originals;

    @TempDir
    Path dir;
    private AssociationServer server;
    private Process storescp;

    @BeforeAll
    static void writeInstances() throws IOException {
        originals = TestInstances.write(shared.resolve("originals"), INSTANCES);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (storescp != null) {
            storescp.destroy();
            storescp.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The DCMTK tool that writes a file in each transfer syntax, the {@code storescu} option that
     * proposes it (one presentation context per transfer syntax: the file's own is chosen).
     */
    enum Syntax {
        IMPLICIT_LE(IMPLICIT, "-xi", "dcmconv", "+ti"),
        EXPLICIT_BE(BIG, "-xb", "dcmconv", "+tb"),
        DEFLATED_LE(DEFLATED, "-xd", "dcmconv", "+td"),
        JPEG_LOSSLESS(JPEG_LOSSLESS_SV1, "-xs", "dcmcjpeg", "+e1"),
        RLE(RLE_LOSSLESS, "-xr", "dcmcrle");

        final String uid;
        final String propose;
        final String tool;
        final String[] options;

        Syntax(String uid, String propose, String tool, String... options) {
            this.uid = uid;
            this.propose = propose;
            this.tool = tool;
            this.options = options;
        }

        /** {@code files} converted into {@code dir} by DCMTK. */
        List<Path> convert(List<Path> files, Path dir) throws Exception {
            Files.createDirectories(dir);
            List<Path> converted = new ArrayList<>();
            for (Path file : files) {
                Path out = dir.resolve(file.getFileName());
                List<String> args = new ArrayList<>(List.of(options));
                args.add(file.toString());
                args.add(out.toString());
                Dcmtk.Result result = Dcmtk.run(tool, args.toArray(String[]::new));
                assertEquals(0, result.exitCode(), tool + " " + file + ": " + result);
                assertEquals(uid, DicomFile.read(out).transferSyntax().uid(), tool + " wrote " + out);
                converted.add(out);
            }
            return converted;
        }
    }

    // ---- DCMTK storescu -> our SCP ------------------------------------------------------------

    private static ApplicationEntity ourScp() {
        return new ApplicationEntity("NETDICOM").logHandlerLevel(LogHandlerLevel.NONE)
                .addSupportedContexts(ServiceClass.STORAGE, EXPLICIT, IMPLICIT, BIG, DEFLATED, JPEG_LOSSLESS_SV1,
                        RLE_LOSSLESS);
    }

    private int startOurScp(ApplicationEntity scp, CStoreHandler handler) throws IOException {
        EventBindings bindings = handler == null ? EventBindings.none() : EventBindings.of(EventType.EVT_C_STORE, handler);
        server = scp.startServer(new InetSocketAddress("127.0.0.1", 0), bindings);
        return server.localAddress().getPort();
    }

    private static CStoreHandler storeInto(Path folder) {
        return event -> {
            event.storePart10(folder.resolve(event.sopInstanceUid() + ".dcm"));
            return Status.SUCCESS;
        };
    }

    private static Dcmtk.Result storescu(int port, List<String> options, List<Path> files) throws Exception {
        List<String> args = new ArrayList<>(List.of("-v", "-R", "-to", "10", "-aec", "NETDICOM"));
        args.addAll(options);
        args.add("127.0.0.1");
        args.add(Integer.toString(port));
        files.forEach(f -> args.add(f.toString()));
        return Dcmtk.run("storescu", args.toArray(String[]::new));
    }

    private static int successes(Dcmtk.Result result) {
        return result.output().split("Received Store Response \\(Success\\)", -1).length - 1;
    }

    /** Each original has arrived as a file in {@code received} with its data set and {@code transferSyntax}. */
    private static void assertAllArrived(List<Path> sent, Path received, String transferSyntax) throws IOException {
        Map<String, Path> stored = byInstanceUid(received);
        assertEquals(sent.size(), stored.size(), "files stored: " + stored.keySet());
        for (Path original : sent) {
            String uid = meta(original).fileMeta().getString(org.netdicom.data.Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
            Path file = stored.get(uid);
            assertNotNull(file, uid + " (" + original.getFileName() + ") was not stored");
            assertEquals(transferSyntax, meta(file).transferSyntax().uid(), file.toString());
            assertSameDataSet(original, file);
        }
    }

    /** DCMTK reads every stored file without an error or a warning. */
    private static void assertDcmdumpReads(Path folder) throws Exception {
        List<String> args = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.sorted().forEach(f -> args.add(f.toString()));
        }
        Dcmtk.Result dump = Dcmtk.run("dcmdump", args.toArray(String[]::new));
        assertEquals(0, dump.exitCode(), dump.toString());
        assertFalse(dump.output().contains("E: ") || dump.output().contains("W: "), dump.toString());
        assertEquals(args.size(), dump.output().split("# Dicom-File-Format", -1).length - 1, "files dumped");
    }

    /** The spool files are gone once the handler returned (they are released just after the response). */
    private static void assertEmptyEventually(Path spool) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Path> left;
        do {
            try (Stream<Path> files = Files.list(spool)) {
                left = files.toList();
            }
            if (left.isEmpty()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        } while (System.nanoTime() < deadline);
        fail("spool files left behind: " + left);
    }

    @ParameterizedTest(name = "max PDU {0}, memory limit {1}")
    @CsvSource({"16384, 1048576", "4096, 1048576", "16384, 0"})
    void storescuSendsFiftyInstancesThatArriveUnchanged(int maxPdu, int memoryLimit) throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path received = Files.createDirectories(dir.resolve("received"));
        int port = startOurScp(ourScp().maximumPduLength(maxPdu).dataSetMemoryLimit(memoryLimit).spoolDirectory(spool),
                storeInto(received));

        Dcmtk.Result result = storescu(port, List.of("-xe", "-pdu", Integer.toString(maxPdu)), originals);

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(INSTANCES, successes(result), result.toString());
        assertAllArrived(originals, received, EXPLICIT);
        assertDcmdumpReads(received);
        assertEmptyEventually(spool);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Syntax.class)
    void storescuSendsEachTransferSyntaxThatArrivesInItUnchanged(Syntax syntax) throws Exception {
        // two of each kind of image (CT, MR, RGB), small and large
        List<Path> files = syntax.convert(List.of(originals.get(1), originals.get(2), originals.get(3),
                originals.get(46), originals.get(47), originals.get(48)), dir.resolve("converted"));
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path received = Files.createDirectories(dir.resolve("received"));
        int port = startOurScp(ourScp().dataSetMemoryLimit(64 * 1024).spoolDirectory(spool), storeInto(received));

        Dcmtk.Result result = storescu(port, List.of(syntax.propose), files);

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(files.size(), successes(result), result.toString());
        assertAllArrived(files, received, syntax.uid);
        assertDcmdumpReads(received);
        assertEmptyEventually(spool);
    }

    @Test
    void storescuGetsRefusedOutOfResourcesWithoutAHandler() throws Exception {
        int port = startOurScp(ourScp(), null);

        Dcmtk.Result result = storescu(port, List.of("-d"), List.of(originals.get(1), originals.get(2)));

        assertTrue(result.output().contains("DIMSE Status                  : 0xa700: Refused: Out of resources"),
                result.toString());
        assertNotEquals(0, result.exitCode(), "storescu stops at the refusal: " + result);
        assertFalse(result.output().contains("Sending file: " + originals.get(2)), result.toString());
    }

    @Test
    void storescuGetsC211WhenTheHandlerThrowsAndTheNextStoreSucceeds() throws Exception {
        Path received = Files.createDirectories(dir.resolve("received"));
        CStoreHandler store = storeInto(received);
        int port = startOurScp(ourScp(), event -> {
            if (event.sopInstanceUid().equals(instanceUid(1))) {
                throw new IllegalStateException("broken plugin");
            }
            return store.onCStore(event);
        });

        Dcmtk.Result result = storescu(port, List.of("-d", "-nh"), List.of(originals.get(1), originals.get(2)));

        assertTrue(result.output().contains("DIMSE Status                  : 0xc211: Error: Cannot understand"),
                result.toString());
        assertTrue(result.output().contains("DIMSE Status                  : 0x0000: Success"), result.toString());
        assertEquals(0, result.exitCode(), "storescu -nh goes on after the failure: " + result);
        assertEquals(Map.of(instanceUid(2), received.resolve(instanceUid(2) + ".dcm")), byInstanceUid(received));
    }

    // ---- our SCU -> DCMTK storescp ------------------------------------------------------------

    /** storescp accepting every transfer syntax it knows, writing what it receives byte for byte. */
    private int startStorescp(Path folder) throws Exception {
        Files.createDirectories(folder);
        int port = Dcmtk.freePort();
        storescp = Dcmtk.startServer(folder, port, "storescp", "-aet", "STORESCP", "+xa", "+B", "-od",
                folder.toString(), Integer.toString(port));
        return port;
    }

    private static ApplicationEntity ourScu(String... transferSyntaxes) {
        ApplicationEntity scu = new ApplicationEntity("NETDICOM").logHandlerLevel(LogHandlerLevel.NONE);
        for (String sopClass : List.of(CT, MR, SC)) {
            scu.addRequestedContext(sopClass, transferSyntaxes);
        }
        return scu;
    }

    @Test
    void ourScuStreamsFilesToStorescpByteForByteWhenTheSyntaxIsAccepted() throws Exception {
        Path received = dir.resolve("received");
        int port = startStorescp(received);

        try (Association association = ourScu(EXPLICIT).associate("127.0.0.1", port, "STORESCP")) {
            for (Path file : originals) {
                assertEquals(Status.SUCCESS, association.store(file).status(), file.toString());
            }
        }

        assertAllArrived(originals, received, EXPLICIT);
        Map<String, Path> stored = byInstanceUid(received);
        for (int i = 0; i < originals.size(); i++) {
            assertArrayEquals(dataSetBytes(originals.get(i)), dataSetBytes(stored.get(instanceUid(i))),
                    "data set bytes of " + originals.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void ourScuConvertsFilesToTheOnlyAcceptedSyntax(String transferSyntax) throws Exception {
        Path received = dir.resolve("received");
        int port = startStorescp(received);
        List<Path> some = originals.subList(0, 12);

        try (Association association = ourScu(transferSyntax).associate("127.0.0.1", port, "STORESCP")) {
            for (Path file : some) {
                assertEquals(Status.SUCCESS, association.store(file).status(), file.toString());
            }
        }

        assertAllArrived(some, received, transferSyntax);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void ourScuStoresDataSetsInEachUncompressedSyntax(String transferSyntax) throws Exception {
        Path received = dir.resolve("received");
        int port = startStorescp(received);
        List<Path> some = List.of(originals.get(1), originals.get(2), originals.get(3), originals.get(INSTANCES - 1));

        try (Association association = ourScu(transferSyntax).associate("127.0.0.1", port, "STORESCP")) {
            for (Path file : some) {
                DimseResponse response = association.store(DicomFile.read(file).dataset());
                assertEquals(Status.SUCCESS, response.status(), file.toString());
            }
        }

        assertAllArrived(some, received, transferSyntax);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Syntax.class, names = {"JPEG_LOSSLESS", "RLE"})
    void ourScuStoresCompressedFilesAndDataSetsInTheirSyntax(Syntax syntax) throws Exception {
        List<Path> files = syntax.convert(List.of(originals.get(1), originals.get(2), originals.get(3)),
                dir.resolve("converted"));
        Path fromFiles = dir.resolve("from-files");
        Path fromDataSets = dir.resolve("from-data-sets");

        int port = startStorescp(fromFiles);
        try (Association association = ourScu(syntax.uid).associate("127.0.0.1", port, "STORESCP")) {
            for (Path file : files) {
                assertEquals(Status.SUCCESS, association.store(file).status(), file.toString());
            }
        }
        stop();
        port = startStorescp(fromDataSets);
        try (Association association = ourScu(syntax.uid).associate("127.0.0.1", port, "STORESCP")) {
            for (Path file : files) {
                assertEquals(Status.SUCCESS, association.store(DicomFile.read(file).dataset(), syntax.uid).status());
            }
        }

        assertAllArrived(files, fromFiles, syntax.uid);
        assertAllArrived(files, fromDataSets, syntax.uid);
    }
}
