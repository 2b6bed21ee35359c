package org.netdicom.core.association;

import java.io.IOException;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import org.netdicom.core.acse.AcceptorNegotiator;
import org.netdicom.core.acse.AcceptorSettings;
import org.netdicom.core.acse.AssociationDecision;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.DimseFormatException;
import org.netdicom.core.dimse.DimseMessage;
import org.netdicom.core.dimse.MessageAssembler;
import org.netdicom.core.dimse.MessageSender;
import org.netdicom.core.dul.DulUser;
import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.service.ServiceDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An association accepted on a transport connection, driven by the connection's thread: it answers
 * the A-ASSOCIATE-RQ, reassembles DIMSE requests, hands them to the service classes and sends their
 * responses, and answers the release.
 */
public final class AcceptorAssociation implements DulUser {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptorAssociation.class);

    /** Until streaming receive arrives, data sets are held in memory up to this size. */
    private static final long MAX_DATA_SET_IN_MEMORY = 256L << 20;

    private final Socket socket;
    private final AcceptorSettings settings;
    private final AcceptorNegotiator negotiator;
    private final AssociationSlots slots;
    private final UpperLayer upperLayer;
    private final MessageAssembler assembler = new MessageAssembler(this::received, MAX_DATA_SET_IN_MEMORY);
    private final MessageSender sender;
    private final ServiceDispatcher services = new ServiceDispatcher();
    private final Map<Integer, PresentationContext> contexts = new HashMap<>();
    private String peer;
    private boolean holdsSlot;

    public AcceptorAssociation(Socket socket, AcceptorSettings settings, AcceptorNegotiator negotiator,
            AssociationSlots slots, ScheduledExecutorService timers) throws IOException {
        this.socket = socket;
        this.settings = settings;
        this.negotiator = negotiator;
        this.slots = slots;
        this.upperLayer = new UpperLayer(socket, this, settings.maximumPduLength(), settings.acseTimeout(),
                timers, false);
        this.sender = new MessageSender(upperLayer);
        this.peer = socket.getRemoteSocketAddress().toString();
    }

    /** Serves the connection until it closes. */
    public void run() {
        upperLayer.serveAcceptor();
    }

    /** Aborts the association (server shutdown); the connection thread then ends. */
    public void shutdown() {
        upperLayer.shutdown();
    }

    @Override
    public void associateRequested(AAssociateRq request) {
        peer = request.callingAeTitle() + "@" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        int alreadyOpen = slots.take();
        holdsSlot = true;
        AssociationDecision decision = negotiator.decide(request, alreadyOpen);
        if (decision instanceof AssociationDecision.Accept accept) {
            for (PresentationContext context : accept.contexts()) {
                contexts.put(context.id(), context);
            }
            upperLayer.setPeerMaxPduLength((int) Math.min(accept.peerMaxPduLength(), Integer.MAX_VALUE));
            upperLayer.accept(accept.response());
            LOG.info("association {} -> {} accepted ({} of {} presentation contexts)", peer,
                    request.calledAeTitle(), accept.contexts().size(), request.presentationContexts().size());
        } else if (decision instanceof AssociationDecision.Reject reject) {
            slots.release();
            holdsSlot = false;
            upperLayer.reject(reject.response());
            LOG.info("association {} -> {} rejected: {}", peer, request.calledAeTitle(), reject.reason());
        }
    }

    @Override
    public void dataReceived(PDataTf data) {
        try {
            assembler.accept(data);
        } catch (DimseFormatException e) {
            LOG.warn("association {}: invalid DIMSE message, aborting: {}", peer, e.getMessage());
            upperLayer.abort(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
        }
    }

    private void received(DimseMessage message) {
        PresentationContext context = contexts.get(message.contextId());
        if (context == null) {
            // PS3.8 9.3.5: a PDV may only use an accepted presentation context.
            LOG.warn("association {}: message on presentation context {} that was not accepted, aborting",
                    peer, message.contextId());
            upperLayer.abort(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
            return;
        }
        LOG.debug("association {}: received {}", peer, message);
        CommandSet response = services.respond(message, context);
        if (response == null) {
            return;
        }
        try {
            sender.send(context.id(), response, null);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("association {}: response not sent: {}", peer, e.getMessage());
        }
    }

    @Override
    public void releaseRequested() {
        upperLayer.releaseResponse();
        LOG.debug("association {} released", peer);
    }

    @Override
    public void aborted(AAbort abort, boolean providerInitiated) {
        LOG.info("association {} aborted{}", peer, abort == null ? " (connection closed)" : ": " + abort);
    }

    @Override
    public void closed() {
        if (holdsSlot) {
            holdsSlot = false;
            slots.release();
        }
    }

    @Override
    public String toString() {
        return "association " + peer + " with " + settings.aeTitle() + " in " + upperLayer.state();
    }
}
