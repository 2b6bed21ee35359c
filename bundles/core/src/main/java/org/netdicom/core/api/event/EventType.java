package org.netdicom.core.api.event;

import java.util.Locale;

import org.netdicom.core.api.handler.AsyncOpsHandler;
import org.netdicom.core.api.handler.CEchoHandler;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.core.api.handler.CGetHandler;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.api.handler.NActionHandler;
import org.netdicom.core.api.handler.NCreateHandler;
import org.netdicom.core.api.handler.NDeleteHandler;
import org.netdicom.core.api.handler.NEventReportHandler;
import org.netdicom.core.api.handler.NGetHandler;
import org.netdicom.core.api.handler.NSetHandler;
import org.netdicom.core.api.handler.NotificationHandler;
import org.netdicom.core.api.handler.SopCommonHandler;
import org.netdicom.core.api.handler.SopExtendedHandler;
import org.netdicom.core.api.handler.UserIdentityHandler;

/**
 * Every event of an association, named as in pynetdicom. A <em>notification</em> event goes to every
 * bound {@link NotificationHandler}; an <em>intervention</em> event goes to exactly one handler of
 * the type {@link #handlerType()} names, or to netdicom's default when none is bound.
 */
public enum EventType {
    EVT_ABORTED("Association aborted"),
    EVT_ACCEPTED("Association request accepted"),
    EVT_ACSE_RECV("ACSE primitive received from the Upper Layer"),
    EVT_ACSE_SENT("ACSE primitive sent to the Upper Layer"),
    EVT_CONN_CLOSE("Connection closed"),
    EVT_CONN_OPEN("Connection opened"),
    EVT_DATA_RECV("PDU data received from the peer"),
    EVT_DATA_SENT("PDU data sent to the peer"),
    EVT_DIMSE_RECV("DIMSE message received"),
    EVT_DIMSE_SENT("DIMSE message sent"),
    EVT_ESTABLISHED("Association established"),
    EVT_FSM_TRANSITION("Upper Layer state machine transition"),
    EVT_PDU_RECV("PDU received and decoded"),
    EVT_PDU_SENT("PDU encoded and sent"),
    EVT_REJECTED("Association request rejected"),
    EVT_RELEASED("Association released"),
    EVT_REQUESTED("Association requested"),

    EVT_ASYNC_OPS(AsyncOpsHandler.class, "Asynchronous Operations Window negotiation"),
    EVT_SOP_COMMON(SopCommonHandler.class, "SOP Class Common Extended Negotiation"),
    EVT_SOP_EXTENDED(SopExtendedHandler.class, "SOP Class Extended Negotiation"),
    EVT_USER_ID(UserIdentityHandler.class, "User Identity Negotiation"),
    EVT_C_ECHO(CEchoHandler.class, "C-ECHO request received"),
    EVT_C_FIND(CFindHandler.class, "C-FIND request received"),
    EVT_C_GET(CGetHandler.class, "C-GET request received"),
    EVT_C_MOVE(CMoveHandler.class, "C-MOVE request received"),
    EVT_C_STORE(CStoreHandler.class, "C-STORE request received"),
    EVT_N_ACTION(NActionHandler.class, "N-ACTION request received"),
    EVT_N_CREATE(NCreateHandler.class, "N-CREATE request received"),
    EVT_N_DELETE(NDeleteHandler.class, "N-DELETE request received"),
    EVT_N_EVENT_REPORT(NEventReportHandler.class, "N-EVENT-REPORT request received"),
    EVT_N_GET(NGetHandler.class, "N-GET request received"),
    EVT_N_SET(NSetHandler.class, "N-SET request received");

    private final boolean intervention;
    private final Class<? extends DicomEventHandler> handlerType;
    private final String description;

    EventType(String description) {
        this.intervention = false;
        this.handlerType = NotificationHandler.class;
        this.description = description;
    }

    EventType(Class<? extends DicomEventHandler> handlerType, String description) {
        this.intervention = true;
        this.handlerType = handlerType;
        this.description = description;
    }

    public boolean isIntervention() {
        return intervention;
    }

    public boolean isNotification() {
        return !intervention;
    }

    /** The interface a handler of this event implements. */
    public Class<? extends DicomEventHandler> handlerType() {
        return handlerType;
    }

    public String description() {
        return description;
    }

    /**
     * The event named {@code name}: the constant's name ({@code EVT_C_STORE}) or its short form
     * without the prefix ({@code C_STORE}), case-insensitive.
     *
     * @throws IllegalArgumentException if no event has that name
     */
    public static EventType parse(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(upper.startsWith("EVT_") ? upper : "EVT_" + upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no DICOM event is called '" + name + "'", e);
        }
    }
}
