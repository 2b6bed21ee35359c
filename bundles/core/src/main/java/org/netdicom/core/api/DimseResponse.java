package org.netdicom.core.api;

import java.util.Objects;

import org.netdicom.data.Dataset;

/**
 * A DIMSE response as received: its command set (group 0000, PS3.7 Annex E) and its data set, if
 * it had one (a C-FIND identifier, an N-GET attribute list, an N-ACTION reply...). The accessors
 * read the command elements every response may carry.
 *
 * @param command the command set
 * @param dataSet the data set, or null when the response had none
 */
public record DimseResponse(Dataset command, Dataset dataSet) {

    private static final int STATUS = 0x00000900;
    private static final int OFFENDING_ELEMENT = 0x00000901;
    private static final int ERROR_COMMENT = 0x00000902;
    private static final int ERROR_ID = 0x00000903;
    private static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    private static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    private static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    private static final int REMAINING = 0x00001020;
    private static final int COMPLETED = 0x00001021;
    private static final int FAILED = 0x00001022;
    private static final int WARNING = 0x00001023;

    public DimseResponse {
        Objects.requireNonNull(command, "command");
    }

    /** Status (0000,0900); 0xFFFF if the response lacks one. */
    public Status status() {
        return Status.of(command.getInt(STATUS, 0xFFFF));
    }

    public int messageIdBeingRespondedTo() {
        return command.getInt(MESSAGE_ID_BEING_RESPONDED_TO, -1);
    }

    /** Affected SOP Class UID (0000,0002), or null. */
    public String affectedSopClassUid() {
        return command.getString(AFFECTED_SOP_CLASS_UID);
    }

    /** Affected SOP Instance UID (0000,1000), or null (an N-CREATE response names the created instance here). */
    public String affectedSopInstanceUid() {
        return command.getString(AFFECTED_SOP_INSTANCE_UID);
    }

    /** Error Comment (0000,0902), or null. */
    public String errorComment() {
        return command.getString(ERROR_COMMENT);
    }

    /** Error ID (0000,0903), or -1. */
    public int errorId() {
        return command.getInt(ERROR_ID, -1);
    }

    /** Offending Element (0000,0901) tags; empty if none. */
    public int[] offendingElements() {
        int[] tags = command.getInts(OFFENDING_ELEMENT);
        return tags == null ? new int[0] : tags;
    }

    /** The sub-operation counts of a C-GET or C-MOVE response, or null if it carries none. */
    public SubOperations subOperations() {
        if (!command.contains(REMAINING) && !command.contains(COMPLETED) && !command.contains(FAILED)
                && !command.contains(WARNING)) {
            return null;
        }
        return new SubOperations(command.getInt(REMAINING, -1), command.getInt(COMPLETED, 0),
                command.getInt(FAILED, 0), command.getInt(WARNING, 0));
    }

    @Override
    public String toString() {
        String comment = errorComment();
        return "response " + status() + (comment == null ? "" : " \"" + comment + "\"")
                + (dataSet == null ? "" : " with data set");
    }
}
