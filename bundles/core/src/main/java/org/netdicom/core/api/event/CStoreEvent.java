package org.netdicom.core.api.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * EVT_C_STORE: a C-STORE-RQ and its data set arrived (on a Storage SCP, or on an SCU during its
 * C-GET, whose sub-operations are C-STOREs to it). The data set was received before the handler is
 * called, in a spool file that is already the instance's Part 10 file (see
 * {@code ApplicationEntity.spoolDirectory} and {@code spoolStoreDataSets}), or in memory; it is
 * never decoded unless asked for. Everything here
 * is valid only while the handler runs: the spool file is deleted afterwards unless
 * {@link #storePart10} moved it.
 */
@ProviderType
public interface CStoreEvent extends Event {

    PresentationContext context();

    int messageId();

    /** Priority (0000,0700): 0 medium, 1 high, 2 low (PS3.7 9.3.1.1). */
    int priority();

    /** Affected SOP Class UID (0000,0002). */
    String sopClassUid();

    /** Affected SOP Instance UID (0000,1000). */
    String sopInstanceUid();

    /** Move Originator Application Entity Title (0000,1030) of a C-MOVE sub-operation, or null. */
    String moveOriginatorAeTitle();

    /** Move Originator Message ID (0000,1031), or -1. */
    int moveOriginatorMessageId();

    /** The transfer syntax the data set is encoded in: the context's. */
    default String transferSyntaxUid() {
        return context().transferSyntax();
    }

    /** Number of encoded bytes of the data set. */
    long encodedLength();

    /**
     * The data set, decoded on the first call. Values of 64 KiB and more (pixel data) of a spooled
     * data set (every C-STORE data set by default: {@code ApplicationEntity.spoolStoreDataSets}) are
     * left in the spool file as {@code BulkData} and readable while the handler runs: a handler
     * that keeps the data set for later must read those values before it returns, or store the
     * instance ({@link #storePart10}) and read it from there.
     *
     * @throws IOException if the data set cannot be decoded (the handler should answer 0xC000-range
     *                     "cannot understand", e.g. {@code new Status(0xC000)})
     */
    Dataset dataset() throws IOException;

    /**
     * File Meta Information for a Part 10 file of this instance (PS3.10 7.1): SOP class and
     * instance from the request, the context's transfer syntax, netdicom's implementation UID, and
     * the AE titles of the peer that sent it (Source and Sending, (0002,0016) and (0002,0017)) and
     * ours (Receiving, (0002,0018)). The files {@link #storePart10} and {@link #writePart10} make
     * begin with it. A copy: changing it changes nothing else.
     */
    Dataset fileMeta();

    /** The data set's bytes exactly as received. */
    InputStream encodedDataSet() throws IOException;

    /** Writes the instance as a Part 10 file (preamble, meta, data set as received) to {@code out}. */
    void writePart10(OutputStream out) throws IOException;

    /**
     * Stores the instance as a Part 10 file at {@code target} durably: the bytes are forced to disk
     * and the file appears at {@code target} by an atomic rename, complete or not at all. A spooled
     * data set in the same file system is moved, not copied. An existing file at {@code target}
     * is replaced. Answer Success only after this returned.
     *
     * @return {@code target}
     */
    Path storePart10(Path target) throws IOException;

    /**
     * Sets the Error Comment (0000,0902) of the response: sent when the handler answers other than
     * Success (PS3.7 9.1.1.1.9: it describes a failure or warning), cut to the 64 characters of
     * its VR (LO). Null clears it.
     */
    void errorComment(String comment);

    /**
     * Runs {@code task} on the association's thread right after the response to this C-STORE has
     * been sent (or has failed to be sent), before the association reads its next message: for
     * work the status need not wait for, such as indexing a file that is already stored durably.
     * The peer hears nothing of what the task does, so it must not be work whose failure the
     * status should report. Tasks run in the order given; one that throws is logged and the
     * others still run. Called outside a handler's call (when the event is not the engine's, or
     * the response is gone), the task runs at once.
     */
    void afterResponse(Runnable task);
}
