package org.netdicom.core.association;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.netdicom.core.acse.RequestorNegotiator;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.Status;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DimseFormatException;
import org.netdicom.core.dimse.DimseMessage;
import org.netdicom.core.dimse.MessageAssembler;
import org.netdicom.core.dimse.MessageSender;
import org.netdicom.core.dul.DulUser;
import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.service.StandardContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An association opened by us as requestor. A reader thread runs the Upper Layer; operations send
 * their request from the caller's thread and wait for the response that the reader thread hands
 * over by Message ID Being Responded To.
 */
public final class RequestorAssociation implements DulUser, Association {

    private static final Logger LOG = LoggerFactory.getLogger(RequestorAssociation.class);
    private static final AtomicInteger READERS = new AtomicInteger();
    private static final ScheduledExecutorService TIMERS = timers();

    private final Socket socket;
    private final RequestorSettings settings;
    private final RequestorNegotiator negotiator;
    private final String calledAeTitle;
    private final UpperLayer upperLayer;
    private final MessageSender sender;
    private final MessageAssembler assembler = new MessageAssembler(this::received, 256L << 20);
    private final Map<Integer, CompletableFuture<DimseMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final ReentrantLock operations = new ReentrantLock();
    private final CompletableFuture<Void> establishment = new CompletableFuture<>();
    private volatile CompletableFuture<Void> releaseDone = new CompletableFuture<>();
    private volatile List<PresentationContext> accepted = List.of();
    private volatile boolean established;
    private volatile String endReason = "the association is not established";

    private RequestorAssociation(Socket socket, RequestorSettings settings, String calledAeTitle) throws IOException {
        this.socket = socket;
        this.settings = settings;
        this.negotiator = new RequestorNegotiator(settings.requestedContexts());
        this.calledAeTitle = calledAeTitle;
        this.upperLayer = new UpperLayer(socket, this, settings.maximumPduLength(), settings.acseTimeout(), TIMERS, true);
        this.sender = new MessageSender(upperLayer);
    }

