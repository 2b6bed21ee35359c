package org.netdicom.core.association;

import static org.netdicom.core.api.event.EventType.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.netdicom.core.acse.RequestorNegotiator;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.event.Events;
import org.netdicom.core.event.HandlerRegistry;
import org.netdicom.core.event.LoggingHandlers;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.transport.Connector;
import org.netdicom.core.transport.TlsSockets;

/**
 * An association opened by us as requestor. A reader thread runs the Upper Layer; operations send
 * their request from the caller's thread and wait for the response that the reader thread hands
 * over by Message ID Being Responded To.
 */
public final class RequestorAssociation extends AbstractAssociation {

    /** Background readers come from a pool: starting a thread per association costs more than reusing one. */
    private static final ExecutorService READERS = readers();

    private final RequestorSettings settings;
    private final RequestorNegotiator negotiator;
    private final String calledAeTitle;
    private final CompletableFuture<Void> establishment = new CompletableFuture<>();

    private RequestorAssociation(Socket socket, RequestorSettings settings, String calledAeTitle,
            HandlerRegistry handlers) throws IOException {
        super(socket, handlers, settings.dimseTimeout(), settings.acseTimeout(), settings.dimse());
        this.settings = settings;
        this.negotiator = new RequestorNegotiator(settings.requestedContexts(), settings.roleSelections());
        this.calledAeTitle = calledAeTitle;
        attach(new UpperLayer(socket, this, settings.maximumPduLength(), settings.acseTimeout(),
                settings.networkTimeout(), true));
    }

    /**
     * Connects to {@code address}, requests the association and waits for the answer.
     *
     * @throws AssociationException if the acceptor rejects or aborts, or does not answer in time
     * @throws IOException          if the connection fails
     */
    public static Association open(RequestorSettings settings, InetSocketAddress address, String calledAeTitle,
            EventBindings bindings) throws IOException {
        HandlerRegistry handlers = new HandlerRegistry(null);
        LoggingHandlers.bind(handlers, settings.logHandlerLevel());
        bindings.entries().forEach(e -> handlers.bind(e.type(), e.handler(), e.arguments().toArray()));
        Socket socket = Connector.connect(address, settings.connectionTimeout(), settings.tls() == null);
        try {
            if (settings.tls() != null) {
                socket = TlsSockets.client(socket, address, settings.tls(), settings.acseTimeout());
            }
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        RequestorAssociation association = new RequestorAssociation(socket, settings, calledAeTitle, handlers);
        association.start();
        association.await(association.establishment, settings.acseTimeout(), "A-ASSOCIATE-AC");
        return association;
    }

    // ---- who reads ------------------------------------------------------------------------------
    //
    // A thread waiting for a response reads the socket itself, so the response reaches it without a
    // hand-off between threads. The background reader reads only when nobody waits, so that an idle
    // association still sees an abort or a release collision at once; after an operation it leaves
    // the socket to the callers for a few milliseconds, since operations usually come in runs. It is
    // never woken per operation: it checks back every LINGER while callers are active.

    /** How long the background reader leaves the socket to the callers after an operation. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private final ReentrantLock baton = new ReentrantLock();
    /** Signalled when the read turn is free and a caller waits for it. */
    private final Condition turnFree = baton.newCondition();
    /** Signalled only when the association ends. */
    private final Condition idle = baton.newCondition();
    private boolean reading;
    private int callersWaiting;
    private long lastCallerDone = System.nanoTime();
    private volatile boolean finished;
    private boolean readBufferReleased;

    /**
     * Reads on the caller's thread until {@code future} is done, the deadline passes or the association ends.
     * An interrupt that comes while the caller waits for another thread's read aborts the
     * association. The status the caller's thread has when the call starts, or that a handler run
     * by its reads leaves (a C-GET's C-STORE, restoring it after an InterruptedException, as it
     * should), is put aside meanwhile and given back when the call returns: a file channel closes
     * itself when an interrupted thread does I/O on it, and the next sub-operation's spool file
     * would fail (a C-GET calls this once per response).
     */
    @Override
    protected <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interruptPutAside = Thread.interrupted();
        RequestRunner.takeLeftInterrupted(); // by an earlier request on this thread (an engine's), not the caller's
        baton.lock();
        try {
            callersWaiting++;
        } finally {
            baton.unlock();
        }
        try {
            while (!future.isDone() && !finished) {
                if (System.nanoTime() - deadline >= 0) {
                    throw timedOut(what, timeout);
                }
                if (!takeReadTurn(future, deadline)) {
                    continue;
                }
                try {
                    upperLayer.readOne(deadline);
                } catch (SocketTimeoutException e) {
                    throw timedOut(what, timeout);
                } finally {
                    endReadTurn();
                }
                interruptPutAside |= Thread.interrupted() | RequestRunner.takeLeftInterrupted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new AssociationException("interrupted while waiting for " + what + "; association aborted", e);
        } finally {
            baton.lock();
            try {
                callersWaiting--;
                lastCallerDone = System.nanoTime();
            } finally {
                baton.unlock();
            }
            if (interruptPutAside) {
                Thread.currentThread().interrupt();
            }
        }
        return resultOf(future);
    }

    /** Waits until nobody reads; false if {@code future} got done meanwhile (or time ran out). */
    private boolean takeReadTurn(CompletableFuture<?> future, long deadline) throws InterruptedException {
        baton.lock();
        try {
            while (reading && !future.isDone() && !finished) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                turnFree.awaitNanos(left);
            }
            if (future.isDone() || finished) {
                return false;
            }
            reading = true;
            return true;
        } finally {
            baton.unlock();
        }
    }

