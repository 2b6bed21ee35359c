package org.netdicom.core.association;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DimseMessage;
import org.netdicom.core.dimse.OutgoingDataSet;

/**
 * Our requests on one association, matched to their responses by Message ID: {@link #exchange}
 * sends a request and waits for its one response, {@link #exchangeMany} returns the responses
 * (C-FIND, C-GET, C-MOVE) as they arrive. The thread reading the association hands each response
 * to {@link #deliver}; when the association ends, {@link #failAll} fails whatever still waits.
 */
final class OutgoingRequests {

    /** What the requests need of their association. */
    interface Link {
        void requireEstablished() throws AssociationException;

        /** Sends a request; one that fails half-way has aborted the association. */
        void sendRequest(int contextId, CommandSet command, OutgoingDataSet dataSet) throws IOException;

        /** Sends a C-CANCEL-RQ for our request {@code messageId}. */
        void sendCancel(int contextId, int messageId) throws IOException;

        /** Waits for a response the reading thread completes; aborts the association on timeout. */
        <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException;

        /** A response as the public API shows it; the message is discarded. */
        DimseResponse decode(DimseMessage message) throws IOException;
    }

    private final Link link;
    /** Held while a request is sent (and, for one response, answered): one operation at a time. */
    private final ReentrantLock operations;
    private final Duration dimseTimeout;
    private final Map<Integer, Outstanding> pending = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger();

    OutgoingRequests(Link link, ReentrantLock operations, Duration dimseTimeout) {
        this.link = link;
        this.operations = operations;
        this.dimseTimeout = dimseTimeout;
    }

    /** Sends {@code request} and waits for its response, at most the DIMSE timeout. */
    DimseMessage exchange(PresentationContext context, CommandSet request, OutgoingDataSet dataSet)
            throws IOException {
        operations.lock();
        try {
            int messageId = numbered(request);
            CompletableFuture<DimseMessage> response = new CompletableFuture<>();
            pending.put(messageId, new Outstanding() {
                @Override
                public void deliver(DimseMessage message) {
                    if (!response.complete(message)) {
                        message.discard();
                    }
                }

                @Override
                public void fail(AssociationException reason) {
                    response.completeExceptionally(reason);
                }
            });
            try {
                link.sendRequest(context.id(), request, dataSet);
                return link.await(response, dimseTimeout, responseName(request));
            } finally {
                pending.remove(messageId);
            }
        } finally {
            operations.unlock();
        }
    }

    /**
     * Sends {@code request} (C-FIND, C-GET, C-MOVE) and returns its responses as they will arrive.
     * The operations lock is held only while sending: the responses are read as the caller iterates.
     */
    ResponseIterator exchangeMany(PresentationContext context, CommandSet request, OutgoingDataSet dataSet)
            throws IOException {
        operations.lock();
        try {
            int messageId = numbered(request);
            OutstandingResponses responses = new OutstandingResponses(new OutstandingResponses.Operations() {
                @Override
                public DimseMessage await(CompletableFuture<DimseMessage> response, String what) throws IOException {
                    return link.await(response, dimseTimeout, what);
                }

                @Override
                public DimseResponse decode(DimseMessage message) throws IOException {
                    return link.decode(message);
                }

                @Override
                public void sendCancel(int contextId, int id) throws IOException {
                    link.sendCancel(contextId, id);
                }

                @Override
                public void done(int id) {
                    pending.remove(id);
                }
            }, context.id(), messageId, responseName(request));
            pending.put(messageId, responses);
            try {
                link.sendRequest(context.id(), request, dataSet);
            } catch (IOException | RuntimeException e) {
                pending.remove(messageId);
                throw e;
            }
            return responses;
        } finally {
            operations.unlock();
        }
    }

    /**
     * Hands a response to the request it answers (its data set goes with it); false, and nothing
     * taken, when no request of ours waits for {@code respondedTo}.
     */
    boolean deliver(int respondedTo, DimseMessage response) {
        Outstanding waiting = pending.get(respondedTo);
        if (waiting == null) {
            return false;
        }
        waiting.deliver(response);
        return true;
    }

    /** The association ended: every request still waiting fails with {@code reason}. */
    void failAll(AssociationException reason) {
        pending.values().forEach(waiting -> waiting.fail(reason));
    }

    /** Gives {@code request} the next Message ID, once the association is known to be up. */
    private int numbered(CommandSet request) throws AssociationException {
        link.requireEstablished();
        int messageId = nextMessageId();
        request.put(CommandTag.MESSAGE_ID, messageId);
        return messageId;
    }

    /** Message IDs of our requests: 1 to 65535, then round again (PS3.7 9.1.1.1.2 asks only for uniqueness among outstanding ones). */
    private int nextMessageId() {
        int id;
        do {
            id = messageIds.incrementAndGet() & 0xFFFF;
        } while (id == 0 || pending.containsKey(id));
        return id;
    }

    private static String responseName(CommandSet request) {
        return CommandField.name(request.commandField() | CommandField.RESPONSE_BIT);
    }
}
