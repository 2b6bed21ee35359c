package org.netdicom.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DCMTK's command-line tools as real peers, for the interop tests of every module. DCMTK is a prerequisite of these tests, like the JDK:
 * when a tool is missing the test fails and says how to install it; it never skips.
 */
public final class Dcmtk {

    /** The result of a finished tool run. */
    public record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit code " + exitCode + ", output:\n" + output;
        }
    }

    private static final long TIMEOUT_SECONDS = 60;

    private Dcmtk() {
    }

    /** Runs {@code tool args...} to completion (bounded) with Nagle off, stdout and stderr merged. */
    public static Result run(String tool, String... args) throws IOException, InterruptedException {
        return await(start(null, Map.of(), command(executable(tool), args), true), tool);
    }

    /** As {@link #run(String, String...)} with the arguments in a list. */
    public static Result run(String tool, List<String> args) throws IOException, InterruptedException {
        return run(tool, args.toArray(String[]::new));
    }

    /**
     * Runs any command (our own launcher, say) in {@code directory} with extra environment, to
     * completion (bounded); stdout and stderr apart, stderr after a line "--- stderr".
     */
    public static Result exec(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        return await(start(directory, environment, List.of(command), false), command[0]);
    }

    /** Starts a DCMTK server tool in {@code directory} and waits until it listens on {@code port}. */
    public static Process startServer(Path directory, int port, String tool, String... args)
            throws IOException, InterruptedException {
        Process process = start(directory, Map.of(), command(executable(tool), args), true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(tool + " ended at start with exit code " + process.exitValue() + ": "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return process;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        process.destroyForcibly();
        fail(tool + " did not listen on port " + port + " within 20 s");
        return process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The absolute path of DCMTK's {@code tool} on the PATH; fails the test when it is missing. */
    public static String executable(String tool) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            File candidate = new File(dir, tool);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        fail("DCMTK's " + tool + " is not on the PATH; install DCMTK (apt-get install -y dcmtk; .ci/run does this)");
        return tool;
    }

    private static List<String> command(String executable, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(Path directory, Map<String, String> environment, List<String> command,
            boolean mergeErrors) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(mergeErrors);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        // Debian's DCMTK leaves Nagle's algorithm on unless told otherwise.
        builder.environment().put("TCP_NODELAY", "1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static Result await(Process process, String name) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = new Thread(() -> copy(process.getInputStream(), out), name + "-out");
        Thread errReader = new Thread(() -> copy(process.getErrorStream(), err), name + "-err");
        outReader.start();
        errReader.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(name + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        outReader.join(5000);
        errReader.join(5000);
        synchronized (out) {
            synchronized (err) {
                String stderr = err.toString(StandardCharsets.UTF_8);
                return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8)
                        + (stderr.isEmpty() ? "" : "--- stderr\n" + stderr));
            }
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