    private void endReadTurn() {
        baton.lock();
        try {
            reading = false;
            if (callersWaiting > 0) {
                turnFree.signalAll();
            }
            releaseReadBufferOnceDone();
        } finally {
            baton.unlock();
        }
    }

    /**
     * Under the baton: once the association has ended and nobody reads, its read buffer goes back
     * to the pool for the next association (a new direct buffer is zeroed and registered for
     * cleaning, and only the garbage collector would give its memory back). Whoever reads last,
     * or closes last, gives it.
     */
    private void releaseReadBufferOnceDone() {
        if (finished && !reading && !readBufferReleased) {
            readBufferReleased = true;
            upperLayer.releaseReadBuffer();
        }
    }

    /** The background reader: reads while no caller waits for a response. */
    private void readWhileIdle() {
        try {
            while (true) {
                baton.lock();
                try {
                    while (!finished && (reading || callersWaiting > 0
                            || System.nanoTime() - lastCallerDone < LINGER_NANOS)) {
                        idle.awaitNanos(LINGER_NANOS);
                    }
                    if (finished) {
                        return;
                    }
                    reading = true;
                } finally {
                    baton.unlock();
                }
                boolean open;
                try {
                    open = upperLayer.readOne();
                } finally {
                    endReadTurn();
                }
                if (!open) {
                    return;
                }
                // A handler run by this read (a C-GET's C-STORE, an N-EVENT-REPORT) may have left
                // the thread interrupted; the thread is the engine's, and the wait above would take
                // that for a shutdown (see UpperLayer.readUntilClosed)
                Thread.interrupted();
                RequestRunner.takeLeftInterrupted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            upperLayer.shutdown();
        }
    }

    @Override
    protected void onClosed() {
        baton.lock();
        try {
            finished = true;
            turnFree.signalAll();
            idle.signalAll();
            releaseReadBufferOnceDone();
        } finally {
            baton.unlock();
        }
    }

    private void start() {
        events.notify(EVT_CONN_OPEN, () -> Events.connection(EVT_CONN_OPEN, this, remoteAddress()));
        AAssociateRq rq = negotiator.request(settings.callingAeTitle(), calledAeTitle, settings.maximumPduLength());
        events.notify(EVT_REQUESTED, () -> Events.plain(EVT_REQUESTED, this));
        events.notify(EVT_ACSE_SENT, () -> Events.acse(EVT_ACSE_SENT, this, "A-ASSOCIATE", rq));
        upperLayer.requestAssociation(rq);
        READERS.execute(this::readWhileIdle);
    }

    @Override
    public void associateAccepted(AAssociateAc accept) {
        events.notify(EVT_ACSE_RECV, () -> Events.acse(EVT_ACSE_RECV, this, "A-ASSOCIATE", accept));
        accepted = negotiator.accepted(accept);
        long peerMax = accept.userInformation() == null ? 0 : accept.userInformation().maxLength();
        upperLayer.setPeerMaxPduLength((int) Math.min(peerMax, Integer.MAX_VALUE));
        established = true;
        events.notify(EVT_ACCEPTED, () -> Events.plain(EVT_ACCEPTED, this));
        events.notify(EVT_ESTABLISHED, () -> Events.plain(EVT_ESTABLISHED, this));
        establishment.complete(null);
    }

    @Override
    public void associateRejected(AAssociateRj reject) {
        events.notify(EVT_ACSE_RECV, () -> Events.acse(EVT_ACSE_RECV, this, "A-ASSOCIATE", reject));
        endReason = "association rejected by " + calledAeTitle + ": " + reject;
        events.notify(EVT_REJECTED, () -> Events.plain(EVT_REJECTED, this));
        establishment.completeExceptionally(new AssociationException(endReason));
    }

    @Override
    protected void onEnded(AssociationException ended) {
        establishment.completeExceptionally(ended);
    }

    @Override
    public void close() {
        if (established) {
            super.close();
        } else {
            upperLayer.shutdown();
        }
    }

    @Override
    public boolean isAcceptor() {
        return false;
    }

    @Override
    public String callingAeTitle() {
        return settings.callingAeTitle();
    }

    @Override
    public String calledAeTitle() {
        return calledAeTitle;
    }

    @Override
    protected String peerDescription() {
        return calledAeTitle + "@" + remoteAddress();
    }

    private static ExecutorService readers() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "netdicom-scu-reader-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

}
