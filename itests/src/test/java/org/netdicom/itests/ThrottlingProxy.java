package org.netdicom.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP proxy on loopback that forwards one connection to {@code targetPort}, the client's bytes
 * at most {@code bytesPerSecond}: it stretches a transfer that loopback would finish in a blink,
 * so that a test can act in its middle.
 */
final class ThrottlingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final long bytesPerSecond;

    ThrottlingProxy(int targetPort, long bytesPerSecond) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        Thread accept = new Thread(this::serveOne, "throttling-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serveOne() {
        try (Socket client = listener.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread back = new Thread(() -> copy(target, client, Long.MAX_VALUE), "throttling-proxy-back");
            back.setDaemon(true);
            back.start();
            copy(client, target, bytesPerSecond);
            back.join();
        } catch (IOException | InterruptedException e) {
            // one side went away: the test sees the effect
        }
    }

    private static void copy(Socket from, Socket to, long rate) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            long start = System.nanoTime();
            long sent = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                sent += n;
                long due = start + sent * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            try {
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
