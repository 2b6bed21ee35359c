package org.netdicom.tools;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tools in-process through the launcher's command line (as {@code bin/netdicom} would, minus
 * the JVM start), capturing standard output, standard error and the exit code.
 */
public final class ToolRun {

    /** A finished run. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    private ToolRun() {
    }

    /** What the launcher's {@code main} builds its command line for: the first argument. */
    private static String toolOf(String... args) {
        return args.length > 0 ? args[0] : null;
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netdicom.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), toolOf(args))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A server tool running in a thread of this JVM until {@link #stop()} interrupts it. */
    public static final class Server implements AutoCloseable {
        private final Thread thread;
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final AtomicInteger exitCode = new AtomicInteger(-1);

        private Server(int port, String... args) throws Exception {
            thread = new Thread(() -> exitCode.set(Netdicom.commandLine(new PrintWriter(out, true),
                    new PrintWriter(err, true), toolOf(args)).execute(args)), "tool-server");
            thread.setDaemon(true);
            thread.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!thread.isAlive()) {
                    fail("server tool ended at start: " + result());
                }
                try {
                    new Socket(InetAddress.getLoopbackAddress(), port).close();
                    return;
                } catch (IOException notYet) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }
            fail("server tool did not listen on " + port + ": " + result());
        }

        /** Starts {@code args} (a storescp or echoscp command line listening on {@code port}). */
        public static Server start(int port, String... args) throws Exception {
            return new Server(port, args);
        }

        /** Stops the server (as Ctrl-C would) and returns how it ended. */
        public Result stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            if (thread.isAlive()) {
                fail("server tool did not stop: " + result());
            }
            return result();
        }

        public Result result() {
            return new Result(exitCode.get(), out.toString(), err.toString());
        }

        @Override
        public void close() {
            if (thread.isAlive()) {
                try {
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
