package org.netdicom.core.association;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.Status;
import org.netdicom.core.dimse.DimseMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responses of a C-FIND, C-GET or C-MOVE we requested: the reading thread delivers them, the
 * caller takes them in order. Pending responses (0xFF00, 0xFF01) are followed by more; any other
 * status is the final one (PS3.7 9.1.2.1.6, 9.1.3.1.6, 9.1.4.1.6).
 */
final class OutstandingResponses implements Outstanding, ResponseIterator {

    private static final Logger LOG = LoggerFactory.getLogger(OutstandingResponses.class);

    /** What the association offers the iterator: waiting (with the DIMSE timeout), decoding, cancelling. */
    interface Operations {
        DimseMessage await(CompletableFuture<DimseMessage> response, String what) throws IOException;

        DimseResponse decode(DimseMessage message) throws IOException;

        void sendCancel(int contextId, int messageId) throws IOException;

        void done(int messageId);
    }

    private final Operations operations;
    private final int contextId;
    private final int messageId;
    private final String responseName;
    private final Queue<DimseMessage> arrived = new ArrayDeque<>();
    private CompletableFuture<DimseMessage> waiting;
    private DimseResponse lookahead;
    private boolean done;
    private boolean cancelled;

    OutstandingResponses(Operations operations, int contextId, int messageId, String responseName) {
        this.operations = operations;
        this.contextId = contextId;
        this.messageId = messageId;
        this.responseName = responseName;
    }

    @Override
    public synchronized void deliver(DimseMessage response) {
        if (waiting != null && !waiting.isDone()) {
            waiting.complete(response);
        } else {
            arrived.add(response);
        }
    }

    @Override
    public synchronized void fail(org.netdicom.core.api.AssociationException reason) {
        if (waiting == null || waiting.isDone()) {
            waiting = new CompletableFuture<>();
        }
        waiting.completeExceptionally(reason);
    }

    @Override
    public int messageId() {
        return messageId;
    }

    @Override
    public boolean isDone() {
        return done && lookahead == null;
    }

    @Override
    public boolean hasNext() {
        if (lookahead != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            lookahead = take();
        } catch (IOException e) {
            done = true;
            operations.done(messageId);
            throw new UncheckedIOException(e.getMessage(), e);
        }
        Status.Category category = lookahead.status().category();
        if (category != Status.Category.PENDING) {
            done = true;
            operations.done(messageId);
        }
        return true;
    }

    @Override
    public DimseResponse next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the final response was already returned");
        }
        DimseResponse next = lookahead;
        lookahead = null;
        return next;
    }

    private DimseResponse take() throws IOException {
        DimseMessage message;
        CompletableFuture<DimseMessage> future;
        synchronized (this) {
            message = arrived.poll();
            if (message == null) {
                if (waiting == null || (waiting.isDone() && !waiting.isCompletedExceptionally())) {
                    waiting = new CompletableFuture<>();
                }
                future = waiting;
            } else {
                future = null;
            }
        }
        if (future != null) {
            message = operations.await(future, responseName);
            synchronized (this) {
                waiting = null;
            }
        }
        return operations.decode(message);
    }

    @Override
    public void cancel() throws IOException {
        if (cancelled || done) {
            return;
        }
        cancelled = true;
        operations.sendCancel(contextId, messageId);
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        try {
            cancel();
            while (hasNext()) {
                next();
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("closing the responses of message {}: {}", messageId, e.getMessage());
        }
    }
}
