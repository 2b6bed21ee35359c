package org.netdicom.itests;

import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DCMTK's {@code echoscu} as a peer: sends one C-ECHO and reports the exit code and output.
 *
 * <p>DCMTK is a test prerequisite, like a JDK: when {@code echoscu} is not on the PATH the
 * calling test fails with a message saying how to install it. It never skips silently.
 */
final class EchoScu {

    /** The result of one echoscu run. */
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0 && output.contains("Received Echo Response (Success)");
        }

        @Override
        public String toString() {
            return "echoscu exit code " + exitCode + ", output:\n" + output;
        }
    }

    private static final long TIMEOUT_SECONDS = 30;

    private EchoScu() {
    }

    /**
     * Runs {@code echoscu -v -aec <calledAet> <host> <port>} and waits for it (bounded).
     *
     * @return the exit code and the merged stdout/stderr
     */
    static Result echo(String calledAet, String host, int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.add("-v");
        // Bound every DCMTK wait so a silent peer fails the test instead of hanging it.
        command.addAll(List.of("-to", "10", "-ta", "10", "-td", "10"));
        command.addAll(List.of("-aec", calledAet, host, Integer.toString(port)));

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TCP_NODELAY", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        // echoscu prints a few lines only; read them on a side thread so waitFor can time out.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "echoscu-output");
        reader.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            reader.join(TimeUnit.SECONDS.toMillis(5));
            fail("echoscu did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n" + output);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        synchronized (output) {
            return new Result(process.exitValue(), output.toString());
        }
    }

    /** The echoscu on the PATH; fails the calling test if there is none. */
    static String executable() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File candidate = new File(dir, "echoscu");
                if (candidate.isFile() && candidate.canExecute()) {
                    return candidate.getAbsolutePath();
                }
            }
        }
        fail("DCMTK's echoscu is not on the PATH, and the C-ECHO integration tests need it as their peer."
                + " Install DCMTK (Debian/Ubuntu: apt-get install -y dcmtk; .ci/run does this) and run again.");
        throw new AssertionError("unreachable");
    }

    private static void copy(InputStream in, StringBuilder sink) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                synchronized (sink) {
                    sink.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            synchronized (sink) {
                sink.append("\n[reading echoscu output failed: ").append(e).append(']');
            }
        }
    }
}
