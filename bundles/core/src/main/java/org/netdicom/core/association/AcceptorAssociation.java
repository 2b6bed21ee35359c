package org.netdicom.core.association;

import static org.netdicom.core.api.event.EventType.*;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.netdicom.core.acse.AcceptorNegotiator;
import org.netdicom.core.acse.AcceptorSettings;
import org.netdicom.core.acse.AssociationDecision;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.Implementation;
import org.netdicom.core.api.handler.UserIdentityResult;
import org.netdicom.core.dul.DulState;
import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.event.Events;
import org.netdicom.core.event.HandlerRegistry;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.AsyncOperationsWindow;
import org.netdicom.core.pdu.SopClassCommonExtendedNegotiation;
import org.netdicom.core.pdu.SopClassExtendedNegotiation;
import org.netdicom.core.pdu.UserIdentityAc;
import org.netdicom.core.pdu.UserIdentityRq;
import org.netdicom.core.pdu.UserInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An association accepted on a transport connection, driven by the connection's thread: it decides
 * on the A-ASSOCIATE-RQ (ACSE rules, then the extended negotiation handlers), serves DIMSE requests
 * and answers the release.
 */
public final class AcceptorAssociation extends AbstractAssociation {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptorAssociation.class);

    private final AcceptorSettings settings;
    private final AcceptorNegotiator negotiator;
    private final AssociationSlots slots;
    private final ServerCounters counters;
    private final long connectedAt = System.currentTimeMillis();
    private volatile long establishedAt;
    private volatile AAssociateRq request;
    private volatile Thread connectionThread;
    private boolean holdsSlot;

    public AcceptorAssociation(Socket socket, AcceptorSettings settings, AcceptorNegotiator negotiator,
            AssociationSlots slots, HandlerRegistry serverHandlers, ServerCounters counters) throws IOException {
        super(socket, serverHandlers, settings.dimseTimeout(), settings.acseTimeout(), settings.dimse());
        this.settings = settings;
        this.negotiator = negotiator;
        this.slots = slots;
        this.counters = counters;
        attach(new UpperLayer(socket, this, settings.maximumPduLength(), settings.acseTimeout(),
                settings.networkTimeout(), false));
    }

    /** Serves the connection until it closes. */
    public void run() {
        connectionThread = Thread.currentThread();
        events.notify(EVT_CONN_OPEN, () -> Events.connection(EVT_CONN_OPEN, this, remoteAddress()));
        upperLayer.serveAcceptor();
    }

    /**
     * An operation started from a handler runs on the connection thread, which is the one that
     * would read its answer: it reads inline instead of waiting for itself. From any other thread
     * the connection thread delivers the answer.
     */
    @Override
    protected <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException {
        if (Thread.currentThread() != connectionThread) {
            return super.await(future, timeout, what);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!future.isDone()) {
            try {
                if (!upperLayer.readOne(deadline)) {
                    break;
                }
            } catch (SocketTimeoutException e) {
                throw timedOut(what, timeout);
            }
        }
        return resultOf(future);
    }

    /** Aborts the association (server shutdown); the connection thread then ends. */
    public void shutdown() {
        if (established) {
            endReason = "the server was closed; the association was aborted by us";
            established = false;
            onAborted();
        }
        upperLayer.shutdown();
    }

    @Override
    public void associateRequested(AAssociateRq rq) {
        request = rq;
        events.notify(EVT_ACSE_RECV, () -> Events.acse(EVT_ACSE_RECV, this, "A-ASSOCIATE", rq));
        events.notify(EVT_REQUESTED, () -> Events.plain(EVT_REQUESTED, this));
        if (upperLayer.state() != DulState.STA3) {
            return; // a handler of EVT_REQUESTED aborted the association
        }
        int alreadyOpen = slots.take();
        holdsSlot = true;
        AssociationDecision decision = negotiator.decide(rq, alreadyOpen);
        if (decision instanceof AssociationDecision.Reject reject) {
            reject(reject.response(), reject.reason());
            return;
        }
        AssociationDecision.Accept accept = (AssociationDecision.Accept) decision;
        UserInformation requested = rq.userInformation();
        UserIdentityAc identityReply = null;
        if (requested.userIdentityRq() != null) {
            UserIdentityRq identity = requested.userIdentityRq();
            UserIdentityResult result = events.userIdentity(Events.userIdentity(this, identity.type(),
                    identity.primaryField(), identity.secondaryField(), identity.positiveResponseRequested()));
            if (result != null && !result.verified()) {
                // PS3.7 D.3.3.7: a user the acceptor does not verify is refused; 1/1/1 is the only fitting reason.
                reject(new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER,
                        AAssociateRj.REASON_USER_NO_REASON_GIVEN), "user identity not verified");
                return;
            }
            if (result != null && identity.positiveResponseRequested()) {
                byte[] response = result.serverResponse();
                identityReply = new UserIdentityAc(response == null ? new byte[0] : response);
            }
        }
        AsyncOperationsWindow window = requested.asyncOperationsWindow();
        AsyncOperationsWindow windowReply = null;
        if (window != null && (window.maxOperationsInvoked() != 1 || window.maxOperationsPerformed() != 1)) {
            windowReply = events.asyncOps(Events.asyncOps(this, window.maxOperationsInvoked(),
                    window.maxOperationsPerformed()));
        }
        List<SopClassExtendedNegotiation> extendedReply = sopExtendedReply(requested);
        Map<String, SopClassCommonExtendedNegotiation> common = new LinkedHashMap<>();
        requested.sopClassCommonExtended().forEach(item -> common.put(item.sopClassUid(), item));
        events.sopCommon(Events.sopCommon(this, common)); // PS3.7 D.3.3.6: no reply item is sent

        UserInformation reply = new UserInformation(settings.maximumPduLength(), Implementation.CLASS_UID,
                Implementation.VERSION_NAME, windowReply, accept.response().userInformation().roleSelections(), extendedReply,
                List.of(), null, identityReply,
                List.of());
        AAssociateAc ac = new AAssociateAc(accept.response().protocolVersion(), accept.response().calledAeTitle(),
                accept.response().callingAeTitle(), accept.response().applicationContextName(),
                accept.response().presentationContexts(), reply);
        accepted = accept.contexts();
        upperLayer.setPeerMaxPduLength((int) Math.min(accept.peerMaxPduLength(), Integer.MAX_VALUE));
        establishedAt = System.currentTimeMillis();
        established = true;
        counters.accepted.increment();
        upperLayer.accept(ac);
        events.notify(EVT_ACSE_SENT, () -> Events.acse(EVT_ACSE_SENT, this, "A-ASSOCIATE", ac));
        events.notify(EVT_ACCEPTED, () -> Events.plain(EVT_ACCEPTED, this));
        events.notify(EVT_ESTABLISHED, () -> Events.plain(EVT_ESTABLISHED, this));
    }

    private List<SopClassExtendedNegotiation> sopExtendedReply(UserInformation requested) {
        Map<String, byte[]> asked = new LinkedHashMap<>();
        requested.sopClassExtended().forEach(item -> asked.put(item.sopClassUid(), item.applicationInformation()));
        Map<String, byte[]> answer = events.sopExtended(Events.sopExtended(this, asked));
        List<SopClassExtendedNegotiation> reply = new ArrayList<>();
        answer.forEach((uid, info) -> {
            if (asked.containsKey(uid) && info != null) {
                reply.add(new SopClassExtendedNegotiation(uid, info));
            } else {
                LOG.debug("{}: SOP class extended reply for {} dropped: not requested", this, uid);
            }
        });
        return reply;
    }

    private void reject(AAssociateRj rj, String why) {
        releaseSlot();
        counters.rejected.increment();
        upperLayer.reject(rj);
        LOG.debug("{} rejected: {}", this, why);
        events.notify(EVT_ACSE_SENT, () -> Events.acse(EVT_ACSE_SENT, this, "A-ASSOCIATE", rj));
        events.notify(EVT_REJECTED, () -> Events.plain(EVT_REJECTED, this));
    }

    @Override
    protected void onAborted() {
        counters.aborted.increment();
    }

    @Override
    protected void onMessageReceived() {
        counters.messagesReceived.increment();
    }

    /** When the connection was accepted (epoch milliseconds). */
    public long connectedAt() {
        return connectedAt;
    }

    /** When the association was accepted (epoch milliseconds), 0 before. */
    public long establishedAt() {
        return establishedAt;
    }

    @Override
    protected void onClosed() {
        releaseSlot();
    }

    private void releaseSlot() {
        if (holdsSlot) {
            holdsSlot = false;
            slots.release();
        }
    }

    @Override
    public boolean isAcceptor() {
        return true;
    }

    @Override
    public String callingAeTitle() {
        AAssociateRq rq = request;
        return rq == null ? "" : rq.callingAeTitle();
    }

    @Override
    public String calledAeTitle() {
        AAssociateRq rq = request;
        return rq == null ? settings.aeTitle() : rq.calledAeTitle();
    }

    @Override
    protected ApplicationEntity subAssociationRequestor() {
        // the AE title the peer called us by (an alias, where any is accepted): the one it knows us as
        return new ApplicationEntity(calledAeTitle())
                .maximumPduLength(settings.maximumPduLength())
                .acseTimeout(settings.acseTimeout())
                .dimseTimeout(settings.dimseTimeout())
                .networkTimeout(settings.networkTimeout())
                .logHandlerLevel(settings.logHandlerLevel())
                .tls(settings.tls())
                .spoolDirectory(settings.dimse().spoolDirectory())
                .dataSetMemoryLimit(settings.dimse().memoryLimit())
                .spoolStoreDataSets(settings.dimse().spoolStoreDataSets());
    }

    @Override
    protected String peerDescription() {
        return callingAeTitle() + "@" + remoteAddress();
    }
}
