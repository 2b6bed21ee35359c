package org.netdicom.core.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An association, requested with {@link ApplicationEntity#associate} or accepted by an
 * {@link AssociationServer} (handlers receive it with each event). Operations block until their
 * response arrives or the DIMSE timeout passes (then the association is aborted). Safe to use from
 * several threads: one operation at a time goes on the wire.
 */
@ProviderType
public interface Association extends EventBinder, AutoCloseable {

    /** True on the acceptor's side (a server's association), false for one we requested. */
    boolean isAcceptor();

    String callingAeTitle();

    String calledAeTitle();

    InetSocketAddress remoteAddress();

    /** The presentation contexts the acceptor accepted. */
    List<PresentationContext> acceptedContexts();

    /** The acceptor's maximum PDU length, 0 = unlimited. */
    int peerMaxPduLength();

    /** True until the association is released or aborted. */
    boolean isEstablished();

    /**
     * Sends a C-ECHO-RQ on an accepted Verification context and returns the status of the response.
     *
     * @throws AssociationException if no Verification context was accepted, the association ended or
     *                              the response did not arrive within the DIMSE timeout
     */
    Status echo() throws IOException;

    /**
     * Sends a C-STORE-RQ with {@code dataset} (which names its SOP Class and Instance UIDs) on an
     * accepted context of its SOP class, encoded in that context's transfer syntax, and returns the
     * response. The data set must not hold encapsulated (compressed) pixel data: see
     * {@link #store(Dataset, String)}.
     *
     * @throws AssociationException if no suitable context was accepted, the association ended or
     *                              the response did not arrive within the DIMSE timeout
     */
    DimseResponse store(Dataset dataset) throws IOException;

    /**
     * As {@link #store(Dataset)} for a data set whose pixel data are encoded for
     * {@code transferSyntaxUid} (e.g. JPEG fragments): a context with exactly that transfer syntax is
     * used; an uncompressed one is also converted to any other uncompressed one. Null: as
     * {@link #store(Dataset)}.
     */
    DimseResponse store(Dataset dataset, String transferSyntaxUid) throws IOException;

    /**
     * Sends the Part 10 file {@code part10File} in a C-STORE-RQ. When a context with the file's
     * transfer syntax was accepted the data set is streamed from the file as it is (any size, no
     * parsing); otherwise it is converted to an accepted uncompressed transfer syntax.
     */
    DimseResponse store(Path part10File) throws IOException;

    /**
     * As {@link #store(Dataset, String)}, as a sub-operation of a C-MOVE: the request carries Move
     * Originator Application Entity Title (0000,1030) and Move Originator Message ID (0000,1031)
     * (PS3.7 9.1.1.1), the calling AE title and Message ID of the C-MOVE-RQ.
     */
    DimseResponse store(Dataset dataset, String transferSyntaxUid, String moveOriginatorAeTitle,
            int moveOriginatorMessageId) throws IOException;

    /** As {@link #store(Path)}, as a sub-operation of a C-MOVE (see {@link #store(Dataset, String, String, int)}). */
    DimseResponse store(Path part10File, String moveOriginatorAeTitle, int moveOriginatorMessageId)
            throws IOException;

    /** Priority (0000,0700) of a request: medium, the default (PS3.7 9.1.1.1). */
    int PRIORITY_MEDIUM = 0;
    int PRIORITY_HIGH = 1;
    int PRIORITY_LOW = 2;

    /**
     * Sends a C-FIND-RQ with {@code identifier} (the query keys, encoded in the context's transfer
     * syntax) on an accepted context of {@code informationModelSopClassUid} (Study Root FIND,
     * Modality Worklist FIND...) and returns the responses as they arrive: a Pending one (0xFF00,
     * 0xFF01) per match, its {@link DimseResponse#dataSet()} the match, then the final one.
     *
     * @throws AssociationException if no context of the information model was accepted or the
     *                              association ended
     */
    ResponseIterator find(Dataset identifier, String informationModelSopClassUid) throws IOException;

    /** As {@link #find(Dataset, String)} with a priority ({@link #PRIORITY_MEDIUM}, high, low). */
    ResponseIterator find(Dataset identifier, String informationModelSopClassUid, int priority) throws IOException;

    /**
     * Sends a C-GET-RQ and returns its responses as they arrive: Pending ones with the
     * {@linkplain DimseResponse#subOperations() sub-operation counts}, then the final one (with the
     * Failed SOP Instance UID List (0008,0058) in its data set when some failed). The instances
     * arrive meanwhile as C-STORE requests on this association and go to its EVT_C_STORE handler,
     * which runs on the thread that reads the responses: this requestor must have proposed the SCP
     * role for their SOP classes ({@link ApplicationEntity#requestRole}).
     */
    ResponseIterator get(Dataset identifier, String informationModelSopClassUid) throws IOException;

    /** As {@link #get(Dataset, String)} with a priority. */
    ResponseIterator get(Dataset identifier, String informationModelSopClassUid, int priority) throws IOException;

    /**
     * Sends a C-MOVE-RQ asking the peer to send the matching instances to the AE
     * {@code moveDestinationAeTitle} (which the peer must know), and returns the responses as they
     * arrive, as for {@link #get(Dataset, String)}.
     */
    ResponseIterator move(String moveDestinationAeTitle, Dataset identifier, String informationModelSopClassUid)
            throws IOException;

    /** As {@link #move(String, Dataset, String)} with a priority. */
    ResponseIterator move(String moveDestinationAeTitle, Dataset identifier, String informationModelSopClassUid,
            int priority) throws IOException;

    /** Releases the association (A-RELEASE) and waits for the acceptor's answer, at most the ACSE timeout. */
    void release() throws IOException;

    /** Aborts the association (A-ABORT) without waiting. */
    void abort();

    /** Releases the association if it is established; aborts it if the release fails. */
    @Override
    void close();
}
