package org.netdicom.core.api;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A running acceptor: it listens on one address and serves each association in a thread of its
 * own. {@link #close()} stops listening and aborts the associations still open.
 */
@ProviderType
public interface AssociationServer extends EventBinder, AutoCloseable {

    /** The title the server answers to. */
    String aeTitle();

    /** The bound address; the port is the real one when 0 was asked for. */
    InetSocketAddress localAddress();

    /** Associations (and connections not yet negotiated) open right now. */
    int openConnections();

    /**
     * Blocks until the server is closed (from another thread, a shutdown hook, or a handler): the
     * blocking mode of a server, for a {@code main} that only serves.
     */
    void awaitClosed() throws InterruptedException;

    /** Stops accepting, aborts open associations and waits briefly for their threads to end. */
    @Override
    void close();
}
