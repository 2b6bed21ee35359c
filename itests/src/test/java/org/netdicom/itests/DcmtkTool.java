package org.netdicom.itests;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a DCMTK tool (storescu, findscu, movescu, getscu, storescp, dcmconv...) as a peer, with
 * Nagle off as DCMTK should run, and keeps what it printed. A tool missing from the PATH fails the
 * test with how to install it ({@link EchoScu#executable()} explains).
 */
final class DcmtkTool {

    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit code " + exitCode + ", output:\n" + output;
        }
    }

    private DcmtkTool() {
    }

    /** Runs {@code tool args...} in {@code directory} (null: the current one) to its end, at most {@code seconds}. */
    static Result run(Path directory, long seconds, String tool, String... args) throws IOException, InterruptedException {
        Process process = start(directory, tool, args);
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), tool + "-output");
        reader.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join(5000);
            fail(tool + " did not finish within " + seconds + " s; output so far:\n" + output);
        }
        reader.join(5000);
        synchronized (output) {
            return new Result(process.exitValue(), output.toString());
        }
    }

    /** Starts a server tool (storescp...) whose output goes to {@code log}; the caller stops it. */
    static Process startServer(Path directory, Path log, String tool, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("TCP_NODELAY", "1");
        return builder.start();
    }

    private static Process start(Path directory, String tool, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("TCP_NODELAY", "1");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new IOException(tool + " could not be started (DCMTK: apt-get install -y dcmtk): " + e.getMessage(), e);
        }
    }

    private static void copy(InputStream in, StringBuilder out) {
        try (in) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
