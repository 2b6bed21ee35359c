package org.netdicom.core.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.netdicom.core.acse.AcceptorNegotiator;
import org.netdicom.core.acse.AcceptorSettings;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.association.AcceptorAssociation;
import org.netdicom.core.association.AssociationSlots;
import org.netdicom.core.association.ServerCounters;
import org.netdicom.core.event.ContainerHandlers;
import org.netdicom.core.event.HandlerRegistry;
import org.netdicom.core.event.LoggingHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket served by a bounded pool of threads: one waits in {@code accept()}, the others
 * serve a connection each (see {@link #acceptAndServe}). The bound leaves room above the
 * association limit so that surplus requests still get a proper A-ASSOCIATE-RJ; connections beyond
 * it are closed at once.
 */
public final class AcceptLoop implements AssociationServer {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptLoop.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 2000;

    private final ServerSocket serverSocket;
    private final AcceptorSettings settings;
    private final AcceptorNegotiator negotiator;
    private final AssociationSlots slots = new AssociationSlots();
    private final HandlerRegistry handlers;
    private final Set<AcceptorAssociation> connections = ConcurrentHashMap.newKeySet();
    private final ServerCounters counters = new ServerCounters();
    private final Map<String, Object> serverProperties;
    private final long startedAt = System.currentTimeMillis();
    private final ThreadPoolExecutor workers;
    private final InetSocketAddress localAddress;
    private final AtomicInteger waitingInAccept = new AtomicInteger();
    private volatile boolean closed;
    private final CountDownLatch closedSignal = new CountDownLatch(1);

    private AcceptLoop(ServerSocket serverSocket, AcceptorSettings settings, EventBindings bindings) {
        this.serverSocket = serverSocket;
        InetSocketAddress bound = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        // The container's handlers (OSGi whiteboard) choose servers by these properties.
        this.serverProperties = Map.of(
                "ae.title", settings.aeTitle(),
                "port", bound.getPort(),
                "bind", bound.getAddress().getHostAddress());
        this.handlers = new HandlerRegistry(ContainerHandlers.forServer(serverProperties));
        LoggingHandlers.bind(handlers, settings.logHandlerLevel());
        bindings.entries().forEach(e -> handlers.bind(e.type(), e.handler(), e.arguments().toArray()));
        this.settings = settings;
        this.negotiator = new AcceptorNegotiator(settings);
        this.localAddress = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        String name = "netdicom-" + settings.aeTitle() + "-" + localAddress.getPort();
        // Surplus requests get a proper A-ASSOCIATE-RJ, so there is room above the limit; plus one
        // thread waiting in accept().
        int maxConnections = 2 * settings.maximumAssociations() + 8 + 1;
        this.workers = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads(name + "-assoc-"));

    }

    /** Binds {@code address} and starts accepting. */
    public static AssociationServer start(InetSocketAddress address, AcceptorSettings settings, EventBindings bindings)
            throws IOException {
        ServerSocket socket = TlsSockets.serverSocket(settings.tls());
        try {
            socket.setReuseAddress(true);
            socket.bind(address, 128);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        AcceptLoop loop;
        try {
            loop = new AcceptLoop(socket, settings, bindings);
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        loop.startAcceptor();
        RunningServers.add(loop);
        return loop;
    }

    /**
     * Run by the pool's threads in turn: one of them waits in {@code accept()}; the one that gets a
     * connection first makes sure another takes over the waiting, then serves the connection
     * itself, so a new association never waits for a thread hand-off. A thread done serving goes
     * back to waiting only if nobody else is.
     */
    private void acceptAndServe() {
        while (!closed) {
            waitingInAccept.incrementAndGet();
            Socket socket;
            try {
                // The listening socket is a channel's, which closes itself when an interrupted
                // thread waits on it: a status a handler left on this thread must not stop the server.
                Thread.interrupted();
                socket = serverSocket.accept();
            } catch (IOException e) {
                waitingInAccept.decrementAndGet();
                if (!closed) {
                    LOG.error("{}: accepting connections failed, server stops: {}", this, e.getMessage());
                }
                return;
            }
            if (waitingInAccept.decrementAndGet() == 0 && !closed && !startAcceptor()) {
                LOG.warn("{}: connection from {} refused: too many connections", this, socket.getRemoteSocketAddress());
                closeQuietly(socket);
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(socket);
                continue;
            }
            serve(socket);
            if (waitingInAccept.get() > 0) {
                return; // another thread waits for the next connection; this one goes back to the pool
            }
        }
    }

    /** Hands the waiting in accept() to another pool thread; false when the pool is at its limit. */
    private boolean startAcceptor() {
        try {
            workers.execute(this::acceptAndServe);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void serve(Socket socket) {
        AcceptorAssociation association;
        try {
            TlsSockets.handshake(socket, settings.acseTimeout());
            if (settings.tls() != null) {
                LOG.debug("{}: TLS connection from {}: {}", this, socket.getRemoteSocketAddress(),
                        TlsSockets.describe(socket));
            }
            association = new AcceptorAssociation(socket, settings, negotiator, slots, handlers, counters);
        } catch (IOException e) {
            LOG.info("{}: connection from {} failed before negotiation: {}", this, socket.getRemoteSocketAddress(),
                    e.getMessage());
            closeQuietly(socket);
            return;
        }
        connections.add(association);
        try {
            if (closed) {
                association.shutdown();
            }
            association.run();
        } catch (RuntimeException e) {
            LOG.error("{}: association failed", this, e);
            association.shutdown();
        } finally {
            connections.remove(association);
        }
    }

    @Override
    public void bind(EventType type, DicomEventHandler handler, Object... arguments) {
        handlers.bind(type, handler, arguments);
    }

    @Override
    public void unbind(EventType type, DicomEventHandler handler) {
        handlers.unbind(type, handler);
    }

    @Override
    public List<DicomEventHandler> handlers(EventType type) {
        return handlers.handlers(type);
    }

    @Override
    public String aeTitle() {
        return settings.aeTitle();
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void awaitClosed() throws InterruptedException {
        closedSignal.await();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RunningServers.remove(this);
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", this, e.getMessage());
        }
        for (AcceptorAssociation association : connections) {
            association.shutdown();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("{}: {} connection threads still running after close", this, workers.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closedSignal.countDown();
        }
    }

    // ---- for the runtime report (whiteboard) ---------------------------------------------------

    /** The properties handler services select servers by: {@code ae.title}, {@code port}, {@code bind}. */
    public Map<String, Object> serverProperties() {
        return serverProperties;
    }

    /** The settings the server was started with. */
    public AcceptorSettings settings() {
        return settings;
    }

    /** The server's registry: handlers bound in code, with the container's handlers as its root. */
    public HandlerRegistry handlerRegistry() {
        return handlers;
    }

    public ServerCounters counters() {
        return counters;
    }

    /** When the server started listening (epoch milliseconds). */
    public long startedAt() {
        return startedAt;
    }

    /** The connections served right now (negotiating, established or closing). */
    public List<AcceptorAssociation> associations() {
        return List.copyOf(connections);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "server " + settings.aeTitle() + " on " + localAddress;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
