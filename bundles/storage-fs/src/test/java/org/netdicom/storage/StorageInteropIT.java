package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.event.EventType;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.index.StoredInstance;
import org.netdicom.testkit.Dcmtk;

/**
 * DCMTK's {@code storescu} sends instances of several SOP classes in each transfer syntax to a
 * netdicom server whose EVT_C_STORE handler is a {@link FileStore}: every instance must be on disk
 * at its pattern path with the data set bytes that were sent, a File Meta Information DCMTK reads,
 * and a row in the index; a full disk must give A700 and leave no partial file or row.
 */
class StorageInteropIT {

    static final String IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String BIG = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid();
    static final String DEFLATED = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";
    static final String RLE = "1.2.840.10008.1.2.5";

    @TempDir
    static Path shared;
    private static List<Path> originals;

    @TempDir
    Path dir;
    private AssociationServer server;
    private final MemoryIndex index = new MemoryIndex();

    /** The syntax, the storescu option that proposes it, and the DCMTK tool that writes a file in it. */
    enum Syntax {
        EXPLICIT_LE(EXPLICIT, "-xe", null),
        IMPLICIT_LE(IMPLICIT, "-xi", "dcmconv", "+ti"),
        EXPLICIT_BE(BIG, "-xb", "dcmconv", "+tb"),
        DEFLATED_LE(DEFLATED, "-xd", "dcmconv", "+td"),
        JPEG_LOSSLESS_SV1(JPEG_LOSSLESS, "-xs", "dcmcjpeg", "+e1"),
        RLE_LOSSLESS(RLE, "-xr", "dcmcrle");

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

        List<Path> convert(List<Path> files, Path dir) throws Exception {
            if (tool == null) {
                return files;
            }
            Files.createDirectories(dir);
            List<Path> converted = new ArrayList<>();
            for (Path file : files) {
                Path out = dir.resolve(file.getFileName());
                List<String> args = new ArrayList<>(List.of(options));
                args.add(file.toString());
                args.add(out.toString());
                Dcmtk.Result result = Dcmtk.run(tool, args);
                assertEquals(0, result.exitCode(), tool + " " + file + ": " + result);
                converted.add(out);
            }
            return converted;
        }
    }

    /** Nine instances: CT, MR and SC of three patients, two studies each, in Explicit VR Little Endian. */
    @BeforeAll
    static void writeInstances() throws IOException {
        Path folder = Files.createDirectories(shared.resolve("originals"));
        List<Path> files = new ArrayList<>();
        String[] classes = {Instances.CT, Instances.MR, Instances.SC};
        for (int i = 0; i < 9; i++) {
            Dataset d = Instances.image(classes[i % 3], "2.25.77" + (100 + i), "P" + (i % 3), "2.25.78" + (i % 2),
                    "2.25.79" + (i % 4));
            d.newSequence("ProcedureCodeSequence").addNew().setString("CodeValue", "C" + i)
                    .setString("CodingSchemeDesignator", "99TEST").setString("CodeMeaning", "test " + i);
            Path file = folder.resolve(i + ".dcm");
            DicomFile.write(file, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            files.add(file);
        }
        originals = List.copyOf(files);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start(FileStore store, ApplicationEntity ae) throws IOException {
        server = ae.startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EventType.EVT_C_STORE, store));
        return server.localAddress().getPort();
    }

    private static ApplicationEntity archive() {
        return new ApplicationEntity("ARCHIVE").logHandlerLevel(LogHandlerLevel.NONE)
                .addSupportedContexts(ServiceClass.STORAGE, EXPLICIT, IMPLICIT, BIG, DEFLATED, JPEG_LOSSLESS, RLE);
    }

    private static Dcmtk.Result storescu(int port, List<String> options, List<Path> files) throws Exception {
        List<String> args = new ArrayList<>(List.of("-v", "-aet", "MODALITY", "-aec", "ARCHIVE", "-R", "-to", "10"));
        args.addAll(options);
        args.add("127.0.0.1");
        args.add(Integer.toString(port));
        files.forEach(f -> args.add(f.toString()));
        return Dcmtk.run("storescu", args);
    }

