package org.netdicom.core.service;

import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;

/**
 * The command set of a DIMSE-N response (PS3.7 10.3, Tables 10.3-2 to 10.3-12): the fields every
 * response echoes from its request, the status, and the status elements PS3.7 Annex C lists for
 * it. Fields are added in any order; the command set encodes them in tag order.
 */
final class NormalizedResponse {

    /** PS3.7 C.5: the failures about an event or action type or its argument name that type. */
    private static final int NO_SUCH_EVENT_TYPE = 0x0113;
    private static final int NO_SUCH_ARGUMENT = 0x0114;
    private static final int INVALID_ARGUMENT_VALUE = 0x0115;
    private static final int NO_SUCH_ACTION = 0x0123;

    private final CommandSet command = new CommandSet();

    /**
     * A response to {@code request} with {@code status}, naming {@code sopClass} and
     * {@code sopInstance} (null: none, as for an N-CREATE whose instance was not created).
     */
    NormalizedResponse(CommandSet request, String sopClass, String sopInstance, int status, boolean hasDataSet) {
        int field = request.commandField();
        if (sopClass != null) {
            command.put(CommandTag.AFFECTED_SOP_CLASS_UID, sopClass);
        }
        command.put(CommandTag.COMMAND_FIELD, field | CommandField.RESPONSE_BIT)
                .put(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, request.getInt(CommandTag.MESSAGE_ID, 0))
                .put(CommandTag.COMMAND_DATA_SET_TYPE, hasDataSet ? 0x0000 : CommandTag.NO_DATA_SET)
                .put(CommandTag.STATUS, status);
        if (sopInstance != null) {
            command.put(CommandTag.AFFECTED_SOP_INSTANCE_UID, sopInstance);
        }
        // PS3.7 10.1.1.1.4 and 10.1.4.1.5: the event / action type may be in a success response and
        // shall be in one with a reply; PS3.7 C.5 names it with the failures about it.
        boolean aboutType = status == 0x0000 || hasDataSet || status == NO_SUCH_ARGUMENT
                || status == INVALID_ARGUMENT_VALUE;
        if (field == CommandField.N_EVENT_REPORT_RQ && (aboutType || status == NO_SUCH_EVENT_TYPE)) {
            copy(request, CommandTag.EVENT_TYPE_ID);
        }
        if (field == CommandField.N_ACTION_RQ && (aboutType || status == NO_SUCH_ACTION)) {
            copy(request, CommandTag.ACTION_TYPE_ID);
        }
    }

    private void copy(CommandSet request, CommandTag tag) {
        int value = request.getInt(tag, -1);
        if (value >= 0) {
            command.put(tag, value);
        }
    }

    /** Error Comment (0000,0902): LO, at most 64 characters (PS3.7 E.1); longer ones are cut. */
    NormalizedResponse errorComment(String comment) {
        if (comment != null) {
            command.put(CommandTag.ERROR_COMMENT, StorageService.limit(comment));
        }
        return this;
    }

    /** Error ID (0000,0903); negative for none. */
    NormalizedResponse errorId(int id) {
        if (id >= 0) {
            command.put(CommandTag.ERROR_ID, id & 0xFFFF);
        }
        return this;
    }

    NormalizedResponse offendingElements(int[] tags) {
        if (tags.length > 0) {
            command.putTags(CommandTag.OFFENDING_ELEMENT, tags);
        }
        return this;
    }

    NormalizedResponse attributeIdentifiers(int[] tags) {
        if (tags.length > 0) {
            command.putTags(CommandTag.ATTRIBUTE_IDENTIFIER_LIST, tags);
        }
        return this;
    }

    CommandSet command() {
        return command;
    }
}
