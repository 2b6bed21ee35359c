package org.netdicom.core.service;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.event.CFindEvent;
import org.netdicom.core.api.event.Event;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.dimse.OutgoingDataSet;
import org.netdicom.core.event.Events;
import org.netdicom.data.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EVT_C_FIND event: a view of one C-FIND operation. Each {@link #pending} call sends a Pending
 * response at once; views made for handlers bound with arguments share the operation.
 */
final class FindRequest implements CFindEvent, Events.Bound {

    private static final Logger LOG = LoggerFactory.getLogger(FindRequest.class);
    static final int PENDING = 0xFF00;
    static final int PENDING_OPTIONAL_KEYS_NOT_SUPPORTED = 0xFF01;
    static final int CANCEL = 0xFE00;

    /** What all views of one request share. */
    static final class Operation {
        private final IncomingRequest request;
        private final Dataset identifier;
        private final boolean singleMatch;
        private int sent;
        private boolean encodingFailed;
        private boolean ended;

        Operation(IncomingRequest request, Dataset identifier, boolean singleMatch) {
            this.request = request;
            this.identifier = identifier;
            this.singleMatch = singleMatch;
        }

        boolean encodingFailed() {
            return encodingFailed;
        }

        synchronized boolean pending(Dataset match, int status) {
            if (request.isCancelled() || ended || encodingFailed) {
                return false;
            }
            if (singleMatch && sent > 0) {
                LOG.debug("{}: Relevant Patient Information Query: match after the first ignored", request.association());
                return false;
            }
            OutgoingDataSet encoded;
            try {
                encoded = DataSetCodec.encode(match, request.context().transferSyntax());
            } catch (IllegalArgumentException e) {
                encodingFailed = true;
                throw e;
            }
            try {
                request.respond(Responses.to(request.command(), status)
                        .put(CommandTag.COMMAND_DATA_SET_TYPE, 0x0000), encoded);
            } catch (IOException e) {
                LOG.debug("{}: pending C-FIND-RSP not sent: {}", request.association(), e.getMessage());
                ended = true;
                return false;
            }
            sent++;
            return true;
        }
    }

    private final Operation operation;
    private final Instant timestamp;
    private final List<Object> arguments;

    FindRequest(Operation operation) {
        this(operation, Instant.now(), List.of());
    }

    private FindRequest(Operation operation, Instant timestamp, List<Object> arguments) {
        this.operation = operation;
        this.timestamp = timestamp;
        this.arguments = arguments;
    }

    @Override
    public Event withArguments(List<Object> args) {
        return new FindRequest(operation, timestamp, List.copyOf(args));
    }

    @Override
    public EventType type() {
        return EventType.EVT_C_FIND;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public Association association() {
        return operation.request.association();
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }

    @Override
    public PresentationContext context() {
        return operation.request.context();
    }

    @Override
    public int messageId() {
        return operation.request.messageId();
    }

    @Override
    public int priority() {
        return operation.request.command().getInt(CommandTag.PRIORITY, 0);
    }

    @Override
    public String sopClassUid() {
        String uid = operation.request.command().getString(CommandTag.AFFECTED_SOP_CLASS_UID);
        return uid != null ? uid : context().abstractSyntax();
    }

    @Override
    public Dataset identifier() {
        return operation.identifier;
    }

    @Override
    public boolean isCancelled() {
        return operation.request.isCancelled();
    }

    @Override
    public boolean pending(Dataset match) {
        return pending(match, false);
    }

    @Override
    public boolean pending(Dataset match, boolean optionalKeysNotSupported) {
        return operation.pending(match, optionalKeysNotSupported ? PENDING_OPTIONAL_KEYS_NOT_SUPPORTED : PENDING);
    }

    @Override
    public String toString() {
        return "EVT_C_FIND " + sopClassUid() + " message " + messageId();
    }
}
