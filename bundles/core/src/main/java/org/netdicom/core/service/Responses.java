package org.netdicom.core.service;

import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;

/** Builds response command sets that echo what PS3.7 requires from their request. */
final class Responses {

    private Responses() {
    }

    /** A response without data set to {@code request} with {@code status}. */
    static CommandSet to(CommandSet request, int status) {
        CommandSet response = new CommandSet();
        String sopClass = request.getString(CommandTag.AFFECTED_SOP_CLASS_UID);
        if (sopClass == null) {
            sopClass = request.getString(CommandTag.REQUESTED_SOP_CLASS_UID);
        }
        if (sopClass != null) {
            response.put(CommandTag.AFFECTED_SOP_CLASS_UID, sopClass);
        }
        response.put(CommandTag.COMMAND_FIELD, request.commandField() | CommandField.RESPONSE_BIT);
        response.put(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, request.getInt(CommandTag.MESSAGE_ID, 0));
        response.put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET);
        response.put(CommandTag.STATUS, status);
        String instance = request.getString(CommandTag.AFFECTED_SOP_INSTANCE_UID);
        if (instance == null) {
            instance = request.getString(CommandTag.REQUESTED_SOP_INSTANCE_UID);
        }
        if (instance != null) {
            response.put(CommandTag.AFFECTED_SOP_INSTANCE_UID, instance);
        }
        return response;
    }
}
