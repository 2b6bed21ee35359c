package org.netdicom.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution, run as {@code bin/karaf server} in a child process.
 *
 * <p>The copy lives under the itests build folder, so runs never touch
 * {@code distribution/target/assembly}. Its SSH port (and the JMX/RMI ports, should the
 * management feature ever be booted) are moved to free ports, so a developer's running node
 * does not collide with the test. Everything the process prints is kept for assertions.
 */
final class KarafNode {

    /** Runtime state a developer's run may have left in the assembly; not copied. */
    private static final Set<String> RUNTIME_STATE = Set.of("data", "instances", "lock", "karaf.pid");

    private final Path home;
    private final Map<String, String> environment;
    private final int sshPort;
    private final List<String> output = new ArrayList<>();
    private Process process;

    private KarafNode(Path home, Map<String, String> environment, int sshPort) {
        this.home = home;
        this.environment = environment;
        this.sshPort = sshPort;
    }

    /**
     * Copies the assembly to {@code workDir/name} (replacing an older copy) and moves its
     * network ports out of the way.
     *
     * @param environment extra environment variables for the container, e.g. NETDICOM_PORT
     */
    static KarafNode copyOf(Path assembly, Path workDir, String name, Map<String, String> environment)
            throws IOException {
        if (!Files.isExecutable(assembly.resolve("bin/karaf"))) {
            throw new IllegalStateException("no built distribution at " + assembly
                    + " (build it first: mvn -B install -pl distribution -am)");
        }
        Path home = workDir.resolve(name);
        deleteRecursively(home);
        copyRecursively(assembly, home);
        int sshPort = Ports.free();
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", sshPort);
        Path management = home.resolve("etc/org.apache.karaf.management.cfg");
        if (Files.exists(management)) {
            setProperty(management, "rmiRegistryPort", Ports.free());
            setProperty(management, "rmiServerPort", Ports.free());
        }
        return new KarafNode(home, environment, sshPort);
    }

    /** The copy's folder (e.g. to drop bundles into {@code deploy/} before it starts). */
    Path home() {
        return home;
    }

    /**
     * Runs console commands through {@code bin/client} in batch mode (osgi-build-notes T13) as user
     * karaf, and returns what it printed; bounded by {@code timeoutSeconds}.
     */
    String client(long timeoutSeconds, String... commands) throws IOException, InterruptedException {
        ProcessBuilder builder = command("client", "-h", "127.0.0.1", "-a", Integer.toString(sshPort), "-u", "karaf",
                "-p", "karaf", "-r", "3", "-b").redirectErrorStream(true);
        Path out = Files.createTempFile(home, "client-", ".out");
        builder.redirectOutput(out.toFile());
        Process client = builder.start();
        try (var stdin = client.getOutputStream()) {
            stdin.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!client.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            client.destroyForcibly();
        }
        String printed = Files.readString(out);
        Files.delete(out);
        return printed;
    }

    /** Starts {@code bin/karaf server} in the foreground of a child process. */
    void start() throws IOException {
        ProcessBuilder builder = command("karaf", "server").redirectErrorStream(true);
        process = builder.start();
        process.getOutputStream().close();
        Thread reader = new Thread(this::readOutput, "karaf-output-" + home.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Waits (bounded) for a line of the container's stdout that matches.
     *
     * @return the line, or null if none came in time or the process ended first
     */
    String awaitLine(Predicate<String> matcher, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (output) {
            int seen = 0;
            while (true) {
                for (; seen < output.size(); seen++) {
                    if (matcher.test(output.get(seen))) {
                        return output.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen == output.size()) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(output, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** Lines the container printed that match. */
    List<String> lines(Predicate<String> matcher) {
        synchronized (output) {
            return output.stream().filter(matcher).toList();
        }
    }

    /** Everything the container printed so far, for failure messages. */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * The command line of the container's JVM (the process running Karaf's main class, a child of
     * bin/karaf's shell), from /proc: {@code ProcessHandle.Info} leaves out long command lines.
     */
    List<String> jvmCommandLine() throws IOException {
        List<ProcessHandle> candidates = new ArrayList<>(process.descendants().toList());
        candidates.add(process.toHandle());
        for (ProcessHandle p : candidates) {
            List<String> commandLine = commandLine(p.pid());
            if (commandLine.contains("org.apache.karaf.main.Main")) {
                return commandLine;
            }
        }
        throw new IllegalStateException("no process of the container runs org.apache.karaf.main.Main");
    }

    private static List<String> commandLine(long pid) throws IOException {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
        } catch (NoSuchFileException gone) {
            return List.of();
        }
    }

    /**
     * Stops the container with {@code bin/stop} and waits (bounded) for its process to end; if
     * it does not, destroys the whole process tree.
     *
     * @return true if {@code bin/stop} alone ended it
     */
    boolean stop() throws IOException, InterruptedException {
        if (!isAlive()) {
            return false;
        }
        Process stop = command("stop").redirectErrorStream(true)
                .redirectOutput(home.resolve("stop.out").toFile()).start();
        boolean stopRan = stop.waitFor(30, TimeUnit.SECONDS) && stop.exitValue() == 0;
        if (stopRan && process.waitFor(30, TimeUnit.SECONDS)) {
            return true;
        }
        destroyTree();
        return false;
    }

    /** Ends the container and its child processes at once, if still running. */
    void destroy() throws InterruptedException {
        if (isAlive()) {
            destroyTree();
        }
    }

    private void destroyTree() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private ProcessBuilder command(String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        // The test decides every NETDICOM_* setting; none leak in from the developer's shell.
        env.keySet().removeIf(key -> key.startsWith("NETDICOM_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(environment);
        return builder;
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.add("[reading karaf output failed: " + e + "]");
            }
        } finally {
            synchronized (output) {
                output.notifyAll();
            }
        }
    }

    private static void setProperty(Path file, String key, int value) throws IOException {
        String text = Files.readString(file);
        Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(key + " not found in " + file);
        }
        Files.writeString(file, matcher.replaceFirst(key + " = " + value));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getParent() != null && dir.getParent().equals(from)
                        && RUNTIME_STATE.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getParent().equals(from) && RUNTIME_STATE.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                // COPY_ATTRIBUTES keeps the executable bits of bin/*.
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
