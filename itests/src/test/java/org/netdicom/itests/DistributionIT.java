package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * The distribution users run: {@code bin/karaf server} from the built assembly, configured only
 * through NETDICOM_* environment variables, answers DCMTK's C-ECHO and closes its port when
 * stopped with {@code bin/stop}; its JVM runs with the fixed, pre-touched heap of {@code bin/setenv}.
 */
public class DistributionIT {

    /** Cold start of the container on a 2-core machine is about 5 s; leave ample room. */
    private static final long BOOT_SECONDS = 90;

    private static final Pattern LISTENING = Pattern.compile("netdicom \\S+ listening on ");

    @Rule
    public final TestName testName = new TestName();

    private KarafNode node;

    @After
    public void destroyNode() throws Exception {
        if (node != null) {
            node.destroy();
        }
    }

    @Test
    public void answersEchoWithDefaultAeTitleOnPortFromEnvironment() throws Exception {
        int port = Ports.free();
        start(Map.of("NETDICOM_PORT", Integer.toString(port), "NETDICOM_BIND", Ports.LOOPBACK));

        assertListeningLine("NETDICOM", port);
        assertHeap("512m");
        assertEchoSucceeds("NETDICOM", port);
        assertStopClosesPort(port);
    }

    @Test
    public void answersEchoWithAeTitleFromEnvironment() throws Exception {
        int port = Ports.free();
        start(Map.of("NETDICOM_AET", "OTHERAE", "NETDICOM_PORT", Integer.toString(port),
                "NETDICOM_BIND", Ports.LOOPBACK, "NETDICOM_HEAP", "256m"));

        assertListeningLine("OTHERAE", port);
        assertHeap("256m");
        assertEchoSucceeds("OTHERAE", port);
        assertStopClosesPort(port);
    }

    @Test
    public void invalidAeTitleFromEnvironmentLogsOneErrorAndContainerKeepsRunning() throws Exception {
        // also: NETDICOM_HEAP=default leaves the heap to the JVM
        int port = Ports.free();
        start(Map.of("NETDICOM_AET", "SEVENTEEN_CHARS_X", "NETDICOM_PORT", Integer.toString(port),
                "NETDICOM_BIND", Ports.LOOPBACK, "NETDICOM_HEAP", "default"));

        String error = node.awaitLine(line -> line.contains("ERROR"), BOOT_SECONDS, TimeUnit.SECONDS);
        assertNotNull("no ERROR line on the console within " + BOOT_SECONDS + " s:\n" + node.output(), error);
        assertTrue("the ERROR line does not name the AE title setting: " + error,
                error.toLowerCase(Locale.ROOT).contains("aet"));
        assertTrue("container stopped after an invalid AE title:\n" + node.output(), node.isAlive());
        List<String> jvm = node.jvmCommandLine();
        assertTrue("NETDICOM_HEAP=default still fixed the heap: " + jvm,
                jvm.stream().noneMatch(a -> a.startsWith("-Xms") || a.equals("-XX:+AlwaysPreTouch")));
        assertTrue("node listened on port " + port + " with an invalid AE title",
                Ports.staysClosed(port, 2, TimeUnit.SECONDS));
        List<String> errors = node.lines(line -> line.contains("ERROR"));
        assertEquals("ERROR lines on the console: " + errors, 1, errors.size());
        assertTrue("bin/stop did not stop the container", node.stop());
    }

    private void start(Map<String, String> environment) throws Exception {
        Path assembly = Path.of(requiredProperty("netdicom.assembly"));
        Path work = Path.of(requiredProperty("netdicom.work"));
        node = KarafNode.copyOf(assembly, work, getClass().getSimpleName() + "-" + testName.getMethodName(),
                environment);
        node.start();
    }

    private void assertListeningLine(String aet, int port) throws Exception {
        String expected = "netdicom " + aet + " listening on " + Ports.LOOPBACK + ":" + port;
        String line = node.awaitLine(l -> l.contains(expected), BOOT_SECONDS, TimeUnit.SECONDS);
        assertNotNull("no line '" + expected + "' on the console within " + BOOT_SECONDS + " s:\n"
                + node.output(), line);
        assertEquals("listening lines", 1, listeningLines().size());
    }

    /** The node's "netdicom AET listening on HOST:PORT" lines (not "... stopped listening on ..."). */
    private List<String> listeningLines() {
        return node.lines(line -> LISTENING.matcher(line).find());
    }

    /** bin/setenv gives the container's JVM a fixed heap of NETDICOM_HEAP (default 512m), touched at start. */
    private void assertHeap(String size) throws IOException {
        List<String> arguments = node.jvmCommandLine();
        assertTrue("JVM arguments lack -Xms" + size + " -Xmx" + size + " -XX:+AlwaysPreTouch: " + arguments,
                arguments.contains("-Xms" + size) && arguments.contains("-Xmx" + size)
                        && arguments.contains("-XX:+AlwaysPreTouch"));
    }

    private static void assertEchoSucceeds(String aet, int port) throws Exception {
        EchoScu.Result echo = EchoScu.echo(aet, Ports.LOOPBACK, port);
        assertEquals(echo.toString(), 0, echo.exitCode());
        assertTrue(echo.toString(), echo.succeeded());
    }

    private void assertStopClosesPort(int port) throws Exception {
        // The node served the echo without restarting in between (one activation only).
        assertEquals("listening lines before stop: " + listeningLines(), 1, listeningLines().size());
        assertTrue("bin/stop did not stop the container within 30 s", node.stop());
        assertTrue("port " + port + " still open after the container stopped",
                Ports.awaitClosed(port, 5, TimeUnit.SECONDS));
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        assertNotNull("system property " + key + " is not set (run through Maven failsafe)", value);
        return value;
    }
}
