package org.netdicom.itests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** TCP port helpers for tests that start servers on loopback. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** A port that was free a moment ago (the OS picks it from the ephemeral range). */
    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port right now. */
    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Waits (bounded) until the port accepts connections; returns whether it did. */
    static boolean awaitListening(int port, long timeout, TimeUnit unit) throws InterruptedException {
        return await(port, true, unit.toNanos(timeout));
    }

    /** Waits (bounded) until the port refuses connections; returns whether it did. */
    static boolean awaitClosed(int port, long timeout, TimeUnit unit) throws InterruptedException {
        return await(port, false, unit.toNanos(timeout));
    }

    /** Watches the port for the whole period; returns true if it never accepted a connection. */
    static boolean staysClosed(int port, long period, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(period);
        do {
            if (isListening(port)) {
                return false;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return true;
    }

    private static boolean await(int port, boolean listening, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (isListening(port) != listening) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
