package org.netdicom.core.api.handler;

import java.util.Objects;

import org.netdicom.core.api.Status;
import org.netdicom.data.Dataset;

/**
 * What a DIMSE-N handler answers: the status of the response (PS3.7 Annex C, PS3.4 for the SOP
 * class), the data set it carries (N-GET and N-SET Attribute List, N-ACTION Action Reply, N-CREATE
 * Attribute List, N-EVENT-REPORT Event Reply), and the optional status elements of the response
 * command. Build one with {@link #of}/{@link #success} and the {@code with...} methods; it is
 * immutable.
 * <p>
 * The data set is sent only with a Success or Warning status (PS3.7 10.1: the reply parameters
 * are for successful operations); with a Failure it is dropped. An N-DELETE response never
 * carries one. Pending and Cancel are not statuses of the DIMSE-N services: a result with either
 * is invalid and answered as a failing handler (0x0110).
 *
 * @param status                 the response status; required
 * @param dataSet                the reply data set, or null for none
 * @param affectedSopInstanceUid N-CREATE only: the UID of the instance the SCP created, sent as
 *                               Affected SOP Instance UID (0000,1000); null to use the request's
 *                               or, failing that, SOP Instance UID (0008,0018) of {@code dataSet}
 * @param afterResponse          run on the association's thread once the response has been sent
 *                               (see {@link #thenRun}); null for nothing
 * @param errorComment           Error Comment (0000,0902), at most 64 characters; null for none
 * @param errorId                Error ID (0000,0903); -1 for none
 * @param offendingElements      Offending Element (0000,0901) tags, e.g. with 0x0105, 0x0106,
 *                               0x0120, 0x0121; empty for none
 * @param attributeIdentifiers   Attribute Identifier List (0000,1005) of the response: the tags
 *                               an 0x0107 "attribute list error" warning is about; empty for none
 */
public record NResult(Status status, Dataset dataSet, String affectedSopInstanceUid, FollowUp afterResponse,
        String errorComment, int errorId, int[] offendingElements, int[] attributeIdentifiers) {

    /** Work to do once the response is on its way, such as sending an N-EVENT-REPORT. */
    @FunctionalInterface
    public interface FollowUp {
        void run() throws Exception;
    }

    public NResult {
        Objects.requireNonNull(status, "status");
        offendingElements = offendingElements == null ? new int[0] : offendingElements.clone();
        attributeIdentifiers = attributeIdentifiers == null ? new int[0] : attributeIdentifiers.clone();
    }

    /** A response with {@code status} and no data set. */
    public static NResult of(Status status) {
        return of(status, null);
    }

    /** A response with {@code status} and {@code dataSet} (sent only if the status is Success or Warning). */
    public static NResult of(Status status, Dataset dataSet) {
        return new NResult(status, dataSet, null, null, null, -1, null, null);
    }

    /** Success without data set. */
    public static NResult success() {
        return of(Status.SUCCESS, null);
    }

    /** Success with {@code dataSet}. */
    public static NResult success(Dataset dataSet) {
        return of(Status.SUCCESS, dataSet);
    }

    /** N-CREATE: the UID of the created instance, required when the request left it to the SCP. */
    public NResult withAffectedSopInstanceUid(String uid) {
        return new NResult(status, dataSet, uid, afterResponse, errorComment, errorId, offendingElements,
                attributeIdentifiers);
    }

    public NResult withErrorComment(String comment) {
        return new NResult(status, dataSet, affectedSopInstanceUid, afterResponse, comment, errorId,
                offendingElements, attributeIdentifiers);
    }

    public NResult withErrorId(int id) {
        return new NResult(status, dataSet, affectedSopInstanceUid, afterResponse, errorComment, id,
                offendingElements, attributeIdentifiers);
    }

    public NResult withOffendingElements(int... tags) {
        return new NResult(status, dataSet, affectedSopInstanceUid, afterResponse, errorComment, errorId, tags,
                attributeIdentifiers);
    }

    public NResult withAttributeIdentifiers(int... tags) {
        return new NResult(status, dataSet, affectedSopInstanceUid, afterResponse, errorComment, errorId,
                offendingElements, tags);
    }

    /**
     * Runs {@code followUp} on the association's thread right after the response was sent: the
     * place to send the N-EVENT-REPORT that a Storage Commitment SCP owes for this N-ACTION on the
     * same association (PS3.4 J.3.3), in order after the N-ACTION-RSP. Operations it starts read
     * their responses there. An exception it throws is logged; the association goes on.
     */
    public NResult thenRun(FollowUp followUp) {
        return new NResult(status, dataSet, affectedSopInstanceUid, followUp, errorComment, errorId,
                offendingElements, attributeIdentifiers);
    }

    @Override
    public int[] offendingElements() {
        return offendingElements.clone();
    }

    @Override
    public int[] attributeIdentifiers() {
        return attributeIdentifiers.clone();
    }
}
