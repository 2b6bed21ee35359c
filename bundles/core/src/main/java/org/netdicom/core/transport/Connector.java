package org.netdicom.core.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.netdicom.core.dul.Watchdog;

/**
 * Opens a requestor's TCP connection with a time limit enforced by the {@link Watchdog}, not by
 * {@code Socket.connect(address, timeout)}: a timed connect turns the socket non-blocking for good,
 * which triples the system calls of every later read.
 */
public final class Connector {

    private Connector() {
    }

    /**
     * A connected blocking socket with Nagle off. With {@code channel}, it comes from a channel, so
     * that the Upper Layer can read and write it through that (its ChannelInput and ChannelOutput);
     * without, a plain socket, for TLS to be layered over: a channel closes itself when an
     * interrupted thread does I/O on it, and the TLS socket's streams would pass that on.
     */
    public static Socket connect(InetSocketAddress address, Duration timeout, boolean channel) throws IOException {
        Socket socket = channel ? SocketChannel.open().socket() : new Socket();
        socket.setTcpNoDelay(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicBoolean expired = new AtomicBoolean();
        Watchdog.Watched guard = now -> {
            if (now - deadline >= 0 && !socket.isConnected()) {
                expired.set(true);
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing is all we wanted
                }
            }
        };
        Watchdog.watch(guard);
        try {
            socket.connect(address);
            return socket;
        } catch (IOException e) {
            socket.close();
            if (expired.get()) {
                throw new SocketTimeoutException("connection to " + address + " not made within " + timeout.toMillis()
                        + " ms");
            }
            throw e;
        } finally {
            Watchdog.unwatch(guard);
        }
    }
}
