package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.After;
import org.junit.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/**
 * Plugin features come and go in the running container without touching the core: uninstalling
 * netdicom-qr and netdicom-storage turns their events over to the built-in defaults, installing
 * them again brings them back, and meanwhile the core bundle is neither refreshed nor restarted
 * (same bundle, one "listening" line) and an association opened before keeps working throughout.
 */
public class FeatureSwapIT {

    private static final long BOOT_SECONDS = 90;
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String STUDY_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String STUDY = "1.2.826.0.1.3680043.10.1077.99";

    private KarafNode node;

    @After
    public void stop() throws Exception {
        if (node != null) {
            node.destroy();
        }
    }

    @Test
    public void pluginFeaturesUninstallAndInstallWithoutRefreshingTheCoreOrDroppingAssociations() throws Exception {
        int port = Ports.free();
        Path work = Path.of(System.getProperty("netdicom.work", "target/itest-work"));
        node = KarafNode.copyOf(Path.of(System.getProperty("netdicom.assembly")), work, "feature-swap",
                Map.of("NETDICOM_PORT", Integer.toString(port), "NETDICOM_BIND", Ports.LOOPBACK,
                        "NETDICOM_DATA", work.resolve("feature-swap-data").toString()));
        KarafNode.deleteRecursively(work.resolve("feature-swap-data"));
        node.start();
        assertNotNull("not listening:\n" + node.output(), node.awaitLine(l -> l.contains("listening on"),
                BOOT_SECONDS, TimeUnit.SECONDS));
        String coreBefore = coreBundleLine();

        ApplicationEntity scu = new ApplicationEntity("SWAPSCU").addRequestedContext("1.2.840.10008.1.1", EXPLICIT)
                .addRequestedContext(CT, EXPLICIT).addRequestedContext(STUDY_FIND, EXPLICIT);
        try (Association a = scu.associate(Ports.LOOPBACK, port, "NETDICOM")) {
            assertEquals(0x0000, store(a, 1));
            assertEquals("one study found", 1, studiesFound(a));

            client("feature:uninstall netdicom-qr");
            awaitValue("C-FIND answered by the built-in default once netdicom-qr is gone", 0xA700,
                    () -> findStatus(a));
            client("feature:uninstall netdicom-storage");
            awaitValue("C-STORE refused once netdicom-storage is gone", 0xA700, () -> store(a, 2));
            assertTrue("C-ECHO goes on", a.echo().isSuccess());

            client("feature:install netdicom-storage", "feature:install netdicom-qr");
            awaitValue("C-STORE stored again", 0x0000, () -> store(a, 3));
            awaitValue("C-FIND answered again, with both stored instances' study", 1, () -> studiesFound(a));
            assertTrue("the association opened before the swaps is still up", a.isEstablished());
        }
        assertEquals("the core bundle was not refreshed or restarted", coreBefore, coreBundleLine());
        List<String> listening = node.lines(l -> l.contains("listening on"));
        assertEquals("the node started listening once and never stopped: " + listening, 1, listening.size());
    }

    /** The core bundle's line of bundle:list (id, state, start level, version); waits for SSH to come up. */
    private String coreBundleLine() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_SECONDS);
        String out;
        do {
            out = node.client(30, "bundle:list -t 0").replaceAll("\u001B\\[[0-9;]*m", "");
            var line = out.lines().filter(l -> l.contains("netdicom core")).findFirst();
            if (line.isPresent()) {
                return line.get().trim();
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no core bundle in bundle:list:\n" + out);
    }

    private String client(String... commands) throws Exception {
        String out = node.client(60, commands);
        assertTrue(String.join("; ", commands) + " failed:\n" + out, !out.contains("Error executing command"));
        return out;
    }

    private static int store(Association a, int instance) {
        Dataset d = new Dataset();
        d.setString(Tag.SOP_CLASS_UID, VR.UI, CT);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, STUDY + ".1." + instance);
        d.setString("PatientID", "SWAP");
        d.setString("PatientName", "Swap^Test");
        d.setString("StudyInstanceUID", STUDY);
        d.setString("SeriesInstanceUID", STUDY + ".1");
        d.setString("Modality", "CT");
        try {
            return a.store(d, EXPLICIT).status().code();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Dataset studyKeys() {
        Dataset keys = new Dataset();
        keys.setString("QueryRetrieveLevel", "STUDY");
        keys.setString("PatientID", "SWAP");
        keys.setString("StudyInstanceUID", "");
        return keys;
    }

    private static int findStatus(Association a) {
        try (ResponseIterator r = a.find(studyKeys(), STUDY_FIND)) {
            return r.finalResponse().status().code();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int studiesFound(Association a) {
        int matches = 0;
        try (ResponseIterator r = a.find(studyKeys(), STUDY_FIND)) {
            while (r.hasNext()) {
                DimseResponse response = r.next();
                if (response.status().category() == org.netdicom.core.api.Status.Category.PENDING) {
                    matches++;
                } else if (response.status().code() != 0) {
                    return -response.status().code();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return matches;
    }

    /** Polls (bounded) until {@code value} gives {@code expected}: feature changes take effect asynchronously. */
    private void awaitValue(String what, int expected, IntSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int last;
        do {
            last = value.getAsInt();
            if (last == expected) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + ": expected " + expected + ", last " + last + "\n" + node.output());
    }
}
