package org.netdicom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.data.BulkData;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.ReadOptions;

/**
 * The netdicom side of {@code bench/store-bench.sh}: writes the instances to send, runs a Storage
 * SCP that stores each instance as a Part 10 file in a folder, or sends files over one association
 * and prints {@code RESULT <seconds>} (from reading the files' headers to the release) for the
 * script to read.
 */
public final class StoreBench {

    private static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String IMPLICIT_LE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String WORD_SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7.3";

    /** A warm-up pass that costs the JIT less than this (milliseconds of compiling) is a quiet one. */
    private static final long QUIET_JIT_MILLIS = 20;

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: StoreBench generate DIR COUNT FRAMES [SET] | scp PORT FOLDER [MEMORY_LIMIT] | scu [--warm MIN-MAX DIR[@PORT/AET]] HOST PORT AET FILE|DIR...");
            System.exit(2);
        }
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? args[4] : "");
            case "scp" -> serve(Integer.parseInt(args[1]), Path.of(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : -1);
            case "scu" -> {
                boolean warm = args[1].equals("--warm");
                int at = warm ? 4 : 1;
                String[] passes = warm ? args[2].split("-", 2) : new String[] {"0"};
                String host = args[at];
                int port = Integer.parseInt(args[at + 1]);
                String aet = args[at + 2];
                // DIR@PORT/AET: the warm-up passes go to another server on the host (one that keeps
                // nothing), so that they write no files next to the measured run's
                String warmup = warm ? args[3] : null;
                int warmPort = port;
                String warmAet = aet;
                if (warmup != null && warmup.contains("@")) {
                    String[] target = warmup.substring(warmup.lastIndexOf('@') + 1).split("/", 2);
                    warmup = warmup.substring(0, warmup.lastIndexOf('@'));
                    warmPort = Integer.parseInt(target[0]);
                    warmAet = target[1];
                }
                send(host, port, aet, List.of(args).subList(at + 3, args.length), Integer.parseInt(passes[0]),
                        Integer.parseInt(passes[passes.length - 1]), warmup, warmPort, warmAet);
            }
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    /**
     * Writes {@code count} instances in Explicit VR Little Endian: with {@code frames} 0, CT images
     * of 512 x 512 16-bit pixels (0.5 MiB); else multi-frame secondary captures of {@code frames}
     * 1024 x 1024 16-bit frames (2 MiB each).
     */
    /** {@code set}: a number that makes the UIDs differ from those of other sets (empty: none). */
    private static void generate(Path dir, int count, int frames, String set) throws IOException {
        Files.createDirectories(dir);
        int size = frames == 0 ? 512 : 1024;
        long pixelBytes = (long) size * size * 2 * Math.max(frames, 1);
        for (int i = 0; i < count; i++) {
            Dataset d = new Dataset();
            d.setString(Tag.SOP_CLASS_UID, VR.UI, frames == 0 ? CT : WORD_SECONDARY_CAPTURE);
            d.setString(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.9" + frames + set + "0" + (100000 + i));
            d.setString("PatientName", "Bench^Store");
            d.setString("PatientID", "BENCH");
            d.setString("StudyInstanceUID", "2.25.91");
            d.setString("SeriesInstanceUID", "2.25.92" + frames + set);
            d.setString("Modality", frames == 0 ? "CT" : "OT");
            d.setString("InstanceNumber", Integer.toString(i + 1));
            d.setInt("SamplesPerPixel", 1);
            d.setString("PhotometricInterpretation", "MONOCHROME2");
            if (frames > 0) {
                d.setString("NumberOfFrames", Integer.toString(frames));
            }
            d.setInt("Rows", size).setInt("Columns", size);
            d.setInt("BitsAllocated", 16).setInt("BitsStored", 12).setInt("HighBit", 11).setInt("PixelRepresentation", 0);
            d.setBulkData(Tag.PIXEL_DATA, VR.OW, BulkData.ofSource(() -> new Pixels(pixelBytes), pixelBytes, false));
            DicomFile.write(dir.resolve(String.format("%05d.dcm", i)), d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
    }

    /** {@code length} bytes of a fixed pattern, made as they are read (any size in any heap). */
    private static final class Pixels extends InputStream {
        private static final byte[] BLOCK = new byte[65_521];

        static {
            for (int i = 0; i < BLOCK.length; i++) {
                BLOCK[i] = (byte) (i * 31 + (i >> 11));
            }
        }

        private final long length;
        private long pos;

        Pixels(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return pos < length ? BLOCK[(int) (pos++ % BLOCK.length)] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= length) {
                return -1;
            }
            int at = (int) (pos % BLOCK.length);
            int n = (int) Math.min(Math.min(len, length - pos), BLOCK.length - at);
            System.arraycopy(BLOCK, at, b, off, n);
            pos += n;
            return n;
        }
    }

    /**
     * Stores every instance as {@code FOLDER/<SOP Instance UID>.dcm}, spooling in {@code FOLDER/.spool}:
     * by default every C-STORE data set as it arrives; with a {@code memoryLimit} of 0 or more, data
     * sets up to it in memory ({@code spoolStoreDataSets(false)}).
     */
    private static void serve(int port, Path folder, int memoryLimit) throws Exception {
        Path spool = Files.createDirectories(folder.resolve(".spool"));
        boolean discard = Boolean.getBoolean("netdicom.bench.discard"); // to weigh the store alone
        CStoreHandler store = event -> {
            if (!discard) {
                event.storePart10(folder.resolve(event.sopInstanceUid() + ".dcm"));
            }
            return Status.SUCCESS;
        };
        AssociationServer server = new ApplicationEntity("NETDICOM").logHandlerLevel(LogHandlerLevel.NONE)
                .addSupportedContexts(ServiceClass.STORAGE, EXPLICIT_LE, IMPLICIT_LE)
                .spoolDirectory(spool).spoolStoreDataSets(memoryLimit < 0)
                .dataSetMemoryLimit(Math.max(memoryLimit, 0))
                .maximumPduLength(Integer.getInteger("netdicom.bench.maxPdu", new ApplicationEntity("X").maximumPduLength()))
                .startServer(new InetSocketAddress("127.0.0.1", port), EventBindings.of(EventType.EVT_C_STORE, store));
        System.out.println("READY " + server.localAddress().getPort());
        new CountDownLatch(1).await(); // until the script kills us
    }

    /**
     * Sends all files (directories: the files in them, sorted) over one association. First, untimed,
     * sends the files of {@code warmupDir}, each pass over an association of its own, until the JIT
     * is done compiling the sending path, as in a long-running application: until two passes in a
     * row cost it less than {@link #QUIET_JIT_MILLIS} of compiling, at least {@code minPasses} and
     * at most {@code maxPasses} times (bench/lib.sh's warm_until_steady does the same for the SCPs).
     */
    private static void send(String host, int port, String aet, List<String> paths, int minPasses, int maxPasses,
            String warmupDir, int warmPort, String warmAet) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int quiet = 0;
        for (int pass = 0; pass < maxPasses && (pass < minPasses || quiet < 2); pass++) {
            long before = jit.getTotalCompilationTime();
            store(host, warmPort, warmAet, list(List.of(warmupDir)));
            quiet = jit.getTotalCompilationTime() - before < QUIET_JIT_MILLIS ? quiet + 1 : 0;
        }
        if (maxPasses > 0 && Boolean.getBoolean("netdicom.bench.waitForGo")) {
            // warm: the script frees the received files now and then says go, so that what the
            // warm-up touched does not take the memory the measured run's receiver gets
            System.out.println("WARM");
            System.out.flush();
            if (System.in.read() < 0) {
                return;
            }
        }
        long start = System.nanoTime();
        store(host, port, aet, list(paths));
        System.out.printf("RESULT %.6f%n", (System.nanoTime() - start) / 1e9);
    }

    private static List<Path> list(List<String> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> in = Files.list(path)) {
                    in.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Reads the files' headers for their SOP classes, then sends them over one association. */
    private static void store(String host, int port, String aet, List<Path> files) throws Exception {
        Set<String> sopClasses = new TreeSet<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                sopClasses.add(DicomFile.read(in, ReadOptions.DEFAULT.stopBefore(0)).fileMeta()
                        .getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
            }
        }
        ApplicationEntity scu = new ApplicationEntity("BENCHSCU").logHandlerLevel(LogHandlerLevel.NONE);
        sopClasses.forEach(sopClass -> scu.addRequestedContext(sopClass, EXPLICIT_LE));
        try (Association association = scu.associate(host, port, aet)) {
            for (Path file : files) {
                Status status = association.store(file).status();
                if (!status.isSuccess()) {
                    throw new IllegalStateException(file + ": " + status);
                }
            }
        }
    }
}
