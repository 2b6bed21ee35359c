package org.netdicom.core.association;

import static org.netdicom.core.api.event.EventType.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.netdicom.core.transport.TlsSockets;

/**
 * An association opened by us as requestor. A reader thread runs the Upper Layer; operations send
 * their request from the caller's thread and wait for the response that the reader thread hands
 * over by Message ID Being Responded To.
 */
public final class RequestorAssociation extends AbstractAssociation {

    private static final AtomicInteger READERS = new AtomicInteger();
    private static final ScheduledExecutorService TIMERS = timers();

    private final RequestorSettings settings;
    private final RequestorNegotiator negotiator;
    private final String calledAeTitle;
    private final CompletableFuture<Void> establishment = new CompletableFuture<>();

    private RequestorAssociation(Socket socket, RequestorSettings settings, String calledAeTitle,
            HandlerRegistry handlers) throws IOException {
        super(socket, handlers, settings.dimseTimeout(), settings.acseTimeout());
        this.settings = settings;
        this.negotiator = new RequestorNegotiator(settings.requestedContexts(), settings.roleSelections());
        this.calledAeTitle = calledAeTitle;
        attach(new UpperLayer(socket, this, settings.maximumPduLength(), settings.acseTimeout(), TIMERS, true));
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
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, settings.connectionTimeout().toMillis()));
            if (settings.tls() != null) {
                socket = TlsSockets.client(socket, address, settings.tls(), settings.acseTimeout());
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.networkTimeout().toMillis()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        RequestorAssociation association = new RequestorAssociation(socket, settings, calledAeTitle, handlers);
        association.start();
        association.await(association.establishment, settings.acseTimeout(), "A-ASSOCIATE-AC");
        return association;
    }

    private void start() {
        events.notify(EVT_CONN_OPEN, () -> Events.connection(EVT_CONN_OPEN, this, remoteAddress()));
        AAssociateRq rq = negotiator.request(settings.callingAeTitle(), calledAeTitle, settings.maximumPduLength());
        events.notify(EVT_REQUESTED, () -> Events.plain(EVT_REQUESTED, this));
        events.notify(EVT_ACSE_SENT, () -> Events.acse(EVT_ACSE_SENT, this, "A-ASSOCIATE", rq));
        upperLayer.requestAssociation(rq);
        Thread reader = new Thread(upperLayer::readUntilClosed,
                "netdicom-scu-" + settings.callingAeTitle() + "-" + READERS.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
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

    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "netdicom-scu-timer");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
