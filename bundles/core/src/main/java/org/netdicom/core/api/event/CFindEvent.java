package org.netdicom.core.api.event;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * EVT_C_FIND: a C-FIND-RQ arrived on a context of a query information model (Query/Retrieve,
 * Modality Worklist, Unified Procedure Step, Relevant Patient Information, Substance
 * Administration, Hanging Protocol, Color Palette, Implant Template, Defined Procedure Protocol,
 * Protocol Approval, Inventory, Repository Query). The handler sends each match with
 * {@link #pending} as soon as it has it, then returns the final status (see
 * {@link org.netdicom.core.api.handler.CFindHandler}). The handler runs on a worker thread, so a
 * C-CANCEL-RQ from the peer is seen while it runs ({@link #isCancelled()}).
 */
@ProviderType
public interface CFindEvent extends Event {

    PresentationContext context();

    int messageId();

    /** Priority (0000,0700): 0 medium, 1 high, 2 low (PS3.7 9.1.2.1.3). */
    int priority();

    /** The information model: the Affected SOP Class UID (0000,0002), e.g. Study Root FIND. */
    String sopClassUid();

    /** The request's identifier (the query keys), decoded before the handler is called. */
    Dataset identifier();

    /**
     * True once the peer cancelled the request (C-CANCEL-RQ) or the association ended. The handler
     * should then stop looking for matches and return.
     */
    boolean isCancelled();

    /**
     * Sends one match at once, in a Pending (0xFF00) response, encoded in the context's transfer
     * syntax. Matches are not collected: each goes on the wire before this returns.
     *
     * @return true if the match was sent; false if it was not because the request was cancelled,
     *         the association ended, or (Relevant Patient Information Query, PS3.4 Q) a match was
     *         already sent: the handler should stop
     * @throws IllegalArgumentException if the match cannot be encoded; the request is then answered
     *                                  with 0xC312 whatever the handler returns
     */
    boolean pending(Dataset match);

    /**
     * As {@link #pending(Dataset)}; with {@code optionalKeysNotSupported} the response status is
     * 0xFF01 (matches are continuing, one or more optional keys were not supported, PS3.4 C.4.1.1.4).
     */
    boolean pending(Dataset match, boolean optionalKeysNotSupported);
}
