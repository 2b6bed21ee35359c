package org.netdicom.core.transport;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.AReleaseRp;
import org.netdicom.core.pdu.AReleaseRq;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.PduEncoder;
import org.netdicom.core.pdu.PduReader;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.UserInformation;
import org.netdicom.core.service.StandardContexts;

/**
 * Seeded, time-bounded fuzzing of a running server over TCP: thousands of connections, each
 * speaking one malformed, truncated, oversized or ill-timed script. Every connection must be ended
 * by the server (A-ABORT, A-ASSOCIATE-RJ, A-RELEASE-RP or a close) within its timeouts; afterwards
 * the server still serves a good association, holds no connection, and neither threads nor file
 * descriptors have leaked.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MalformedInputTest {

    private static final long SEED = 0xD1C0_F022L;
    private static final int CONNECTIONS = 10_000;
    private static final int PARALLEL = 8;
    private static final Duration ACSE_TIMEOUT = Duration.ofMillis(300);
    private static final Duration NETWORK_TIMEOUT = Duration.ofMillis(800);
    /** Longest the server may take to end a connection: both timeouts plus scheduling slack. */
    private static final int CLIENT_WAIT_MILLIS = (int) (ACSE_TIMEOUT.toMillis() + NETWORK_TIMEOUT.toMillis()) + 2000;
    private static final int MAX_PDU = 16384;

    private static final PduEncoder ENCODER = new PduEncoder();
    private static final byte[] GOOD_RQ = ENCODER.encode(request(1));
    private static final byte[] ECHO = new CommandSet().put(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
            .put(CommandTag.AFFECTED_SOP_CLASS_UID, StandardContexts.VERIFICATION).put(CommandTag.MESSAGE_ID, 7)
            .put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET).encode();

    /** How the server ended a connection, as seen by the peer. */
    enum Ending { ABORTED, REJECTED, RELEASED, CLOSED }

    /** What the peer does after its script: wait for the server, close its sending side, or release. */
    enum Then { WAIT, HALF_CLOSE, RELEASE }

    /**
     * @param prompt the server must answer before its network timeout: the input alone is enough
     *               to decide, it need not wait for more
     */
    record Script(String kind, byte[] bytes, Then then, boolean prompt) {
        Script(String kind, byte[] bytes, Then then) {
            this(kind, bytes, then, false);
        }
    }

    @Test
    void serverEndsEveryMalformedConnectionAndSurvives() throws Exception {
        int threadsBefore = netdicomThreads();
        int fdsBefore = openFileDescriptors();
        long started = System.nanoTime();
        Map<Ending, Integer> endings = new EnumMap<>(Ending.class);
        List<String> failures = new ArrayList<>();

        AssociationServer server = StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .maximumPduLength(MAX_PDU).acseTimeout(ACSE_TIMEOUT).networkTimeout(NETWORK_TIMEOUT)
                .startServer(new InetSocketAddress("127.0.0.1", 0));
        try {
            int port = server.localAddress().getPort();
            Random random = new Random(SEED);
            List<Script> scripts = new ArrayList<>(CONNECTIONS);
            for (int i = 0; i < CONNECTIONS; i++) {
                scripts.add(script(random));
            }
            ExecutorService peers = Executors.newFixedThreadPool(PARALLEL);
            try {
                List<Future<Ending>> results = new ArrayList<>();
                for (Script script : scripts) {
                    results.add(peers.submit(() -> play(port, script)));
                }
                for (int i = 0; i < results.size(); i++) {
                    try {
                        endings.merge(results.get(i).get(60, TimeUnit.SECONDS), 1, Integer::sum);
                    } catch (Exception e) {
                        failures.add(scripts.get(i).kind() + ": " + e.getCause());
                    }
                }
            } finally {
                peers.shutdownNow();
            }
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())),
                    failures.size() + " connections not ended by the server");

            try (Association good = new ApplicationEntity("SCU")
                    .addRequestedContext(StandardContexts.VERIFICATION, StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN)
                    .associate("127.0.0.1", port, "NETDICOM")) {
                assertEquals(0x0000, good.echo().code());
            }
            assertTrue(await(() -> server.openConnections() == 0), server.openConnections() + " connections left open");
        } finally {
            server.close();
        }
        assertTrue(await(() -> netdicomThreads() <= threadsBefore),
                "netdicom threads: " + threadsBefore + " before, " + netdicomThreads() + " after");
        if (fdsBefore >= 0) {
            assertTrue(await(() -> openFileDescriptors() <= fdsBefore + 8),
                    "file descriptors: " + fdsBefore + " before, " + openFileDescriptors() + " after");
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println("MalformedInputTest: " + CONNECTIONS + " connections in " + seconds + " s: " + endings);
        assertTrue(endings.getOrDefault(Ending.ABORTED, 0) > CONNECTIONS / 4, "A-ABORT is the usual answer: " + endings);
        assertTrue(endings.getOrDefault(Ending.REJECTED, 0) > 0 && endings.getOrDefault(Ending.CLOSED, 0) > 0,
                "every ending is exercised: " + endings);
    }

    /** Runs one script against the server and reports how the server ended the connection. */
    private static Ending play(int port, Script script) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(script.prompt() ? (int) NETWORK_TIMEOUT.toMillis() / 2 : CLIENT_WAIT_MILLIS);
            try {
                socket.getOutputStream().write(script.bytes());
                if (script.then() == Then.RELEASE) {
                    ENCODER.write(new AReleaseRq(), socket.getOutputStream());
                } else if (script.then() == Then.HALF_CLOSE) {
                    socket.shutdownOutput();
                }
            } catch (IOException closedWhileWriting) {
                return Ending.CLOSED;
            }
            PduReader in = new PduReader(new BufferedInputStream(socket.getInputStream()), 0);
            while (true) {
                Pdu pdu;
                try {
                    pdu = in.read();
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("server silent for " + socket.getSoTimeout() + " ms after " + script.kind());
                } catch (IOException e) {
                    return Ending.CLOSED; // reset, or closed inside a PDU
                }
                if (pdu == null) {
                    return Ending.CLOSED;
                } else if (pdu instanceof AAbort) {
                    return Ending.ABORTED;
                } else if (pdu instanceof AAssociateRj) {
                    return Ending.REJECTED;
                } else if (pdu instanceof AReleaseRp) {
                    return Ending.RELEASED;
                } else if (!(pdu instanceof AAssociateAc) && pdu.type() != Pdu.P_DATA_TF) {
                    throw new AssertionError("server sent " + pdu + " after " + script.kind());
                }
            }
        }
    }

    // ---- scripts ----------------------------------------------------------------------------

    private static Script script(Random r) {
        switch (r.nextInt(14)) {
            case 0:
                return new Script("random bytes", randomBytes(r, 1 + r.nextInt(300)), Then.WAIT);
            case 1:
                return new Script("good RQ then garbage", concat(GOOD_RQ, randomBytes(r, 1 + r.nextInt(200))), Then.WAIT);
            case 2:
                return new Script("mutated RQ", mutate(GOOD_RQ, r), Then.RELEASE);
            case 3: {
                byte[] whole = anyPdu(r);
                return new Script("truncated PDU", Arrays.copyOf(whole, r.nextInt(whole.length)), Then.HALF_CLOSE);
            }
            case 4:
                return new Script("huge length", header(1 + r.nextInt(7), 0xFFFF_FFF0L - r.nextInt(1000)), Then.WAIT, true);
            case 5:
                return new Script("huge P-DATA after AC", concat(GOOD_RQ, header(Pdu.P_DATA_TF,
                        MAX_PDU + 1 + (r.nextLong() & 0xFFFF_FFFL))), Then.WAIT, true);
            case 6: {
                int type = r.nextBoolean() ? 0 : 8 + r.nextInt(248);
                return new Script("unknown PDU type", concat(r.nextBoolean() ? GOOD_RQ : new byte[0],
                        concat(header(type, 4), new byte[4])), Then.WAIT, true);
            }
            case 7: {
                int context = 2 + r.nextInt(254); // only context 1 is proposed
                int control = r.nextInt(4); // command or data, last or not: the context alone is wrong
                return new Script("P-DATA on unaccepted context", concat(GOOD_RQ, pData(context, control, ECHO)),
                        Then.WAIT, true);
            }
            case 8: {
                byte[] command = r.nextBoolean() ? randomBytes(r, r.nextInt(64)) : mutate(ECHO, r);
                return new Script("malformed command set", concat(GOOD_RQ, pData(1, 0x03, command)), Then.RELEASE);
            }
            case 9:
                return oddTimedReleaseOrAbort(r);
            case 10:
                return new Script("bad protocol version", ENCODER.encode(request(2 * r.nextInt(0x8000))), Then.WAIT, true);
            case 11:
                return new Script("P-DATA before association", pData(1, 0x03, ECHO), Then.WAIT, true);
            case 12: {
                byte[] rq = ENCODER.encode(request(1));
                return new Script("mutated RQ then garbage", concat(mutate(rq, r), randomBytes(r, 32)), Then.HALF_CLOSE);
            }
            default:
                return new Script("nothing, then half-close", new byte[0], Then.HALF_CLOSE);
        }
    }

    private static Script oddTimedReleaseOrAbort(Random r) {
        byte[] release = ENCODER.encode(new AReleaseRq());
        byte[] releaseRp = ENCODER.encode(new AReleaseRp());
        byte[] abort = ENCODER.encode(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
        byte[] ac = ENCODER.encode(new AAssociateAc(1, "NETDICOM", "FUZZ", "1.2.840.10008.3.1.1.1", List.of(),
                UserInformation.of(MAX_PDU, "1.2.3", null)));
        return switch (r.nextInt(7)) {
            case 0 -> new Script("release RQ before association", release, Then.WAIT, true);
            case 1 -> new Script("release RP on established", concat(GOOD_RQ, releaseRp), Then.WAIT, true);
            case 2 -> new Script("second RQ", concat(GOOD_RQ, GOOD_RQ), Then.WAIT, true);
            case 3 -> new Script("AC from requestor", concat(GOOD_RQ, ac), Then.WAIT, true);
            case 4 -> new Script("abort before association", abort, Then.WAIT, true);
            case 5 -> new Script("abort after AC", concat(GOOD_RQ, abort), Then.WAIT, true);
            default -> new Script("release twice", concat(GOOD_RQ, release), Then.RELEASE);
        };
    }

    private static AAssociateRq request(int protocolVersion) {
        return new AAssociateRq(protocolVersion, "NETDICOM", "FUZZ", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextRq(1, StandardContexts.VERIFICATION,
                        List.of(StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN))),
                UserInformation.of(MAX_PDU, "1.2.3.4", "FUZZ"));
    }

    private static byte[] anyPdu(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> GOOD_RQ;
            case 1 -> concat(GOOD_RQ, pData(1, 0x03, ECHO));
            case 2 -> ENCODER.encode(new AReleaseRq());
            default -> pData(1, 0x03, ECHO);
        };
    }

    private static byte[] pData(int contextId, int control, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PduEncoder.writePDataTf(out, contextId, control, data, 0, data.length);
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return out.toByteArray();
    }

    private static byte[] header(int type, long length) {
        return new byte[] {(byte) type, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length};
    }

    /** One to four random byte changes; the PDU-length field is left alone half of the time. */
    private static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        int from = r.nextBoolean() ? Pdu.HEADER_LENGTH : 0;
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            b[from + r.nextInt(b.length - from)] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    // ---- leak accounting ----------------------------------------------------------------------

    static int netdicomThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("netdicom-"))
                // Shared by the whole JVM, not per connection: the watchdog, and the pools that run
                // timeout actions and requestor reads (their idle threads end after a minute).
                .filter(t -> !t.getName().equals("netdicom-watchdog") && !t.getName().startsWith("netdicom-timeout-")
                        && !t.getName().startsWith("netdicom-scu-reader-"))
                .count();
    }

    /** Open file descriptors of this JVM, or -1 where /proc/self/fd does not exist. */
    static int openFileDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return (int) list.count();
        } catch (IOException e) {
            return -1;
        }
    }

    static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
