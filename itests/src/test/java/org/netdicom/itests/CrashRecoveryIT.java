package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;

/**
 * The container killed (SIGKILL) in the middle of a large C-STORE stream: on restart no partial
 * file is left, neither the spooled half data set nor anything in the storage folders, the index
 * has no row without its file, what was stored before is still found, and the same instance can be
 * sent again. Leftovers of a crash during the store itself (a temporary file beside the stored
 * ones, a row whose file vanished) are put right by the reconciliation at start-up.
 */
public class CrashRecoveryIT {

    private static final long BOOT_SECONDS = 90;
    private static final int LARGE_BYTES = 120 << 20;

    private KarafNode node;

    @After
    public void stop() throws Exception {
        if (node != null) {
            node.destroy();
        }
    }

    @Test
    public void killedInTheMiddleOfALargeStoreLeavesNoPartialFileAndNoOrphanRow() throws Exception {
        Path work = Path.of(System.getProperty("netdicom.work", "target/itest-work")).resolve("crash");
        KarafNode.deleteRecursively(work);
        Path data = work.resolve("data");
        int port = Ports.free();
        node = KarafNode.copyOf(Path.of(System.getProperty("netdicom.assembly")), work, "node", Map.of(
                "NETDICOM_PORT", Integer.toString(port), "NETDICOM_BIND", Ports.LOOPBACK,
                "NETDICOM_DATA", data.toString()));
        node.start();
        awaitListening(1);

        List<ArchiveInstances.Instance> small = ArchiveInstances.write(work.resolve("small"), 1, 2, 0);
        DcmtkTool.Result stored = DcmtkTool.run(null, 120, "storescu", "+sd", "+r", "-aec", "NETDICOM", Ports.LOOPBACK,
                Integer.toString(port), work.resolve("small").toString());
        assertEquals(stored.toString(), 0, stored.exitCode());
        assertEquals(small.size(), imagesFound(port));

        Path large = work.resolve("large.dcm");
        writeLarge(large);
        // with NETDICOM_DATA the node spools in $NETDICOM_DATA/spool/<host>-<port>, next to the storage
        Path spool = data.resolve("spool");
        Process storescu;
        try (ThrottlingProxy proxy = new ThrottlingProxy(port, 40L << 20)) {
            storescu = new ProcessBuilder("storescu", "-aec", "NETDICOM", Ports.LOOPBACK, Integer.toString(proxy.port()),
                    large.toString()).redirectErrorStream(true).redirectOutput(work.resolve("storescu.log").toFile())
                    .start();
            assertTrue("the large data set never reached the spool folder " + spool,
                    awaitSpoolFileOver(spool, 16 << 20, 60));
            node.destroy(); // SIGKILL to the container and its children, mid-transfer
        }
        storescu.waitFor(30, TimeUnit.SECONDS);
        assertTrue("a half-received data set is in the spool folder before the restart", countParts(spool) > 0);

        // what a crash during a store itself could leave: a temporary file, a row whose file is gone
        Path storage = data.resolve("storage");
        Path someStored = storedFiles(storage).get(0);
        Files.writeString(someStored.resolveSibling(".crashed-store.0123.part"), "half");
        Files.delete(someStored);

        node.start();
        awaitListening(2);
        assertNotNull("no reconciliation at start:\n" + node.output(), node.awaitLine(
                l -> l.contains("reconciled with the index"), BOOT_SECONDS, TimeUnit.SECONDS));
        assertEquals("spool files left: " + spool, 0, countParts(spool));
        try (Stream<Path> all = Files.walk(storage)) {
            assertFalse("a temporary file is left in the storage folders",
                    all.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
        assertEquals("the row of the vanished file is gone, the others stay", small.size() - 1, imagesFound(port));
        assertEquals(small.size() - 1, storedFiles(storage).size());

        DcmtkTool.Result again = DcmtkTool.run(null, 120, "storescu", "-aec", "NETDICOM", Ports.LOOPBACK,
                Integer.toString(port), large.toString());
        assertEquals("the large instance sent again: " + again, 0, again.exitCode());
        assertEquals(small.size(), imagesFound(port));
    }

    private void awaitListening(int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_SECONDS);
        while (node.lines(l -> l.contains("listening on")).size() < times) {
            assertTrue("the node did not listen:\n" + node.output(), System.nanoTime() < deadline);
            Thread.sleep(200);
        }
    }

    private static void writeLarge(Path file) throws Exception {
        Dataset d = new Dataset();
        d.setString(Tag.SOP_CLASS_UID, VR.UI, ArchiveInstances.SC);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, ArchiveInstances.ROOT + ".777.1");
        d.setString("PatientID", "LARGE");
        d.setString("StudyInstanceUID", ArchiveInstances.ROOT + ".777");
        d.setString("SeriesInstanceUID", ArchiveInstances.ROOT + ".777.0");
        d.setString("Modality", "OT");
        d.setBytes(Tag.PIXEL_DATA, VR.OB, new byte[LARGE_BYTES]);
        DicomFile.write(file, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static boolean awaitSpoolFileOver(Path spool, long bytes, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(spool)) {
                try (Stream<Path> files = Files.walk(spool)) {
                    if (files.anyMatch(p -> p.getFileName().toString().endsWith(".part") && size(p) > bytes)) {
                        return true;
                    }
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long countParts(Path spool) throws Exception {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    private static List<Path> storedFiles(Path storage) throws Exception {
        try (Stream<Path> all = Files.walk(storage)) {
            return all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted()
                    .toList();
        }
    }

    /** How many instances findscu finds at IMAGE level (Patient Root, every patient). */
    private static int imagesFound(int port) throws Exception {
        DcmtkTool.Result find = DcmtkTool.run(null, 60, "findscu", "-v", "-P", "-aec", "NETDICOM",
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "PatientID=*", "-k", "SOPInstanceUID", Ports.LOOPBACK,
                Integer.toString(port));
        assertEquals(find.toString(), 0, find.exitCode());
        return find.output().split("Find Response: \\d+ \\(Pending", -1).length - 1;
    }
}
