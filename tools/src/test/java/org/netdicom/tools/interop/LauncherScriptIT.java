package org.netdicom.tools.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.testkit.Dcmtk;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.TestFiles;
import org.netdicom.tools.ToolRun;

/**
 * bin/netdicom as users run it: a process, from another folder, through a symbolic link (as a
 * distribution's bin/ or ~/bin would hold it), with the JVM's real stdout, stderr and exit code.
 */
class LauncherScriptIT {

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    /** The launcher the build made (failsafe passes its path), linked from elsewhere. */
    private Path launcher() throws Exception {
        Path script = Path.of(System.getProperty("netdicom.launcher", "target/netdicom-tools/bin/netdicom"))
                .toAbsolutePath();
        assertTrue(Files.isExecutable(script), script + " must exist: run mvn package first");
        Path link = dir.resolve("bin/nd");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, script);
        }
        return link;
    }

    private Dcmtk.Result netdicom(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return Dcmtk.exec(dir, environment, command.toArray(String[]::new));
    }

    @Test
    void storescuFromTheScriptStoresIntoDcmtkStorescp() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.archive(in);
        Path out = Files.createDirectories(dir.resolve("out"));
        int port = ToolRun.freePort();
        processes.add(Dcmtk.startServer(dir, port, "storescp", "-od", out.toString(), Integer.toString(port)));
        Dcmtk.Result r = netdicom(Map.of(), "storescu", "-aec", "STORESCP", "127.0.0.1", Integer.toString(port), "in");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.output().contains("5 stored, 0 with warnings, 0 failed"), r.toString());
        assertFalse(r.output().contains("--- stderr"), "nothing on stderr: " + r);
        assertEquals(5, TestFiles.instancesIn(out).size());
    }

    @Test
    void failuresEndWithOneLineOnStderrAndTheDocumentedCode() throws Exception {
        Dcmtk.Result refused = netdicom(Map.of(), "echoscu", "127.0.0.1", Integer.toString(ToolRun.freePort()));
        assertEquals(ExitCodes.ASSOCIATION, refused.exitCode(), refused.toString());
        assertEquals("--- stderr\necho" + "scu: cannot connect: Connection refused", refused.output().strip());

        Dcmtk.Result usage = netdicom(Map.of(), "findscu", "--no-such-option", "127.0.0.1", "104");
        assertEquals(ExitCodes.USAGE, usage.exitCode(), usage.toString());
        assertEquals(2, usage.output().lines().count(), usage.toString()); // the marker line and the message

        Dcmtk.Result version = netdicom(Map.of(), "--version");
        assertEquals(0, version.exitCode(), version.toString());
        assertTrue(version.output().startsWith("netdicom "), version.toString());
    }

    @Test
    void theLibFolderCanBeOverridden() throws Exception {
        Dcmtk.Result missing = netdicom(Map.of("NETDICOM_LIB", dir.resolve("nowhere").toString()), "--version");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(missing.output().contains("netdicom-tools.jar not found in " + dir.resolve("nowhere")), missing.toString());

        Path lib = Path.of(System.getProperty("netdicom.launcher", "target/netdicom-tools/bin/netdicom"))
                .toAbsolutePath().getParent().resolveSibling("lib");
        Dcmtk.Result moved = netdicom(Map.of("NETDICOM_LIB", lib.toString()), "--version");
        assertEquals(0, moved.exitCode(), moved.toString());
    }

    /**
     * echoscu to a port nobody listens on: a short run of a tool that ends as a failed run does
     * (exit code 3), with its one line on stderr and nothing else (no CDS message).
     */
    private Dcmtk.Result refusedEcho(Map<String, String> environment) throws Exception {
        Dcmtk.Result r = netdicom(environment, "echoscu", "127.0.0.1", Integer.toString(ToolRun.freePort()));
        assertEquals(ExitCodes.ASSOCIATION, r.exitCode(), r.toString());
        return r;
    }

    private static void assertOnlyTheRefusal(Dcmtk.Result r) {
        assertEquals("--- stderr\necho" + "scu: cannot connect: Connection refused", r.output().strip(), r.toString());
    }

    @Test
    void theFirstRunOfAToolRecordsAClassArchiveThatItsLaterRunsMap() throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("NETDICOM_CACHE", cache.toString());
        assertOnlyTheRefusal(refusedEcho(env));
        List<Path> recorded = filesIn(cache);
        assertEquals(1, recorded.size(), recorded.toString());
        assertTrue(recorded.get(0).getFileName().toString().matches("tools-\\d+-\\d+-echoscu\\.jsa\\.\\d+"),
                recorded.toString());

        // the next run adopts the archive (its writer has ended) and maps it: our classes come from it
        Dcmtk.Result second = refusedEcho(Map.of("NETDICOM_CACHE", cache.toString(), "JAVA_OPTS", "-Xlog:class+load=info"));
        assertTrue(second.output().contains("org.netdicom.tools.Netdicom source: shared objects file (top)"),
                second.output().lines().filter(l -> l.contains("org.netdicom.tools.Netdicom ")).toList().toString());
        Path adopted = recorded.get(0).resolveSibling(recorded.get(0).getFileName().toString().replaceAll("\\.\\d+$", ""));
        assertEquals(List.of(adopted), filesIn(cache));
    }

    @Test
    void eachToolHasItsOwnArchiveAndHelpOrVersionRunsRecordNone() throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("NETDICOM_CACHE", cache.toString());
        assertEquals(0, netdicom(env, "--version").exitCode());
        assertEquals(0, netdicom(env, "storescu", "--help").exitCode());
        assertEquals(0, netdicom(env, "echoscu", "-V").exitCode());
        assertTrue(!Files.exists(cache) || filesIn(cache).isEmpty(), "a help run's classes would be a poor archive");

        refusedEcho(env);
        Path in = dir.resolve("in");
        TestFiles.archive(in);
        Dcmtk.Result store = netdicom(env, "storescu", "127.0.0.1", Integer.toString(ToolRun.freePort()), in.toString());
        assertEquals(ExitCodes.ASSOCIATION, store.exitCode(), store.toString());
        List<String> names = filesIn(cache).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.get(0).matches("tools-\\d+-\\d+-echoscu\\.jsa\\.\\d+"), names.toString());
        assertTrue(names.get(1).matches("tools-\\d+-\\d+-storescu\\.jsa\\.\\d+"), names.toString());
    }

    /** The launcher names the tools whose runs record an archive: every tool of the launcher, no other. */
    @Test
    void theScriptKnowsEveryTool() throws Exception {
        String script = Files.readString(launcher().toRealPath());
        String tools = script.lines().filter(l -> l.contains("echoscu |")).findFirst().orElseThrow().strip();
        java.io.PrintWriter none = new java.io.PrintWriter(java.io.Writer.nullWriter());
        List<String> expected = new ArrayList<>(org.netdicom.tools.Netdicom.commandLine(none, none).getSubcommands().keySet());
        List<String> listed = new ArrayList<>(List.of(tools.substring(0, tools.indexOf(')')).split("\\s*\\|\\s*")));
        java.util.Collections.sort(expected);
        java.util.Collections.sort(listed);
        assertEquals(expected, listed);
    }

    @Test
    void anArchiveCutShortIsDeletedNotMapped() throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("NETDICOM_CACHE", cache.toString());
        refusedEcho(env);
        Path whole = filesIn(cache).get(0);
        // as a writer killed while writing leaves it (a pid no process has): mapping it would crash the JVM
        Path cut = whole.resolveSibling(whole.getFileName().toString().replaceAll("\\d+$", "99999999"));
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Files.delete(whole);

        assertOnlyTheRefusal(refusedEcho(env));
        assertFalse(Files.exists(cut), "the cut archive is deleted");
        assertEquals(1, filesIn(cache).size(), "this run records a new one: " + filesIn(cache));
    }

    @Test
    void optionsTheJvmCannotRecordWithLeaveTheToolRunningWithoutAnArchive() throws Exception {
        Path cache = dir.resolve("cache");
        // no base archive of the JDK's classes fits these options: recording would fail the JVM's start
        Map<String, String> env = Map.of("NETDICOM_CACHE", cache.toString(), "JAVA_OPTS", "-XX:-UseCompressedClassPointers");
        for (int run = 0; run < 2; run++) {
            assertOnlyTheRefusal(refusedEcho(env));
            List<Path> files = filesIn(cache);
            assertEquals(1, files.size(), files.toString());
            assertTrue(files.get(0).getFileName().toString().endsWith(".refused"), "remembered, not tried again: " + files);
        }
    }

    @Test
    void noArchiveWhenTurnedOffOrWhereItsPathHasABlank() throws Exception {
        Path cache = dir.resolve("cache");
        refusedEcho(Map.of("NETDICOM_CACHE", cache.toString(), "NETDICOM_CDS", "off"));
        assertTrue(!Files.exists(cache) || filesIn(cache).isEmpty());

        Path blank = dir.resolve("a cache"); // its path would be split among the JVM's options
        refusedEcho(Map.of("NETDICOM_CACHE", blank.toString()));
        assertFalse(Files.exists(blank));
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void storescpFromTheScriptReceivesFromDcmtkStorescu() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.archive(in);
        Path out = dir.resolve("received");
        int port = ToolRun.freePort();
        ProcessBuilder builder = new ProcessBuilder(launcher().toString(), "storescp", "-od", out.toString(),
                Integer.toString(port)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("storescp.log").toFile());
        Process scp = builder.start();
        processes.add(scp);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(dir.resolve("storescp.log")) || !Files.readString(dir.resolve("storescp.log")).contains("listening")) {
            assertTrue(scp.isAlive(), "storescp ended: " + Files.readString(dir.resolve("storescp.log")));
            assertTrue(System.nanoTime() < deadline, "storescp did not start");
            Thread.sleep(50);
        }
        Dcmtk.Result r = Dcmtk.run("storescu", "+sd", "+r", "127.0.0.1", Integer.toString(port), in.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(5, TestFiles.instancesIn(out).size());
        scp.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook closes the server
        assertTrue(scp.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readString(dir.resolve("storescp.log")).contains("5 instances stored"),
                Files.readString(dir.resolve("storescp.log")));
    }
}
