package org.netdicom.core.association;

import static org.netdicom.core.api.event.EventType.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.DimseEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.dimse.DimseMessage;
import org.netdicom.core.dimse.DimseSettings;
import org.netdicom.core.dimse.OutgoingDataSet;
import org.netdicom.core.dimse.MessageSender;
import org.netdicom.core.dul.DulAction;
import org.netdicom.core.dul.DulEvent;
import org.netdicom.core.dul.DulState;
import org.netdicom.core.dul.DulUser;
import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.event.EventDispatcher;
import org.netdicom.core.event.Events;
import org.netdicom.core.event.HandlerRegistry;
import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AReleaseRp;
import org.netdicom.core.pdu.AReleaseRq;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.service.StandardContexts;
import org.netdicom.data.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an association is on either side: the DUL service user that turns Upper Layer indications
 * into events and hands the peer's data to {@link IncomingMessages} (which reassembles the DIMSE
 * messages, answers requests through the service classes and gives responses to the operations
 * waiting for them), and the {@link Association} our side's operations and release go through. The
 * acceptor and requestor subclasses add negotiation.
 */
abstract class AbstractAssociation implements DulUser, Association {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractAssociation.class);

    protected final Socket socket;
    protected final HandlerRegistry handlers;
    protected final EventDispatcher events;
    protected UpperLayer upperLayer;
    private MessageSender sender;
    private final DimseSettings dimse;
    /** Our requests waiting for their responses. */
    private final OutgoingRequests requests;
    private final NormalizedOperations normalized;
    /** The peer's messages: reassembled, answered, or handed to our requests. */
    private final IncomingMessages incoming;
    protected final ReentrantLock operations = new ReentrantLock();
    private final Duration dimseTimeout;
    private final Duration releaseTimeout;
    private volatile CompletableFuture<Void> releaseDone;
    protected volatile List<PresentationContext> accepted = List.of();
    protected volatile boolean established;
    private static final String NOT_YET_ESTABLISHED = "the association is not established";
    protected volatile String endReason = NOT_YET_ESTABLISHED;
    private volatile boolean ended;

    protected AbstractAssociation(Socket socket, HandlerRegistry parentHandlers, Duration dimseTimeout,
            Duration releaseTimeout, DimseSettings dimse) {
        this.socket = socket;
        this.dimse = dimse;
        this.handlers = new HandlerRegistry(parentHandlers);
        this.events = new EventDispatcher(handlers);
        this.dimseTimeout = dimseTimeout;
        this.releaseTimeout = releaseTimeout;
        this.requests = new OutgoingRequests(new RequestsLink(), operations, dimseTimeout);
        this.incoming = new IncomingMessages(this, requests, events, dimse);
        this.normalized = new NormalizedOperations(new NormalizedOperations.Contexts() {
            @Override
            public List<PresentationContext> accepted() {
                return accepted;
            }

            @Override
            public boolean weAreAcceptor() {
                return isAcceptor();
            }
        }, (context, request, dataSet) -> toResponse(requests.exchange(context, request, dataSet)));
    }

    /** Creates the Upper Layer once the subclass knows its settings. */
    protected final void attach(UpperLayer layer) {
        this.upperLayer = layer;
        this.sender = new MessageSender(layer);
    }

    // ---- DIMSE operations -----------------------------------------------------------------------

    @Override
    public Status echo() throws IOException {
        PresentationContext context = contextFor(StandardContexts.VERIFICATION);
        CommandSet request = new CommandSet()
                .put(CommandTag.AFFECTED_SOP_CLASS_UID, StandardContexts.VERIFICATION)
                .put(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET);
        DimseMessage response = requests.exchange(context, request, null);
        return new Status(response.command().getInt(CommandTag.STATUS, 0xFFFF));
    }

    @Override
    public DimseResponse store(Dataset dataset) throws IOException {
        return store(dataset, null);
    }

    @Override
    public DimseResponse store(Dataset dataset, String transferSyntaxUid) throws IOException {
        StoreRequest store = StoreRequest.of(dataset, transferSyntaxUid);
        return send(store);
    }

    @Override
    public DimseResponse store(Path part10File) throws IOException {
        return send(StoreRequest.of(part10File));
    }

    private DimseResponse send(StoreRequest store) throws IOException {
        PresentationContext context = store.chooseContext(accepted, isAcceptor());
        CommandSet request = store.command(context);
        return toResponse(requests.exchange(context, request, store.encode(context)));
    }

    @Override
    public DimseResponse store(Dataset dataset, String transferSyntaxUid, String moveOriginatorAeTitle,
            int moveOriginatorMessageId) throws IOException {
        return send(StoreRequest.of(dataset, transferSyntaxUid).movedFor(moveOriginatorAeTitle, moveOriginatorMessageId));
    }

    @Override
    public DimseResponse store(Path part10File, String moveOriginatorAeTitle, int moveOriginatorMessageId)
            throws IOException {
        return send(StoreRequest.of(part10File).movedFor(moveOriginatorAeTitle, moveOriginatorMessageId));
    }

    @Override
    public ResponseIterator find(Dataset identifier, String informationModelSopClassUid) throws IOException {
        return find(identifier, informationModelSopClassUid, PRIORITY_MEDIUM);
    }

    @Override
    public ResponseIterator find(Dataset identifier, String informationModelSopClassUid, int priority)
            throws IOException {
        return send(QueryRetrieveRequest.find(identifier, informationModelSopClassUid, priority));
    }

    @Override
    public ResponseIterator get(Dataset identifier, String informationModelSopClassUid) throws IOException {
        return get(identifier, informationModelSopClassUid, PRIORITY_MEDIUM);
    }

    @Override
    public ResponseIterator get(Dataset identifier, String informationModelSopClassUid, int priority)
            throws IOException {
        return send(QueryRetrieveRequest.get(identifier, informationModelSopClassUid, priority));
    }

    @Override
    public ResponseIterator move(String moveDestinationAeTitle, Dataset identifier, String informationModelSopClassUid)
            throws IOException {
        return move(moveDestinationAeTitle, identifier, informationModelSopClassUid, PRIORITY_MEDIUM);
    }

    @Override
    public ResponseIterator move(String moveDestinationAeTitle, Dataset identifier, String informationModelSopClassUid,
            int priority) throws IOException {
        return send(QueryRetrieveRequest.move(moveDestinationAeTitle, identifier, informationModelSopClassUid,
                priority));
    }

    private ResponseIterator send(QueryRetrieveRequest request) throws IOException {
        PresentationContext context = contextFor(request.informationModel());
        return requests.exchangeMany(context, request.command(), request.identifier(context));
    }

    // ---- DIMSE-N operations (NormalizedOperations) -----------------------------------------------

    @Override
    public DimseResponse nEventReport(String sopClass, String sopInstance, int eventTypeId, Dataset eventInformation)
            throws IOException {
        return normalized.nEventReport(sopClass, sopInstance, eventTypeId, eventInformation);
    }

    @Override
    public DimseResponse nGet(String sopClass, String sopInstance, int... attributeTags) throws IOException {
        return normalized.nGet(sopClass, sopInstance, attributeTags);
    }

    @Override
    public DimseResponse nSet(String sopClass, String sopInstance, Dataset modifications) throws IOException {
        return normalized.nSet(sopClass, sopInstance, modifications);
    }

    @Override
    public DimseResponse nAction(String sopClass, String sopInstance, int actionTypeId, Dataset actionInformation)
            throws IOException {
        return normalized.nAction(sopClass, sopInstance, actionTypeId, actionInformation);
    }

    @Override
    public DimseResponse nCreate(String sopClass, String sopInstance, Dataset attributes) throws IOException {
        return normalized.nCreate(sopClass, sopInstance, attributes);
    }

    @Override
    public DimseResponse nDelete(String sopClass, String sopInstance) throws IOException {
        return normalized.nDelete(sopClass, sopInstance);
    }

    /** The public view of a response; its data set, if any, is decoded in the context's transfer syntax. */
    protected final DimseResponse toResponse(DimseMessage message) throws IOException {
        try {
            Dataset command = message.command().toDataset();
            Dataset data = null;
            if (message.dataSet() != null) {
                PresentationContext context = acceptedContext(message.contextId());
                data = DataSetCodec.decode(message.dataSet(), context.transferSyntax());
            }
            return new DimseResponse(command, data);
        } finally {
            message.discard();
        }
    }

    /**
     * Sends a request. A data set that fails half-way (a file that cannot be read or converted) has
     * left a partial message on the wire, which nothing can repair: the association is aborted.
     */
    private void sendRequest(int contextId, CommandSet command, OutgoingDataSet dataSet) throws IOException {
        try {
            sendMessage(contextId, command, dataSet);
        } catch (IOException e) {
            if (established) {
                abort();
                throw new AssociationException("sending " + CommandField.name(command.commandField()) + " failed: "
                        + e.getMessage() + "; association aborted", e);
            }
            throw e;
        }
    }

    /** Sends a message (a request, a response, a C-CANCEL), EVT_DIMSE_SENT told first. */
    void sendMessage(int contextId, CommandSet command, OutgoingDataSet dataSet) throws IOException {
        events.notify(EVT_DIMSE_SENT, () -> dimseEvent(EVT_DIMSE_SENT, contextId, command, dataSet != null));
        sender.send(contextId, command, dataSet);
    }

    protected final PresentationContext contextFor(String abstractSyntax) throws AssociationException {
        for (PresentationContext context : accepted) {
            if (context.abstractSyntax().equals(abstractSyntax)) {
                return context;
            }
        }
        throw new AssociationException("no presentation context for " + abstractSyntax + " was accepted");
    }

    /** Waits for {@code future}, which the thread reading the association completes. */
    protected <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timedOut(what, timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new AssociationException(e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new AssociationException("interrupted while waiting for " + what + "; association aborted", e);
        }
    }

    /** The value of a future its reader completed, or why the association ended without one. */
    protected final <T> T resultOf(CompletableFuture<T> future) throws IOException {
        if (!future.isDone()) {
            throw new AssociationException(endReason);
        }
        try {
            return future.getNow(null);
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new AssociationException(e.getCause().getMessage(), e);
        }
    }

    /** Aborts after a wait that took too long, and says so. */
    protected final AssociationException timedOut(String what, Duration timeout) {
        abort();
        return new AssociationException("no " + what + " from " + peerDescription() + " within " + timeout.toMillis()
                + " ms; association aborted");
    }

    protected final void requireEstablished() throws AssociationException {
        if (!established) {
            throw new AssociationException(endReason);
        }
    }

    /**
     * Releases the association (Evt11) and waits for the A-RELEASE-RP, at most the ACSE timeout.
     * Either side may release (PS3.8 7.2); when both do at once the collision is resolved by the
     * state machine (PS3.8 9.2.2).
     */
    @Override
    public void release() throws IOException {
        operations.lock();
        try {
            if (!established) {
                return;
            }
            releaseDone = new CompletableFuture<>();
            events.notify(EVT_ACSE_SENT, () -> Events.acse(EVT_ACSE_SENT, this, "A-RELEASE", new AReleaseRq()));
            upperLayer.releaseRequest();
            await(releaseDone, releaseTimeout, "A-RELEASE-RP");
        } finally {
            operations.unlock();
        }
    }

    protected final boolean releaseInProgress() {
        CompletableFuture<Void> done = releaseDone;
        return done != null && !done.isDone();
    }

    /**
     * A-RELEASE indication: answered at once. In a release collision (PS3.8 9.2.2) our own release
     * completes when its A-RELEASE-RP arrives; otherwise the association is released now.
     */
    @Override
    public void releaseRequested() {
        boolean collision = releaseInProgress();
        events.notify(EVT_ACSE_RECV, () -> Events.acse(EVT_ACSE_RECV, this, "A-RELEASE", new AReleaseRq()));
        upperLayer.releaseResponse();
        events.notify(EVT_ACSE_SENT, () -> Events.acse(EVT_ACSE_SENT, this, "A-RELEASE", new AReleaseRp()));
        if (!collision) {
            released();
        }
    }

    @Override
    public void releaseConfirmed() {
        events.notify(EVT_ACSE_RECV, () -> Events.acse(EVT_ACSE_RECV, this, "A-RELEASE", new AReleaseRp()));
        released();
        CompletableFuture<Void> done = releaseDone;
        if (done != null) {
            done.complete(null);
        }
    }

    /** Releases the association if it is established; aborts it if the release fails. */
    @Override
    public void close() {
        if (!established) {
            return;
        }
        try {
            release();
        } catch (IOException e) {
            LOG.debug("release of {} failed, aborting: {}", this, e.getMessage());
            abort();
        }
    }

    @Override
    public void abort() {
        if (established) {
            endReason = "the association was aborted by us";
            onAborted();
        }
        established = false;
        AAbort abort = new AAbort(AAbort.SOURCE_SERVICE_USER, 0);
        events.notify(EVT_ACSE_SENT, () -> Events.acse(EVT_ACSE_SENT, this, "A-ABORT", abort));
        upperLayer.abort(abort);
    }

    // ---- indications from the Upper Layer ---------------------------------------------------

    @Override
    public final void dataReceived(PDataTf data) {
        incoming.accept(data);
    }

    @Override
    public final void releaseInPlaceData() {
        incoming.releaseInPlaceData();
    }

    @Override
    public final void readerWaiting() {
        incoming.writeKeptFragments();
    }

    /** The accepted presentation context of this ID, or null. */
    final PresentationContext acceptedContext(int id) {
        for (PresentationContext context : accepted) {
            if (context.id() == id) {
                return context;
            }
        }
        return null;
    }

    final DimseEvent dimseEvent(EventType type, int contextId, CommandSet command, boolean hasDataSet) {
        int field = command.commandField();
        boolean response = CommandField.isResponse(field);
        int messageId = command.getInt(response ? CommandTag.MESSAGE_ID_BEING_RESPONDED_TO : CommandTag.MESSAGE_ID, -1);
        return Events.dimse(type, this, contextId, field, CommandField.name(field), messageId,
                response ? command.getInt(CommandTag.STATUS, -1) : -1, hasDataSet, command.toDataset());
    }

    @Override
    public void aborted(AAbort abort, boolean providerInitiated) {
        events.notify(EVT_ACSE_RECV, () -> Events.acse(EVT_ACSE_RECV, this,
                providerInitiated ? "A-P-ABORT" : "A-ABORT", abort));
        end(abort == null ? "the connection to " + peerDescription() + " closed"
                : "the association was aborted: " + abort, true);
    }

    @Override
    public void closed() {
        incoming.connectionClosed();
        end("the connection to " + peerDescription() + " closed", false);
        events.notify(EVT_CONN_CLOSE, () -> Events.connection(EVT_CONN_CLOSE, this, remoteAddress()));
        onClosed();
    }

    /** Ends the association once: fails what waits on it and tells the handlers. */
    protected final void end(String reason, boolean aborted) {
        boolean wasEstablished = established;
        if (wasEstablished || endReason == NOT_YET_ESTABLISHED) {
            endReason = reason;
        }
        established = false;
        AssociationException ended = new AssociationException(endReason);
        requests.failAll(ended);
        incoming.cancelAll();
        CompletableFuture<Void> release = releaseDone;
        if (release != null) {
            release.completeExceptionally(ended);
        }
        onEnded(ended);
        if (aborted && wasEstablished && !this.ended) {
            this.ended = true;
            onAborted();
            events.notify(EVT_ABORTED, () -> Events.plain(EVT_ABORTED, this));
        }
    }

    /** Marks a normal end by release, and tells the handlers. */
    protected final void released() {
        endReason = "the association was released";
        established = false;
        if (!ended) {
            ended = true;
            events.notify(EVT_RELEASED, () -> Events.plain(EVT_RELEASED, this));
        }
    }

    /** Fails whatever the subclass has waiting (association or release confirmations). */
    protected void onEnded(AssociationException ended) {
    }

    /** An established association ends by an abort (ours, the peer's or the provider's): counted once. */
    protected void onAborted() {
    }

    /** A whole DIMSE message arrived: counted. */
    protected void onMessageReceived() {
    }

    /** The transport is closed; release what the subclass holds. */
    protected void onClosed() {
    }

    @Override
    public boolean expectsDataSoon() {
        return incoming.expectsDataSoon();
    }

    @Override
    public boolean wantsRawData() {
        return events.wants(EVT_DATA_RECV) || events.wants(EVT_DATA_SENT);
    }

    @Override
    public boolean wantsReceivedPdus() {
        return events.wants(EVT_PDU_RECV);
    }

    @Override
    public boolean wantsDataPdus() {
        return events.wants(EVT_PDU_SENT);
    }

    @Override
    public void rawDataReceived(byte[] pdu) {
        events.notify(EVT_DATA_RECV, () -> Events.data(EVT_DATA_RECV, this, pdu));
    }

    @Override
    public void rawDataSent(byte[] pdu) {
        events.notify(EVT_DATA_SENT, () -> Events.data(EVT_DATA_SENT, this, pdu));
    }

    @Override
    public void pduReceived(Pdu pdu) {
        events.notify(EVT_PDU_RECV, () -> Events.pdu(EVT_PDU_RECV, this, pdu));
    }

    @Override
    public void pduSent(Pdu pdu) {
        events.notify(EVT_PDU_SENT, () -> Events.pdu(EVT_PDU_SENT, this, pdu));
    }

    @Override
    public void transitioned(DulState from, DulEvent event, DulAction action, DulState to) {
        events.notify(EVT_FSM_TRANSITION, () -> Events.transition(this, from.code(), event.code(), action.code(),
                to.code()));
    }

    // ---- binding and views --------------------------------------------------------------------

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
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public List<PresentationContext> acceptedContexts() {
        return accepted;
    }

    @Override
    public int peerMaxPduLength() {
        return upperLayer.peerMaxPduLength();
    }

    @Override
    public boolean isEstablished() {
        return established;
    }

    /**
     * A new entity to open the associations of C-MOVE sub-operations with: our AE title and this
     * association's timeouts and TLS settings, without presentation contexts.
     */
    protected ApplicationEntity subAssociationRequestor() {
        return new ApplicationEntity(isAcceptor() ? calledAeTitle() : callingAeTitle());
    }

    /** For messages: the peer's AE title and address. */
    protected abstract String peerDescription();

    @Override
    public String toString() {
        return "association " + callingAeTitle() + " -> " + calledAeTitle() + " (" + remoteAddress() + ")";
    }

    /** What our requests need of this association ({@link OutgoingRequests}). */
    private final class RequestsLink implements OutgoingRequests.Link {
        @Override
        public void requireEstablished() throws AssociationException {
            AbstractAssociation.this.requireEstablished();
        }

        @Override
        public void sendRequest(int contextId, CommandSet command, OutgoingDataSet dataSet) throws IOException {
            AbstractAssociation.this.sendRequest(contextId, command, dataSet);
        }

        @Override
        public void sendCancel(int contextId, int messageId) throws IOException {
            sendMessage(contextId, new CommandSet()
                    .put(CommandTag.COMMAND_FIELD, CommandField.C_CANCEL_RQ)
                    .put(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, messageId)
                    .put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET), null);
        }

        @Override
        public <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException {
            return AbstractAssociation.this.await(future, timeout, what);
        }

        @Override
        public DimseResponse decode(DimseMessage message) throws IOException {
            return toResponse(message);
        }
    }
}
