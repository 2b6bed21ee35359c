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

    // ---- DIMSE-N (PS3.7 10). Each request goes on an accepted context of its SOP class where we hold
    // the role that sends it: the SCP for N-EVENT-REPORT, the SCU for the others (PS3.4). Without
    // role selection the requestor is SCU and the acceptor SCP: an acceptor reports events (Storage
    // Commitment results on the association of the N-ACTION), a requestor must propose the SCP role
    // (ApplicationEntity.requestRole) to report them. The Print Management meta SOP classes carry
    // film session, film box, image box and printer: a request of those SOP classes goes on the
    // Basic Grayscale, else the Basic Color Print Management Meta context when its own SOP class
    // was not negotiated; UPS Push requests likewise go on a UPS Pull, Watch or Event context
    // (PS3.4 CC.3.1). Data sets are encoded in the context's transfer syntax; the response's data
    // set (reply, attribute list) is decoded in it. Any status is returned, not thrown.
    // Each throws AssociationException if no suitable context was accepted, the association ended or
    // the response did not arrive within the DIMSE timeout (the association is then aborted).

    /**
     * Sends an N-EVENT-REPORT-RQ: reports event {@code eventTypeId} (PS3.4 defines them per SOP
     * class, e.g. 1 and 2 for Storage Commitment results) about {@code sopInstance}, with
     * {@code eventInformation} (null for none). The response may carry an Event Reply.
     */
    DimseResponse nEventReport(String sopClass, String sopInstance, int eventTypeId, Dataset eventInformation)
            throws IOException;

    /**
     * Sends an N-GET-RQ for the values of {@code attributeTags} ({@code 0xGGGGEEEE}; none: all the
     * SOP class defines) of {@code sopInstance}. The response's data set is the Attribute List.
     */
    DimseResponse nGet(String sopClass, String sopInstance, int... attributeTags) throws IOException;

    /** Sends an N-SET-RQ modifying {@code sopInstance} with {@code modifications} (the Modification List). */
    DimseResponse nSet(String sopClass, String sopInstance, Dataset modifications) throws IOException;

    /**
     * Sends an N-ACTION-RQ: action {@code actionTypeId} (e.g. 1, Request Storage Commitment) on
     * {@code sopInstance} with {@code actionInformation} (null for none). The response may carry an
     * Action Reply.
     */
    DimseResponse nAction(String sopClass, String sopInstance, int actionTypeId, Dataset actionInformation)
            throws IOException;

    /**
     * Sends an N-CREATE-RQ for a new instance of {@code sopClass} with {@code attributes} (null for
     * none). {@code sopInstance} null leaves the UID to the SCP, which returns it as the response's
     * {@link DimseResponse#affectedSopInstanceUid()}.
     */
    DimseResponse nCreate(String sopClass, String sopInstance, Dataset attributes) throws IOException;

    /** Sends an N-DELETE-RQ for {@code sopInstance}. */
    DimseResponse nDelete(String sopClass, String sopInstance) throws IOException;

    /** Releases the association (A-RELEASE) and waits for the acceptor's answer, at most the ACSE timeout. */
    void release() throws IOException;

    /** Aborts the association (A-ABORT) without waiting. */
    void abort();

    /** Releases the association if it is established; aborts it if the release fails. */
    @Override
    void close();
}
