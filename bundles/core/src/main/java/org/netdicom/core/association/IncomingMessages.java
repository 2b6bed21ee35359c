package org.netdicom.core.association;

import static org.netdicom.core.api.event.EventType.EVT_DIMSE_RECV;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DimseFormatException;
import org.netdicom.core.dimse.DimseMessage;
import org.netdicom.core.dimse.DimseSettings;
import org.netdicom.core.dimse.IncomingDataSet;
import org.netdicom.core.dimse.MessageAssembler;
import org.netdicom.core.event.EventDispatcher;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.PresentationDataValue;
import org.netdicom.core.service.IncomingRequest;
import org.netdicom.core.service.ServiceDispatcher;
import org.netdicom.core.service.StorageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an association does with the peer's P-DATA: reassembles its DIMSE messages (a C-STORE's
 * data set spooled behind its Part 10 header as it arrives), hands responses to our requests
 * waiting for them, a C-CANCEL to the request it names, and every other request to its service
 * class on the association's request runner. Runs on the thread that reads the association.
 */
final class IncomingMessages {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingMessages.class);

    private final AbstractAssociation association;
    private final OutgoingRequests requests;
    private final EventDispatcher events;
    private final DimseSettings dimse;
    private final MessageAssembler assembler = new MessageAssembler(this::received, this::beginDataSet);
    private final ServiceDispatcher services = new ServiceDispatcher();
    /** Requests of the peer being served or queued, by Message ID: a C-CANCEL-RQ finds them here. */
    private final Map<Integer, IncomingRequest> serving = new ConcurrentHashMap<>();
    private final RequestRunner runner = new RequestRunner();

    IncomingMessages(AbstractAssociation association, OutgoingRequests requests, EventDispatcher events,
            DimseSettings dimse) {
        this.association = association;
        this.requests = requests;
        this.events = events;
        this.dimse = dimse;
    }

    /** A P-DATA-TF from the peer; a PDV on a context that was not accepted, or a malformed message, aborts. */
    void accept(PDataTf data) {
        for (PresentationDataValue pdv : data.values()) {
            if (association.acceptedContext(pdv.contextId()) == null) {
                // PS3.8 9.3.5: a PDV may only use an accepted presentation context; tell at once.
                LOG.warn("{}: data on presentation context {} that was not accepted, aborting", association,
                        pdv.contextId());
                association.abort();
                return;
            }
        }
        try {
            assembler.accept(data);
        } catch (DimseFormatException e) {
            LOG.warn("{}: invalid DIMSE message, aborting: {}", association, e.getMessage());
            association.abort();
        }
    }

    /** The reader's buffer is about to be reused: data set fragments kept in it are written now. */
    void releaseInPlaceData() {
        assembler.releaseInPlaceData();
    }

    /** The reader waits for the peer: data set fragments kept in its buffer are written now. */
    void writeKeptFragments() {
        assembler.writeKeptFragments();
    }

    /** Whether the peer's next bytes are likely microseconds away (a data set or a series of C-STOREs). */
    boolean expectsDataSoon() {
        return assembler.isInStoreStream();
    }

    /** The connection closed: a message cut off half-way is dropped, its spool file with it. */
    void connectionClosed() {
        assembler.discardPartial();
    }

    /** The association ended: the peer's requests still being served or queued are cancelled. */
    void cancelAll() {
        serving.values().forEach(IncomingRequest::cancel);
    }

    /** Where the data set of an incoming message goes: a C-STORE's is spooled behind its Part 10 header. */
    private IncomingDataSet beginDataSet(int contextId, CommandSet command) {
        PresentationContext context = association.acceptedContext(contextId);
        IncomingDataSet.Prefix prefix = command.commandField() == CommandField.C_STORE_RQ && context != null
                ? StorageService.part10Header(command, context, association) : IncomingDataSet.Prefix.NONE;
        return new IncomingDataSet(dimse.spoolDirectory(), dimse.memoryLimitFor(command.commandField()), Long.MAX_VALUE,
                prefix);
    }

    private void received(DimseMessage message) {
        try {
            handle(message);
        } catch (RuntimeException | Error e) {
            message.discard();
            throw e;
        }
    }

    private void handle(DimseMessage message) {
        CommandSet command = message.command();
        association.onMessageReceived();
        events.notify(EVT_DIMSE_RECV, () -> association.dimseEvent(EVT_DIMSE_RECV, message.contextId(), command,
                message.dataSet() != null));
        PresentationContext context = association.acceptedContext(message.contextId());
        if (context == null) {
            // PS3.8 9.3.5: a PDV may only use an accepted presentation context.
            LOG.warn("{}: message on presentation context {} that was not accepted, aborting", association,
                    message.contextId());
            association.abort();
            return;
        }
        int field = command.commandField();
        if (CommandField.isResponse(field)) {
            int respondedTo = command.getInt(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, -1);
            // delivered, its data set belongs to the operation waiting for it
            if (!requests.deliver(respondedTo, message)) {
                LOG.warn("{}: {} answers message {}, which is not outstanding; ignored", association,
                        CommandField.name(field), respondedTo);
                message.discard();
            }
            return;
        }
        if (field == CommandField.C_CANCEL_RQ) {
            IncomingRequest cancelled = serving.get(command.getInt(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, -1));
            if (cancelled != null) {
                cancelled.cancel();
            }
            message.discard();
            return; // PS3.7 9.3.2.3: no response to a C-CANCEL
        }
        IncomingRequest request = new IncomingRequest(message, context, association, events, association::sendMessage,
                association::subAssociationRequestor);
        int messageId = request.messageId();
        serving.put(messageId, request);
        runner.submit(() -> {
            try {
                services.serve(request);
            } finally {
                serving.remove(messageId, request);
                message.discard();
            }
        }, ServiceDispatcher.isLongRunning(field));
    }
}
