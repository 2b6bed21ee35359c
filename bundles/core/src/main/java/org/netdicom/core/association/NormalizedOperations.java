package org.netdicom.core.association;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.dimse.OutgoingDataSet;
import org.netdicom.core.service.SharedContexts;
import org.netdicom.data.Dataset;
import org.netdicom.data.dict.UidRegistry;

/**
 * The DIMSE-N requests an association sends (PS3.7 10.1, 10.3): builds each request's command set,
 * picks the presentation context it goes on and encodes its data set for that context.
 * <p>
 * <b>Context and role.</b> A request goes on an accepted context of its SOP class or, failing
 * that, of a SOP class whose contexts carry it ({@link SharedContexts}: the Print Management meta
 * SOP classes carry film session, film box, image box and printer; every UPS context carries UPS
 * Push). We must hold the right role on it (PS3.7 D.3.3.4): N-EVENT-REPORT is invoked by the SCP
 * of the SOP class (PS3.4: Storage Commitment J.3.3, Printer H.4, UPS Event CC.2), every other
 * DIMSE-N request by the SCU. Without role selection the requestor is SCU and the acceptor SCP, so
 * an acceptor sends N-EVENT-REPORT and a requestor the rest; a requestor that reports events (a
 * Storage Commitment SCP answering on a new association) must have proposed the SCP role.
 */
final class NormalizedOperations {

    /** Sends a request and waits for its response. */
    @FunctionalInterface
    interface Exchange {
        DimseResponse exchange(PresentationContext context, CommandSet request, OutgoingDataSet dataSet)
                throws IOException;
    }

    /** The association's accepted contexts and side, read at each request. */
    interface Contexts {
        List<PresentationContext> accepted();

        boolean weAreAcceptor();
    }

    private final Contexts contexts;
    private final Exchange exchange;

    NormalizedOperations(Contexts contexts, Exchange exchange) {
        this.contexts = contexts;
        this.exchange = exchange;
    }

    DimseResponse nEventReport(String sopClass, String sopInstance, int eventTypeId, Dataset eventInformation)
            throws IOException {
        return send(sopClass, true, eventReportRq(sopClass, required(sopInstance), u16(eventTypeId, "event type"),
                eventInformation != null), eventInformation);
    }

    DimseResponse nGet(String sopClass, String sopInstance, int... attributeTags) throws IOException {
        return send(sopClass, false, getRq(sopClass, required(sopInstance), attributeTags), null);
    }

    DimseResponse nSet(String sopClass, String sopInstance, Dataset modifications) throws IOException {
        Objects.requireNonNull(modifications, "modifications");
        return send(sopClass, false, setRq(sopClass, required(sopInstance)), modifications);
    }

    DimseResponse nAction(String sopClass, String sopInstance, int actionTypeId, Dataset actionInformation)
            throws IOException {
        return send(sopClass, false, actionRq(sopClass, required(sopInstance), u16(actionTypeId, "action type"),
                actionInformation != null), actionInformation);
    }

    DimseResponse nCreate(String sopClass, String sopInstance, Dataset attributes) throws IOException {
        return send(sopClass, false, createRq(sopClass, sopInstance, attributes != null), attributes);
    }

    DimseResponse nDelete(String sopClass, String sopInstance) throws IOException {
        return send(sopClass, false, deleteRq(sopClass, required(sopInstance)), null);
    }

    private DimseResponse send(String sopClass, boolean asScp, CommandSet request, Dataset dataSet)
            throws IOException {
        PresentationContext context = chooseContext(contexts.accepted(), contexts.weAreAcceptor(), sopClass, asScp);
        OutgoingDataSet encoded = dataSet == null ? null
                : DataSetCodec.encode(dataSet, context.transferSyntax());
        return exchange.exchange(context, request, encoded);
    }

    /**
     * The context for a request of {@code sopClass}: its own, else one of a SOP class that carries
     * it, where we hold the SCP role ({@code asScp}, N-EVENT-REPORT) or the SCU role.
     */
    static PresentationContext chooseContext(List<PresentationContext> accepted, boolean weAreAcceptor,
            String sopClass, boolean asScp) throws AssociationException {
        Objects.requireNonNull(sopClass, "sopClass");
        PresentationContext own = find(accepted, weAreAcceptor, sopClass, asScp);
        if (own != null) {
            return own;
        }
        for (String carrier : SharedContexts.carriersOf(sopClass)) {
            PresentationContext shared = find(accepted, weAreAcceptor, carrier, asScp);
            if (shared != null) {
                return shared;
            }
        }
        String role = asScp ? "SCP" : "SCU";
        boolean roleMissing = accepted.stream().anyMatch(c -> SharedContexts.carries(c.abstractSyntax(), sopClass));
        throw new AssociationException("no accepted presentation context for " + UidRegistry.nameOf(sopClass)
                + (roleMissing ? " where we are " + role + (asScp && !weAreAcceptor
                        ? " (N-EVENT-REPORT is sent by the SCP: propose the SCP role with requestRole)" : "")
                        : SharedContexts.carriersOf(sopClass).isEmpty() ? "" : " or a SOP class carrying it"));
    }

