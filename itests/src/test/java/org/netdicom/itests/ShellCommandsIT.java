package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.After;
import org.junit.Test;

/**
 * The dicom:* console commands in the built Karaf distribution: the shell bundle (and then two
 * handler bundles) dropped into {@code deploy/}, the commands run through {@code bin/client}, and
 * their tables checked against what the node does.
 */
public class ShellCommandsIT {

    private static final long BOOT_SECONDS = 90;

    private KarafNode node;

    @After
    public void destroyNode() throws Exception {
        if (node != null) {
            node.destroy();
        }
    }

    @Test
    public void theCommandsShowTheServerItsCountersAndTheActiveAndShadowedHandlers() throws Exception {
        int port = Ports.free();
        node = KarafNode.copyOf(Path.of(property("netdicom.assembly")), Path.of(property("netdicom.work")),
                getClass().getSimpleName(), Map.of("NETDICOM_PORT", Integer.toString(port),
                        "NETDICOM_BIND", Ports.LOOPBACK));
        File dir = new File("target/handler-bundles");
        drop(HandlerBundles.build("org.netdicom.itests.handlers.plain", "1.0.0", "org.netdicom.itests.handlers.plain",
                0xA001, dir), "plain.jar");
        drop(HandlerBundles.build("org.netdicom.itests.handlers.ranked", "1.0.0",
                "org.netdicom.itests.handlers.ranked", 0xA002, dir), "ranked.jar");
        node.start();
        assertNotNull("the node did not start listening:\n" + node.output(), node.awaitLine(
                l -> l.contains("netdicom NETDICOM listening on " + Ports.LOOPBACK + ":" + port), BOOT_SECONDS,
                TimeUnit.SECONDS));

        // Each bin/client is a JVM of its own (2-3 s): few calls, several commands each.
        String handlers = await(out -> out.contains("handlers.plain") && out.contains("handlers.ranked")
                && out.contains("below"), "dicom:handlers C_ECHO");
        System.out.println(handlers); // kept in the failsafe report, for reading
        String echoRow = line(handlers, "EVT_C_ECHO");
        assertTrue(echoRow, echoRow.contains("NETDICOM:" + port));
        assertTrue("the ranked handler answers: " + echoRow, echoRow.matches(
                ".*EVT_C_ECHO.*service \\d+ \\(org\\.netdicom\\.itests\\.handlers\\.ranked, ranking 10\\).*"));
        assertTrue("the plain one is shadowed, with the reason: " + echoRow, echoRow.matches(".*service \\d+ "
                + "\\(org\\.netdicom\\.itests\\.handlers\\.plain, ranking 0\\): ranking 0 below 10 of service \\d+.*"));
        assertTrue(handlers, line(handlers, "RankedEchoAnswer").contains("EVT_C_ECHO"));

        String out = node.client(30, "dicom:echo -aet CONSOLE -aec NETDICOM 127.0.0.1 " + port, "dicom:servers",
                "dicom:associations");
        System.out.println(out);
        assertTrue(out, out.contains("C-ECHO CONSOLE -> NETDICOM@127.0.0.1:" + port + ": FAILURE (0xA002"));
        String[] row = cells(line(out, "LISTENING"));
        assertEquals(String.join("|", row), "NETDICOM 127.0.0.1 " + port + " no LISTENING",
                String.join(" ", row[0], row[1], row[2], row[3], row[4]));
        assertEquals("accepted, rejected, aborted, messages: " + String.join("|", row), "1 0 0 1",
                String.join(" ", row[6], row[7], row[8], row[9]));
        assertTrue(out, out.contains("Calling AE"));
        assertTrue("bin/stop did not stop the container", node.stop());
    }

    private void drop(File bundle, String name) throws Exception {
        Files.copy(bundle.toPath(), node.home().resolve("deploy").resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs {@code command} until its output satisfies {@code ready} (bundles deploy, SSH comes up). */
    private String await(Predicate<String> ready, String... commands) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_SECONDS);
        String out;
        do {
            out = node.client(30, commands);
            if (ready.test(out)) {
                return out;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(String.join("; ", commands) + " never gave the expected output; last:\n" + out + "\nnode:\n"
                + node.output());
    }

    /** The cells of a table row, trimmed (ShellTable separates them with | or a box-drawing bar). */
    private static String[] cells(String row) {
        return java.util.Arrays.stream(row.split("[|\u2502]")).map(String::trim).toArray(String[]::new);
    }

    private static String line(String text, String marker) {
        for (String l : text.split("\\R")) {
            if (l.contains(marker)) {
                return l;
            }
        }
        throw new AssertionError("no line with '" + marker + "' in:\n" + text);
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        assertNotNull("system property " + key + " is not set (run through Maven failsafe)", value);
        return value;
    }
}
