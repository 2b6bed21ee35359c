package org.netdicom.core.api.event;

import java.io.IOException;
import java.nio.file.Path;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.SubOperations;
import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What EVT_C_GET and EVT_C_MOVE share: a retrieve request whose matching instances the handler
 * sends, one C-STORE sub-operation per {@code store} call. netdicom counts the sub-operations,
 * keeps the Failed SOP Instance UID List (0008,0058) and sends a Pending response with the counts
 * after each sub-operation (PS3.4 C.4.2.2, C.4.3.2). The handler runs on a worker thread, so a
 * C-CANCEL-RQ is seen while it runs ({@link #isCancelled()}).
 * <p>
 * Order of calls: {@link #subOperations(int)} once, then at most that many {@code store} calls
 * (for C-MOVE, {@link CMoveEvent#destination} comes first of all).
 */
@ProviderType
public interface RetrieveEvent extends Event {

    PresentationContext context();

    int messageId();

    /** Priority (0000,0700): 0 medium, 1 high, 2 low. */
    int priority();

    /** The information model: the Affected SOP Class UID (0000,0002), e.g. Study Root GET. */
    String sopClassUid();

    /** The request's identifier (the keys of what to retrieve), decoded before the handler is called. */
    Dataset identifier();

    /** True once the peer cancelled the request (C-CANCEL-RQ) or the association ended. */
    boolean isCancelled();

    /**
     * Announces how many sub-operations (instances) follow. Must be called once, before the first
     * {@code store}. Zero is allowed: the handler then returns Success with nothing sent.
     *
     * @throws IllegalArgumentException if {@code count} is negative or above 65535 (the counts are
     *                                  US, PS3.7 E.1); the request is then answered 0xC416 (C-GET)
     *                                  or 0xC516 (C-MOVE) whatever the handler returns
     * @throws IllegalStateException    if called twice
     */
    void subOperations(int count);

    /**
     * Performs one C-STORE sub-operation with {@code instance} (which names its SOP Class and
     * Instance UIDs), in an uncompressed transfer syntax the receiver accepted, then sends a
     * Pending response with the counts (unless it was the last announced sub-operation).
     *
     * @return the status of the sub-operation: the receiver's C-STORE-RSP status; 0x0122 (SOP class
     *         not supported) when no accepted context can carry the instance; 0x0110 (processing
     *         failure) when it could not be sent (the association ended, the data set does not
     *         encode); Cancel (0xFE00) without sending when the request was cancelled. A failure
     *         or warning status is counted as such and a failed instance is listed.
     * @throws IllegalStateException if {@link #subOperations(int)} was not called or all announced
     *                               sub-operations were performed
     */
    Status store(Dataset instance);

    /** As {@link #store(Dataset)} for a data set whose pixel data are encoded in {@code transferSyntaxUid}. */
    Status store(Dataset instance, String transferSyntaxUid);

    /**
     * As {@link #store(Dataset)} for a Part 10 file, streamed from disk when the receiver accepted
     * its transfer syntax.
     *
     * @throws IOException if the file cannot be read (the sub-operation counts as failed)
     */
    Status store(Path part10File) throws IOException;

    /**
     * As {@link #store(Path)}, for an instance whose SOP Instance UID the caller knows (from its
     * index): if the file cannot be read, {@code sopInstanceUid} goes into the Failed SOP Instance
     * UID List (0008,0058), which {@link #store(Path)} can then fill with nothing, and a Pending
     * response with the counts follows, as after {@link #failed}.
     *
     * @throws IOException if the file cannot be read (the sub-operation counts as failed)
     */
    Status store(Path part10File, String sopInstanceUid) throws IOException;

    /**
     * Counts one announced sub-operation as failed without sending anything, for an instance that
     * cannot be sent (its file is missing or unreadable): {@code sopInstanceUid} goes into the
     * Failed SOP Instance UID List (0008,0058) and a Pending response with the counts follows, as
     * after a {@code store}.
     *
     * @return 0x0110 (processing failure), the status counted; Cancel (0xFE00) without counting
     *         when the request was cancelled
     * @throws IllegalStateException as {@code store}
     */
    Status failed(String sopInstanceUid);

    /** The counts so far: remaining (of those announced), completed, failed, warning. */
    SubOperations counts();
}