    private static int count(String output, String text) {
        return output.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    private static List<Path> filesBelow(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * What DCMTK's own SCP receives from the same {@code storescu} run: {@code storescp +B} writes
     * each data set exactly as it arrived (storescu re-encodes files as it sends them, so the wire
     * bytes, not the files' bytes, are what a stored file must hold).
     */
    private Map<String, Path> receivedByStorescp(Syntax syntax, List<Path> sent) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("storescp"));
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process storescp = new ProcessBuilder(List.of("storescp", "-aet", "ARCHIVE", "+xa", "+B", "-od",
                folder.toString(), Integer.toString(port))).redirectErrorStream(true)
                .redirectOutput(dir.resolve("storescp.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (true) {
                try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    assertTrue(storescp.isAlive() && System.nanoTime() < deadline, "storescp did not start");
                    Thread.sleep(50);
                }
            }
            Dcmtk.Result result = storescu(port, List.of(syntax.propose), sent);
            assertEquals(0, result.exitCode(), result.toString());
        } finally {
            storescp.destroy();
            storescp.waitFor();
        }
        Map<String, Path> byUid = new TreeMap<>();
        for (Path file : filesBelow(folder)) {
            byUid.put(FileStoreTest.meta(file).fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID), file);
        }
        return byUid;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Syntax.class)
    void storescuInstancesAreOnDiskWithTheirDataSetAndIndexed(Syntax syntax) throws Exception {
        List<Path> sent = syntax.convert(originals, dir.resolve("sent"));
        Map<String, Path> reference = receivedByStorescp(syntax, sent);
        Path root = dir.resolve("storage");
        FileStore store = new FileStore(StorageSettings.of(root), index);
        int port = start(store, archive().dataSetMemoryLimit(4096).spoolDirectory(Files.createDirectories(dir.resolve("spool"))));

        Dcmtk.Result result = storescu(port, List.of(syntax.propose), sent);

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(sent.size(), count(result.output(), "Received Store Response (Success)"), result.toString());
        assertEquals(sent.size(), index.count());
        for (Path file : sent) {
            DicomFile original = DicomFile.read(file);
            String uid = original.dataset().getString(Tag.SOP_INSTANCE_UID);
            StoredInstance row = index.rows().get(uid);
            assertNotNull(row, uid);
            Dataset d = original.dataset();
            assertEquals(String.join("/", d.getString("PatientID"), d.getString("StudyInstanceUID"),
                    d.getString("SeriesInstanceUID"), uid + ".dcm"), row.path());
            Path stored = root.resolve(row.path());
            assertEquals(Files.size(stored), row.size());
            assertEquals(syntax.uid, row.transferSyntaxUid());
            DicomFile storedFile = DicomFile.read(stored);
            assertEquals(syntax.uid, storedFile.transferSyntax().uid());
            assertEquals("MODALITY", storedFile.fileMeta().getString(0x00020016), "Source AE Title");
            assertEquals("ARCHIVE", storedFile.fileMeta().getString(0x00020018), "Receiving AE Title");
            assertArrayEquals(FileStoreTest.dataSetBytes(reference.get(uid)), FileStoreTest.dataSetBytes(stored),
                    "data set bytes of " + file.getFileName() + " as storescp +B and our store received them");
            if (original.transferSyntax().isExplicitVr()) {
                assertEquals(original.dataset(), storedFile.dataset(), "data set of " + file.getFileName());
            }
        }
        Dcmtk.Result dump = Dcmtk.run("dcmdump", filesBelow(root).stream().map(Path::toString).toList());
        assertEquals(0, dump.exitCode(), dump.toString());
        assertFalse(dump.output().contains("E: ") || dump.output().contains("W: "), dump.toString());
        assertTrue(store.reconcile().wasConsistent());
    }

    @Test
    void implicitAndBigEndianDataSetsAreStoredInExplicitLittleEndianWhenConfigured() throws Exception {
        Path root = dir.resolve("storage");
        FileStore store = new FileStore(StorageSettings.of(root).withTransferSyntax("explicit-le"), index);
        int port = start(store, archive());
        List<Path> implicit = Syntax.IMPLICIT_LE.convert(originals.subList(0, 3), dir.resolve("implicit"));
        List<Path> big = Syntax.EXPLICIT_BE.convert(originals.subList(3, 6), dir.resolve("big"));

        assertEquals(0, storescu(port, List.of("-xi"), implicit).exitCode());
        assertEquals(0, storescu(port, List.of("-xb"), big).exitCode());

        assertEquals(6, index.count());
        for (Path original : originals.subList(0, 6)) {
            Dataset sent = DicomFile.read(original).dataset();
            StoredInstance row = index.rows().get(sent.getString(Tag.SOP_INSTANCE_UID));
            assertEquals(EXPLICIT, row.transferSyntaxUid());
            DicomFile stored = DicomFile.read(root.resolve(row.path()));
            assertEquals(EXPLICIT, stored.transferSyntax().uid());
            assertArrayEquals(sent.getBytes(Tag.PIXEL_DATA), stored.dataset().getBytes(Tag.PIXEL_DATA));
            assertEquals(sent.getString("PatientName"), stored.dataset().getString("PatientName"));
            assertEquals(sent.getSequence("ProcedureCodeSequence").get(0), stored.dataset().getSequence("ProcedureCodeSequence").get(0));
        }
        Dcmtk.Result dump = Dcmtk.run("dcmdump", filesBelow(root).stream().map(Path::toString).toList());
        assertEquals(0, dump.exitCode(), dump.toString());
        assertFalse(dump.output().contains("E: ") || dump.output().contains("W: "), dump.toString());
    }

    @Test
    void aDataSetThatIsNotTheRequestsIsA900AndNothingIsStored() throws Exception {
        // our SCU takes the request's UIDs from the file meta and streams the data set unchanged:
        // a meta that disagrees with its data set makes the mismatch a peer can send
        Path original = originals.get(0);
        Path lying = dir.resolve("lying.dcm");
        DicomFile file = DicomFile.read(original);
        Dataset meta = file.fileMeta().copy();
        meta.setString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, org.netdicom.data.VR.UI, "2.25.999");
        try (var out = Files.newOutputStream(lying)) {
            DicomFile.write(out, meta, file.dataset(), file.transferSyntax());
        }
        Path root = dir.resolve("storage");
        int port = start(new FileStore(StorageSettings.of(root), index), archive());
        ApplicationEntity scu = new ApplicationEntity("MODALITY").logHandlerLevel(LogHandlerLevel.NONE)
                .addRequestedContext(Instances.CT, EXPLICIT);

        org.netdicom.core.api.Status lie;
        org.netdicom.core.api.Status truth;
        try (org.netdicom.core.api.Association association = scu.associate("127.0.0.1", port, "ARCHIVE")) {
            lie = association.store(lying).status();
            truth = association.store(original).status();
        }

        assertEquals(org.netdicom.core.api.Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, lie);
        assertEquals(org.netdicom.core.api.Status.SUCCESS, truth);
        assertEquals(1, filesBelow(root).size());
        assertEquals(1, index.count());
    }

    @Test
    void aFullDiskAnswersA700AndLeavesNoPartialFileOrRow() throws Exception {
        Path root = Files.createDirectories(dir.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", root.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a 1 MB tmpfs here (needs root or CAP_SYS_ADMIN): "
                + new String(mount.getInputStream().readAllBytes()));
        try {
            List<Path> big = new ArrayList<>();
            for (int i = 0; i < 8; i++) { // 8 x 256 KiB into 1 MiB
                Dataset d = Instances.image(Instances.CT, "2.25.88" + (100 + i), "FULL", "2.25.89", "2.25.90");
                d.setInt("Rows", 256).setInt("Columns", 512);
                d.setBytes(Tag.PIXEL_DATA, org.netdicom.data.VR.OW, new byte[256 * 512 * 2]);
                Path file = dir.resolve("big-" + i + ".dcm");
                DicomFile.write(file, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                big.add(file);
            }
            FileStore store = new FileStore(StorageSettings.of(root), index);
            int port = start(store, archive());

            Dcmtk.Result result = storescu(port, List.of("-d", "-xe", "--no-halt"), big);

            int stored = count(result.output(), "DIMSE Status                  : 0x0000: Success");
            assertTrue(stored >= 1 && stored < big.size(), "some fit, some do not: " + stored);
            assertEquals(big.size() - stored, count(result.output(), "DIMSE Status                  : 0xa700"),
                    result.toString());
            List<Path> onDisk = filesBelow(root);
            assertEquals(stored, onDisk.size(), "one complete file per Success, nothing else: " + onDisk);
            assertEquals(stored, index.count());
            for (Path file : onDisk) {
                assertFalse(file.getFileName().toString().startsWith("."), file.toString());
                assertEquals(256 * 512 * 2, DicomFile.read(file).dataset().getBytes(Tag.PIXEL_DATA).length);
            }
            assertTrue(store.reconcile().wasConsistent());
        } finally {
            if (server != null) {
                server.close();
                server = null;
            }
            new ProcessBuilder("umount", root.toString()).start().waitFor();
        }
    }

    /** The instances stored, by SOP Instance UID (for debugging a failure). */
    static Map<String, String> paths(MemoryIndex index) {
        Map<String, String> paths = new TreeMap<>();
        index.rows().forEach((uid, row) -> paths.put(uid, row.path()));
        return paths;
    }
}