    private static PresentationContext find(List<PresentationContext> accepted, boolean weAreAcceptor,
            String abstractSyntax, boolean asScp) {
        for (PresentationContext context : accepted) {
            boolean role = asScp ? (weAreAcceptor ? context.acceptorIsScp() : context.requestorIsScp())
                    : (weAreAcceptor ? context.acceptorIsScu() : context.requestorIsScu());
            if (role && context.abstractSyntax().equals(abstractSyntax)) {
                return context;
            }
        }
        return null;
    }

    // ---- command sets, PS3.7 10.3 (Message ID is set when the request is sent) ----------------

    /** N-EVENT-REPORT-RQ, PS3.7 Table 10.3-1. */
    static CommandSet eventReportRq(String sopClass, String sopInstance, int eventTypeId, boolean hasDataSet) {
        return request(CommandField.N_EVENT_REPORT_RQ, CommandTag.AFFECTED_SOP_CLASS_UID, sopClass,
                CommandTag.AFFECTED_SOP_INSTANCE_UID, sopInstance, hasDataSet)
                .put(CommandTag.EVENT_TYPE_ID, eventTypeId);
    }

    /** N-GET-RQ, PS3.7 Table 10.3-3; an empty tag list is left out (all attributes, 10.1.2.1.3). */
    static CommandSet getRq(String sopClass, String sopInstance, int... attributeTags) {
        CommandSet command = request(CommandField.N_GET_RQ, CommandTag.REQUESTED_SOP_CLASS_UID, sopClass,
                CommandTag.REQUESTED_SOP_INSTANCE_UID, sopInstance, false);
        if (attributeTags != null && attributeTags.length > 0) {
            command.putTags(CommandTag.ATTRIBUTE_IDENTIFIER_LIST, attributeTags);
        }
        return command;
    }

    /** N-SET-RQ, PS3.7 Table 10.3-5: the Modification List is mandatory. */
    static CommandSet setRq(String sopClass, String sopInstance) {
        return request(CommandField.N_SET_RQ, CommandTag.REQUESTED_SOP_CLASS_UID, sopClass,
                CommandTag.REQUESTED_SOP_INSTANCE_UID, sopInstance, true);
    }

    /** N-ACTION-RQ, PS3.7 Table 10.3-7. */
    static CommandSet actionRq(String sopClass, String sopInstance, int actionTypeId, boolean hasDataSet) {
        return request(CommandField.N_ACTION_RQ, CommandTag.REQUESTED_SOP_CLASS_UID, sopClass,
                CommandTag.REQUESTED_SOP_INSTANCE_UID, sopInstance, hasDataSet)
                .put(CommandTag.ACTION_TYPE_ID, actionTypeId);
    }

    /** N-CREATE-RQ, PS3.7 Table 10.3-9; a null instance UID is left out for the SCP to assign. */
    static CommandSet createRq(String sopClass, String sopInstance, boolean hasDataSet) {
        return request(CommandField.N_CREATE_RQ, CommandTag.AFFECTED_SOP_CLASS_UID, sopClass,
                CommandTag.AFFECTED_SOP_INSTANCE_UID, sopInstance, hasDataSet);
    }

    /** N-DELETE-RQ, PS3.7 Table 10.3-11. */
    static CommandSet deleteRq(String sopClass, String sopInstance) {
        return request(CommandField.N_DELETE_RQ, CommandTag.REQUESTED_SOP_CLASS_UID, sopClass,
                CommandTag.REQUESTED_SOP_INSTANCE_UID, sopInstance, false);
    }

    private static CommandSet request(int field, CommandTag classTag, String sopClass, CommandTag instanceTag,
            String sopInstance, boolean hasDataSet) {
        CommandSet command = new CommandSet()
                .put(classTag, Objects.requireNonNull(sopClass, "sopClass"))
                .put(CommandTag.COMMAND_FIELD, field)
                .put(CommandTag.COMMAND_DATA_SET_TYPE, hasDataSet ? 0x0000 : CommandTag.NO_DATA_SET);
        if (sopInstance != null) {
            command.put(instanceTag, sopInstance);
        }
        return command;
    }

    private static String required(String sopInstance) {
        if (sopInstance == null || sopInstance.isEmpty()) {
            throw new IllegalArgumentException("the request needs a SOP Instance UID");
        }
        return sopInstance;
    }

    private static int u16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " ID " + value + " is not 0-65535");
        }
        return value;
    }
}
