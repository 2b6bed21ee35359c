package org.netdicom.core.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.SubOperations;
import org.netdicom.core.api.event.CGetEvent;
import org.netdicom.core.api.event.CMoveEvent;
import org.netdicom.core.api.event.Event;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.event.RetrieveEvent;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.event.Events;
import org.netdicom.data.Dataset;

/**
 * The EVT_C_GET and EVT_C_MOVE events: views of one {@link RetrieveOperation}. Views made for
 * handlers bound with arguments share the operation (and, for C-MOVE, the destination).
 */
abstract sealed class RetrieveRequest implements RetrieveEvent, Events.Bound {

    final RetrieveOperation operation;
    private final Instant timestamp;
    private final List<Object> arguments;

    private RetrieveRequest(RetrieveOperation operation, Instant timestamp, List<Object> arguments) {
        this.operation = operation;
        this.timestamp = timestamp;
        this.arguments = arguments;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public Association association() {
        return operation.request().association();
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }

    @Override
    public PresentationContext context() {
        return operation.request().context();
    }

    @Override
    public int messageId() {
        return operation.request().messageId();
    }

    @Override
    public int priority() {
        return operation.request().command().getInt(CommandTag.PRIORITY, 0);
    }

    @Override
    public String sopClassUid() {
        String uid = operation.request().command().getString(CommandTag.AFFECTED_SOP_CLASS_UID);
        return uid != null ? uid : context().abstractSyntax();
    }

    @Override
    public Dataset identifier() {
        return operation.identifier();
    }

    @Override
    public boolean isCancelled() {
        return operation.request().isCancelled();
    }

    @Override
    public void subOperations(int count) {
        operation.subOperations(count);
    }

    @Override
    public Status store(Dataset instance) {
        return operation.store(instance, null);
    }

    @Override
    public Status store(Dataset instance, String transferSyntaxUid) {
        return operation.store(instance, transferSyntaxUid);
    }

    @Override
    public Status store(Path part10File) throws IOException {
        return operation.store(part10File, null);
    }

    @Override
    public Status store(Path part10File, String sopInstanceUid) throws IOException {
        return operation.store(part10File, sopInstanceUid);
    }

    @Override
    public Status failed(String sopInstanceUid) {
        return operation.fail(sopInstanceUid);
    }

    @Override
    public SubOperations counts() {
        return operation.counts();
    }

    @Override
    public String toString() {
        return type() + " " + sopClassUid() + " message " + messageId();
    }

    /** EVT_C_GET: the sub-operations go to the requestor on this association. */
    static final class Get extends RetrieveRequest implements CGetEvent {

        Get(RetrieveOperation operation) {
            this(operation, Instant.now(), List.of());
        }

        private Get(RetrieveOperation operation, Instant timestamp, List<Object> arguments) {
            super(operation, timestamp, arguments);
        }

        @Override
        public EventType type() {
            return EventType.EVT_C_GET;
        }

        @Override
        public Event withArguments(List<Object> args) {
            return new Get(operation, timestamp(), List.copyOf(args));
        }
    }

    /** EVT_C_MOVE: the sub-operations go to the move destination. */
    static final class Move extends RetrieveRequest implements CMoveEvent {

        private final MoveDestination destination;

        Move(RetrieveOperation operation, MoveDestination destination) {
            this(operation, destination, Instant.now(), List.of());
        }

        private Move(RetrieveOperation operation, MoveDestination destination, Instant timestamp,
                List<Object> arguments) {
            super(operation, timestamp, arguments);
            this.destination = destination;
        }

        @Override
        public EventType type() {
            return EventType.EVT_C_MOVE;
        }

        @Override
        public Event withArguments(List<Object> args) {
            return new Move(operation, destination, timestamp(), List.copyOf(args));
        }

        @Override
        public String moveDestination() {
            return destination.aeTitle();
        }

        @Override
        public void destination(String host, int port) {
            destination.set(host, port, null);
        }

        @Override
        public void destination(String host, int port, ApplicationEntity requestor) {
            destination.set(host, port, java.util.Objects.requireNonNull(requestor, "requestor"));
        }

        @Override
        public ApplicationEntity requestor() {
            return operation.request().newRequestor();
        }
    }
}