    /**
     * Connects to {@code address}, requests the association and waits for the answer.
     *
     * @throws AssociationException if the acceptor rejects or aborts, or does not answer in time
     * @throws IOException          if the connection fails
     */
    public static Association open(RequestorSettings settings, InetSocketAddress address, String calledAeTitle)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, settings.connectionTimeout().toMillis()));
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.networkTimeout().toMillis()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        RequestorAssociation association = new RequestorAssociation(socket, settings, calledAeTitle);
        association.upperLayer.requestAssociation(association.negotiator.request(
                settings.callingAeTitle(), calledAeTitle, settings.maximumPduLength()));
        Thread reader = new Thread(association.upperLayer::readUntilClosed,
                "netdicom-scu-" + settings.callingAeTitle() + "-" + READERS.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
        association.await(association.establishment, settings.acseTimeout(), "A-ASSOCIATE-AC");
        return association;
    }

    // ---- operations ---------------------------------------------------------------------------

    @Override
    public Status echo() throws IOException {
        PresentationContext context = contextFor(StandardContexts.VERIFICATION);
        CommandSet request = new CommandSet()
                .put(CommandTag.AFFECTED_SOP_CLASS_UID, StandardContexts.VERIFICATION)
                .put(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET);
        DimseMessage response = exchange(context, request);
        return new Status(response.command().getInt(CommandTag.STATUS, 0xFFFF));
    }

    private DimseMessage exchange(PresentationContext context, CommandSet request) throws IOException {
        operations.lock();
        try {
            requireEstablished();
            int messageId = messageIds.incrementAndGet() & 0xFFFF;
            request.put(CommandTag.MESSAGE_ID, messageId);
            CompletableFuture<DimseMessage> response = new CompletableFuture<>();
            pending.put(messageId, response);
            try {
                sender.send(context.id(), request, null);
                return await(response, settings.dimseTimeout(), CommandField.name(request.commandField() | CommandField.RESPONSE_BIT));
            } finally {
                pending.remove(messageId);
            }
        } finally {
            operations.unlock();
        }
    }

    private PresentationContext contextFor(String abstractSyntax) throws AssociationException {
        for (PresentationContext context : accepted) {
            if (context.abstractSyntax().equals(abstractSyntax)) {
                return context;
            }
        }
        throw new AssociationException("no presentation context for " + abstractSyntax + " was accepted by "
                + calledAeTitle);
    }

    @Override
    public void release() throws IOException {
        operations.lock();
        try {
            if (!established) {
                return;
            }
            upperLayer.releaseRequest();
            await(releaseDone, settings.acseTimeout(), "A-RELEASE-RP");
        } finally {
            operations.unlock();
        }
    }

    @Override
    public void abort() {
        established = false;
        endReason = "the association was aborted by us";
        upperLayer.abort(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
    }

    @Override
    public void close() {
        if (!established) {
            upperLayer.shutdown();
            return;
        }
        try {
            release();
        } catch (IOException e) {
            LOG.debug("release of {} failed, aborting: {}", this, e.getMessage());
            abort();
        }
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort();
            throw new AssociationException("no " + what + " from " + calledAeTitle + " within " + timeout.toMillis()
                    + " ms; association aborted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new AssociationException(e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new AssociationException("interrupted while waiting for " + what + "; association aborted", e);
        }
    }

    private void requireEstablished() throws AssociationException {
        if (!established) {
            throw new AssociationException(endReason);
        }
    }

    // ---- indications from the Upper Layer (reader thread) ---------------------------------------

    @Override
    public void associateAccepted(AAssociateAc accept) {
        accepted = negotiator.accepted(accept);
        long peerMax = accept.userInformation() == null ? 0 : accept.userInformation().maxLength();
        upperLayer.setPeerMaxPduLength((int) Math.min(peerMax, Integer.MAX_VALUE));
        established = true;
        establishment.complete(null);
    }

    @Override
    public void associateRejected(AAssociateRj reject) {
        endReason = "association rejected by " + calledAeTitle + ": " + reject;
        establishment.completeExceptionally(new AssociationException(endReason));
    }

    @Override
    public void dataReceived(PDataTf data) {
        try {
            assembler.accept(data);
        } catch (DimseFormatException e) {
            LOG.warn("{}: invalid DIMSE message, aborting: {}", this, e.getMessage());
            abort();
        }
    }

    private void received(DimseMessage message) {
        int field = message.command().commandField();
        if (!CommandField.isResponse(field)) {
            LOG.warn("{}: {} from the acceptor is not supported yet; ignored", this, CommandField.name(field));
            return;
        }
        int respondedTo = message.command().getInt(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, -1);
        CompletableFuture<DimseMessage> waiting = pending.get(respondedTo);
        if (waiting == null) {
            LOG.warn("{}: {} answers message {}, which is not outstanding; ignored", this, CommandField.name(field),
                    respondedTo);
            return;
        }
        waiting.complete(message);
    }

    @Override
    public void releaseRequested() {
        upperLayer.releaseResponse(); // a release collision (PS3.8 9.2.2): answer it
    }

    @Override
    public void releaseConfirmed() {
        established = false;
        endReason = "the association was released";
        releaseDone.complete(null);
    }

    @Override
    public void aborted(AAbort abort, boolean providerInitiated) {
        end(abort == null ? "the connection to " + calledAeTitle + " closed" : "the association was aborted: " + abort);
    }

    @Override
    public void closed() {
        end("the connection to " + calledAeTitle + " closed");
    }

    private void end(String reason) {
        if (established || !establishment.isDone()) {
            endReason = reason;
        }
        established = false;
        AssociationException ended = new AssociationException(endReason);
        establishment.completeExceptionally(ended);
        releaseDone.completeExceptionally(ended);
        pending.values().forEach(f -> f.completeExceptionally(ended));
    }

    // ---- views ----------------------------------------------------------------------------------

    @Override
    public String callingAeTitle() {
        return settings.callingAeTitle();
    }

    @Override
    public String calledAeTitle() {
        return calledAeTitle;
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

    @Override
    public String toString() {
        return "association " + settings.callingAeTitle() + " -> " + calledAeTitle + "@" + socket.getRemoteSocketAddress();
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
