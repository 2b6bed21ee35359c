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

    /** Runs {@code tool args...} to completion (bounded) with Nagle off, as DCMTK should run. */
    public static Result run(String tool, String... args) throws IOException, InterruptedException {
        Process process = start(null, tool, args);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), tool + "-output");
        reader.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(tool + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        reader.join(5000);
        synchronized (output) {
            return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
        }
    }

    /** As {@link #run(String, String...)} with the arguments in a list. */
    public static Result run(String tool, List<String> args) throws IOException, InterruptedException {
        return run(tool, args.toArray(String[]::new));
    }

    /** Starts a DCMTK server tool in {@code directory} and waits until it listens on {@code port}. */
    public static Process startServer(Path directory, int port, String tool, String... args)
            throws IOException, InterruptedException {
        Process process = start(directory, tool, args);
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

    private static Process start(Path directory, String tool, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable(tool));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        // Debian's DCMTK leaves Nagle's algorithm on unless told otherwise.
        builder.environment().put("TCP_NODELAY", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static String executable(String tool) {
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
