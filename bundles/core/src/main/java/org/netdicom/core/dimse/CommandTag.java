package org.netdicom.core.dimse;

import java.util.HashMap;
import java.util.Map;

import org.netdicom.data.VR;

/**
 * The command group elements (PS3.7 Annex E, Table E.1-1) with their value representations, which
 * Implicit VR encoding does not carry. Retired elements are listed so that old peers decode.
 */
public enum CommandTag {
    COMMAND_GROUP_LENGTH(0x00000000, Vr.UL),
    COMMAND_LENGTH_TO_END(0x00000001, Vr.UL),
    AFFECTED_SOP_CLASS_UID(0x00000002, Vr.UI),
    REQUESTED_SOP_CLASS_UID(0x00000003, Vr.UI),
    COMMAND_RECOGNITION_CODE(0x00000010, Vr.STRING),
    COMMAND_FIELD(0x00000100, Vr.US),
    MESSAGE_ID(0x00000110, Vr.US),
    MESSAGE_ID_BEING_RESPONDED_TO(0x00000120, Vr.US),
    INITIATOR(0x00000200, Vr.STRING),
    RECEIVER(0x00000300, Vr.STRING),
    FIND_LOCATION(0x00000400, Vr.STRING),
    MOVE_DESTINATION(0x00000600, Vr.STRING),
    PRIORITY(0x00000700, Vr.US),
    COMMAND_DATA_SET_TYPE(0x00000800, Vr.US),
    NUMBER_OF_MATCHES(0x00000850, Vr.US),
    RESPONSE_SEQUENCE_NUMBER(0x00000860, Vr.US),
    STATUS(0x00000900, Vr.US),
    OFFENDING_ELEMENT(0x00000901, Vr.AT),
    ERROR_COMMENT(0x00000902, Vr.STRING),
    ERROR_ID(0x00000903, Vr.US),
    AFFECTED_SOP_INSTANCE_UID(0x00001000, Vr.UI),
    REQUESTED_SOP_INSTANCE_UID(0x00001001, Vr.UI),
    EVENT_TYPE_ID(0x00001002, Vr.US),
    ATTRIBUTE_IDENTIFIER_LIST(0x00001005, Vr.AT),
    ACTION_TYPE_ID(0x00001008, Vr.US),
    NUMBER_OF_REMAINING_SUBOPERATIONS(0x00001020, Vr.US),
    NUMBER_OF_COMPLETED_SUBOPERATIONS(0x00001021, Vr.US),
    NUMBER_OF_FAILED_SUBOPERATIONS(0x00001022, Vr.US),
    NUMBER_OF_WARNING_SUBOPERATIONS(0x00001023, Vr.US),
    MOVE_ORIGINATOR_APPLICATION_ENTITY_TITLE(0x00001030, Vr.STRING),
    MOVE_ORIGINATOR_MESSAGE_ID(0x00001031, Vr.US);

    /** How a command element's value is held: unsigned 16/32-bit numbers, UIDs, text, tag lists. */
    public enum Vr { US, UL, UI, STRING, AT }

    /** Command Data Set Type (0000,0800) value meaning "no data set" (PS3.7 E.1). */
    public static final int NO_DATA_SET = 0x0101;

    private final int tag;
    private final Vr vr;

    CommandTag(int tag, Vr vr) {
        this.tag = tag;
        this.vr = vr;
    }

    public int tag() {
        return tag;
    }

    public Vr vr() {
        return vr;
    }

    private static final Map<Integer, CommandTag> BY_TAG = new HashMap<>();

    static {
        for (CommandTag t : values()) {
            BY_TAG.put(t.tag, t);
        }
    }

    /** The element's VR in the data dictionary (PS3.7 Table E.1-1), which a data set of it carries. */
    public VR dataVr() {
        return switch (vr) {
            case US -> VR.US;
            case UL -> VR.UL;
            case UI -> VR.UI;
            case AT -> VR.AT;
            case STRING -> this == COMMAND_RECOGNITION_CODE ? VR.SH : this == ERROR_COMMENT ? VR.LO : VR.AE;
        };
    }

    /** The element for {@code tag}, or null if the command group does not define it. */
    public static CommandTag of(int tag) {
        return BY_TAG.get(tag);
    }
}
