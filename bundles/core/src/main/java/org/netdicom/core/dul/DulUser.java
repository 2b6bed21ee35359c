package org.netdicom.core.dul;

import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.Pdu;

/**
 * The service user of the Upper Layer (ACSE and DIMSE above it): it receives the indication and
 * confirmation primitives. Every method is called without any Upper Layer lock held, on the thread
 * that caused it (normally the connection's reader thread), so it may call back into the
 * {@link UpperLayer} (for example to accept the association it is being told about).
 */
public interface DulUser {

    /** A-ASSOCIATE indication (acceptor, AE-6): answer with {@code accept} or {@code reject}. */
    default void associateRequested(AAssociateRq request) {
    }

    /** A-ASSOCIATE confirmation, accepted (requestor, AE-3). */
    default void associateAccepted(AAssociateAc accept) {
    }

    /** A-ASSOCIATE confirmation, rejected (requestor, AE-4). */
    default void associateRejected(AAssociateRj reject) {
    }

    /** P-DATA indication (DT-2, AR-6). */
    default void dataReceived(PDataTf data) {
    }

    /** A-RELEASE indication (AR-2, AR-8): answer with {@code releaseResponse}. */
    default void releaseRequested() {
    }

    /** A-RELEASE confirmation (AR-3, AR-10). */
    default void releaseConfirmed() {
    }

    /**
     * A-ABORT or A-P-ABORT indication (AA-3, AA-4, AA-8).
     *
     * @param abort the A-ABORT PDU received or sent, null when the transport closed under us
     */
    default void aborted(AAbort abort, boolean providerInitiated) {
    }

    /** The transport connection is closed; the Upper Layer is in Sta1 and will not call again. */
    default void closed() {
    }

    /** A state machine transition happened (for EVT_FSM_TRANSITION). */
    default void transitioned(DulState from, DulEvent event, DulAction action, DulState to) {
    }

    /**
     * Whether the peer's next bytes are likely microseconds away: it is in the middle of sending a
     * data set (its command came, its last fragment not yet), or of a series of C-STOREs. The reader
     * then spins briefly before a read would block ({@link ReadSpin}). Asked by the reading thread
     * before each read.
     */
    default boolean expectsDataSoon() {
        return false;
    }

    /**
     * The buffer data fragments were lent in by the reader (a plain connection's, see ChannelInput)
     * is about to be overwritten: whoever kept fragments of a P-DATA-TF given to
     * {@link #dataReceived} must write or copy them now. Called by the reading thread.
     */
    default void releaseInPlaceData() {
    }

    /**
     * The reader emptied the socket and may now wait for the peer's next bytes: a moment to write
     * fragments kept in place that would otherwise wait for the buffer's reuse or the data set's
     * end, where they delay the response. Called by the reading thread.
     */
    default void readerWaiting() {
    }

    /** Whether {@link #rawDataReceived}/{@link #rawDataSent} should be called; asked per PDU. */
    default boolean wantsRawData() {
        return false;
    }

    /**
     * Whether the PDUs given to {@link #pduReceived} may be kept after it returns (someone watches
     * them); if not, a P-DATA-TF's body is reused for the next one. Asked per PDU.
     */
    default boolean wantsReceivedPdus() {
        return true;
    }

    /** Whether {@link #pduSent} should also be called for P-DATA-TF PDUs; asked per PDU. */
    default boolean wantsDataPdus() {
        return false;
    }

    /** The raw bytes of a PDU just read, before decoding (EVT_DATA_RECV). */
    default void rawDataReceived(byte[] pdu) {
    }

    /** The raw bytes of a PDU just written (EVT_DATA_SENT). */
    default void rawDataSent(byte[] pdu) {
    }

    /** A PDU was decoded from the transport. */
    default void pduReceived(Pdu pdu) {
    }

    /** A PDU was written to the transport. */
    default void pduSent(Pdu pdu) {
    }
}
