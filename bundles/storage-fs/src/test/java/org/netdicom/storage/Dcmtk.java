package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DCMTK's command-line tools as real peers of the storage tests. DCMTK is a prerequisite, like the
 * JDK: a missing tool fails the test and says how to install it.
 */
final class Dcmtk {

    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit code " + exitCode + ", output:\n" + output;
        }
    }

    private Dcmtk() {
    }

    /** Runs {@code tool args...} to completion (60 s at most) with Nagle off. */
    static Result run(String tool, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable(tool));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TCP_NODELAY", "1"); // Debian's DCMTK leaves Nagle on unless told
        Process process = builder.start();
        process.getOutputStream().close();
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = new byte[0];
            }
        }, tool + "-output");
        reader.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(tool + " did not finish within 60 s");
        }
        reader.join(5000);
        return new Result(process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
    }

    private static String executable(String tool) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            File candidate = new File(dir, tool);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        fail("DCMTK's " + tool + " is not on the PATH; install DCMTK (apt-get install -y dcmtk)");
        return tool;
    }
}
