package org.netdicom.core.association;

import java.util.Objects;

import org.netdicom.core.api.AeTitle;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.dimse.OutgoingDataSet;
import org.netdicom.data.Dataset;

/**
 * A C-FIND, C-GET or C-MOVE request of ours (PS3.7 9.1.2.1, 9.1.3.1, 9.1.4.1): its command set
 * and its identifier, encoded in the transfer syntax of the context it goes on.
 */
final class QueryRetrieveRequest {

    private final int commandField;
    private final String informationModel;
    private final int priority;
    private final String moveDestination;
    private final Dataset identifier;

    private QueryRetrieveRequest(int commandField, String informationModel, int priority, String moveDestination,
            Dataset identifier) {
        if (priority < 0 || priority > 2) {
            throw new IllegalArgumentException("priority " + priority + " is not 0 (medium), 1 (high) or 2 (low)");
        }
        this.commandField = commandField;
        this.informationModel = Objects.requireNonNull(informationModel, "informationModel");
        this.priority = priority;
        this.moveDestination = moveDestination;
        this.identifier = Objects.requireNonNull(identifier, "identifier");
    }

    static QueryRetrieveRequest find(Dataset identifier, String informationModel, int priority) {
        return new QueryRetrieveRequest(CommandField.C_FIND_RQ, informationModel, priority, null, identifier);
    }

    static QueryRetrieveRequest get(Dataset identifier, String informationModel, int priority) {
        return new QueryRetrieveRequest(CommandField.C_GET_RQ, informationModel, priority, null, identifier);
    }

    static QueryRetrieveRequest move(String destination, Dataset identifier, String informationModel, int priority) {
        return new QueryRetrieveRequest(CommandField.C_MOVE_RQ, informationModel, priority,
                AeTitle.requireValid(destination), identifier);
    }

    String informationModel() {
        return informationModel;
    }

    CommandSet command() {
        CommandSet command = new CommandSet()
                .put(CommandTag.AFFECTED_SOP_CLASS_UID, informationModel)
                .put(CommandTag.COMMAND_FIELD, commandField)
                .put(CommandTag.PRIORITY, priority)
                .put(CommandTag.COMMAND_DATA_SET_TYPE, 0x0000);
        if (moveDestination != null) {
            command.put(CommandTag.MOVE_DESTINATION, moveDestination);
        }
        return command;
    }

    OutgoingDataSet identifier(PresentationContext context) {
        return DataSetCodec.encode(identifier, context.transferSyntax());
    }
}
