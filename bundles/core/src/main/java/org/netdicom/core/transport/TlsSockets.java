package org.netdicom.core.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.netdicom.core.api.TlsSettings;

/**
 * Puts {@link TlsSettings} onto sockets. Handshakes run on the association's own thread with the
 * ACSE timeout as their bound, never on a server's accept thread, so one slow client cannot hold up
 * the others.
 */
public final class TlsSockets {

    private TlsSockets() {
    }

    /**
     * A plain server socket, or a TLS one configured from {@code tls} when it is not null. A plain
     * one comes from a channel, as its connections do, so that they can be read through their
     * channels (the Upper Layer's ChannelInput).
     */
    static ServerSocket serverSocket(TlsSettings tls) throws IOException {
        if (tls == null) {
            return ServerSocketChannel.open().socket();
        }
        SSLServerSocket socket = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket();
        socket.setEnabledProtocols(tls.protocols().toArray(String[]::new));
        if (!tls.cipherSuites().isEmpty()) {
            socket.setEnabledCipherSuites(tls.cipherSuites().toArray(String[]::new));
        }
        socket.setNeedClientAuth(tls.requireClientAuthentication());
        return socket;
    }

    /** Layers TLS over a connected requestor socket and completes the handshake. */
    public static Socket client(Socket plain, InetSocketAddress peer, TlsSettings tls, Duration timeout)
            throws IOException {
        SSLSocket socket = (SSLSocket) tls.context().getSocketFactory().createSocket(plain, peer.getHostString(),
                peer.getPort(), true);
        socket.setUseClientMode(true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(tls.protocols().toArray(String[]::new));
        if (!tls.cipherSuites().isEmpty()) {
            parameters.setCipherSuites(tls.cipherSuites().toArray(String[]::new));
        }
        if (tls.verifyPeerHostname()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        handshake(socket, timeout);
        return socket;
    }

    /** Completes the handshake of a socket that is TLS (nothing to do for a plain one). */
    static void handshake(Socket socket, Duration timeout) throws IOException {
        if (socket instanceof SSLSocket ssl) {
            int previous = socket.getSoTimeout();
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            ssl.startHandshake();
            socket.setSoTimeout(previous);
        }
    }

    /** For logs: protocol, cipher suite and peer of a TLS connection, or "plain TCP". */
    public static String describe(Socket socket) {
        if (!(socket instanceof SSLSocket ssl)) {
            return "plain TCP";
        }
        SSLSession session = ssl.getSession();
        String peer;
        try {
            peer = session.getPeerPrincipal().getName();
        } catch (IOException e) {
            peer = "no peer certificate";
        }
        return session.getProtocol() + " " + session.getCipherSuite() + ", peer " + peer;
    }
}
