package org.netdicom.core.service;

import java.io.IOException;

import java.util.function.Supplier;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DimseMessage;
import org.netdicom.core.dimse.OutgoingDataSet;
import org.netdicom.core.event.EventDispatcher;

/**
 * A DIMSE request being served: the message, its context and association, the handlers to ask,
 * the way to answer (once, or many times for C-FIND, C-GET and C-MOVE), and whether the peer
 * cancelled it (C-CANCEL-RQ, PS3.7 9.3.2.3, arrives on the reading thread while a worker serves).
 */
public final class IncomingRequest {

    /** Sends a response on the association. */
    @FunctionalInterface
    public interface Responder {
        void send(int contextId, CommandSet response, OutgoingDataSet dataSet) throws IOException;
    }

    private final DimseMessage message;
    private final PresentationContext context;
    private final Association association;
    private final EventDispatcher events;
    private final Responder responder;
    private final Supplier<ApplicationEntity> requestor;
    private volatile boolean cancelled;

    public IncomingRequest(DimseMessage message, PresentationContext context, Association association,
            EventDispatcher events, Responder responder) {
        this(message, context, association, events, responder, () -> new ApplicationEntity(association.calledAeTitle()));
    }

    /**
     * @param requestor makes the entity that opens the associations of C-MOVE sub-operations: our AE
     *                  title and settings, no presentation contexts yet
     */
    public IncomingRequest(DimseMessage message, PresentationContext context, Association association,
            EventDispatcher events, Responder responder, Supplier<ApplicationEntity> requestor) {
        this.requestor = requestor;
        this.message = message;
        this.context = context;
        this.association = association;
        this.events = events;
        this.responder = responder;
    }

    public DimseMessage message() {
        return message;
    }

    public CommandSet command() {
        return message.command();
    }

    public int messageId() {
        return message.command().getInt(CommandTag.MESSAGE_ID, -1);
    }

    public PresentationContext context() {
        return context;
    }

    public Association association() {
        return association;
    }

    public EventDispatcher events() {
        return events;
    }

    /** A new entity with our AE title and settings, without contexts: for C-MOVE sub-associations. */
    public ApplicationEntity newRequestor() {
        return requestor.get();
    }

    /** Called on the reading thread when a C-CANCEL-RQ names this request. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Sends a response on this request's context. */
    public void respond(CommandSet response, OutgoingDataSet dataSet) throws IOException {
        responder.send(context.id(), response, dataSet);
    }
}
