package org.netdicom.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL server for tests: initdb in a temporary folder, started with pg_ctl on a
 * free port of 127.0.0.1 (as user {@code postgres} when the tests run as root, which PostgreSQL
 * refuses), stopped and deleted by {@link #close()}. {@link #available()} is false when the
 * binaries are not installed. Only java.* inside, so that the OSGi integration tests can carry it
 * into their test probe (itests unpacks this class into its test classes).
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path BIN = binaries();

    /**
     * Property {@code netdicom.postgres.bin}, else the newest {@code /usr/lib/postgresql/<major>/bin}
     * (Debian's layout: 15 on bookworm, another major on other releases).
     */
    private static Path binaries() {
        String configured = System.getProperty("netdicom.postgres.bin");
        if (configured != null) {
            return Path.of(configured);
        }
        try (java.util.stream.Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).orElse(Path.of("/usr/lib/postgresql/15/bin"));
        } catch (IOException e) {
            return Path.of("/usr/lib/postgresql/15/bin");
        }
    }

    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path dir, int port, boolean asPostgres) {
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The binaries are installed, and (as root) there is a user {@code postgres} to run them as. */
    public static boolean available() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            return false;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("postgres:"));
        } catch (IOException e) {
            return false;
        }
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "netdicom-pg");
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(dir, port, root);
        server.pg(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "netdicom",
                "--auth=trust", "-E", "UTF8", "--no-sync");
        server.pg(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-o", "-p " + port + " -k " + dir
                        + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return server;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "netdicom";
    }

    private void pg(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full, true);
    }

    private static void run(List<String> command, boolean check) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || (check && p.exitValue() != 0)) {
            throw new IOException(command + " failed: " + output);
        }
    }

    /** Stops the server, cutting every connection to it as a database restart does, and starts it again. */
    public void restart() throws IOException, InterruptedException {
        pg(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-m", "fast", "-w", "restart");
    }

    @Override
    public void close() throws Exception {
        try {
            pg(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            run(List.of("rm", "-rf", dir.toString()), false);
        }
    }
}
