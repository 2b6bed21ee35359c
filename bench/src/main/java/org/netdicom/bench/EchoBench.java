package org.netdicom.bench;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.LogHandlerLevel;

/**
 * The netdicom side of {@code bench/echo-bench.sh}: a Verification SCP, or an SCU that measures
 * C-ECHO round trips on one association or whole associations (open, C-ECHO, release) per second.
 * Prints one line {@code RESULT <per second>} for the script to read. The SCU first runs untimed
 * (system property {@code netdicom.bench.warmup}: 20,000 echoes, or 2,000 associations), so that
 * the figure is the JIT-compiled steady state of a running application; 0 measures a fresh JVM.
 */
public final class EchoBench {

    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private EchoBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EchoBench scp PORT | echoes HOST PORT AET N | associations HOST PORT AET N");
            System.exit(2);
        }
        switch (args[0]) {
            case "scp" -> serve(Integer.parseInt(args[1]));
            case "echoes" -> echoes(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]));
            case "associations" -> associations(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]));
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void serve(int port) throws Exception {
        AssociationServer server = new ApplicationEntity("NETDICOM").logHandlerLevel(LogHandlerLevel.NONE)
                .addSupportedContext(VERIFICATION, EXPLICIT_LE, IMPLICIT_LE)
                .startServer(new InetSocketAddress("127.0.0.1", port));
        System.out.println("READY " + server.localAddress().getPort());
        new CountDownLatch(1).await(); // until the script kills us
    }

    private static ApplicationEntity scu() {
        return new ApplicationEntity("BENCHSCU").logHandlerLevel(LogHandlerLevel.NONE)
                .addRequestedContext(VERIFICATION, IMPLICIT_LE);
    }

    private static void echoes(String host, int port, String aet, int count) throws Exception {
        try (Association association = scu().associate(host, port, aet)) {
            for (int i = 0; i < Integer.getInteger("netdicom.bench.warmup", 20_000); i++) {
                association.echo(); // warm-up
            }
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (!association.echo().isSuccess()) {
                    throw new IllegalStateException("echo failed");
                }
            }
            report(count, System.nanoTime() - start);
        }
    }

    private static void associations(String host, int port, String aet, int count) throws Exception {
        ApplicationEntity scu = scu();
        for (int i = 0; i < Integer.getInteger("netdicom.bench.warmup", 2_000); i++) {
            try (Association association = scu.associate(host, port, aet)) {
                association.echo(); // warm-up
            }
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try (Association association = scu.associate(host, port, aet)) {
                if (!association.echo().isSuccess()) {
                    throw new IllegalStateException("echo failed");
                }
            }
        }
        report(count, System.nanoTime() - start);
    }

    private static void report(int count, long nanos) {
        System.out.printf("RESULT %.1f%n", count / (nanos / 1e9));
    }
}
