package org.netdicom.core.service;

import java.io.IOException;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.handler.NResult;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.dimse.OutgoingDataSet;
import org.netdicom.core.service.SopClassInfo.Operation;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DIMSE-N services (PS3.7 10) of every normalized SOP class, on either side of an association:
 * an N-EVENT-REPORT, N-GET, N-SET, N-ACTION, N-CREATE or N-DELETE request becomes its intervention
 * event and the handler's {@link NResult} its response. Before a handler is asked the request is
 * checked, each failure with the status PS3.7 Annex C gives it:
 * <ol>
 * <li>the SOP class it names is the context's, or one the context carries
 * ({@link SharedContexts}): else 0x0122 (SOP class not supported) for a SOP class of PS3.4, 0x0118
 * (No such SOP class) for one netdicom does not know;</li>
 * <li>the SOP class defines the operation (PS3.4, {@link ServiceClassRegistry}): else 0x0211
 * (Unrecognized operation), e.g. an N-DELETE of a Printer. A private SOP class that was accepted
 * on its own context may use every DIMSE-N operation: its handler decides;</li>
 * <li>the SOP instance is named where PS3.7 10.3 makes it mandatory (all but N-CREATE): else 0x0117
 * (Invalid SOP instance);</li>
 * <li>the data set was received: else 0x0213 (Resource limitation).</li>
 * </ol>
 * Roles are not checked on receipt: a Storage Commitment SCU that takes the result on a new
 * association without having agreed to the SCU role still gets it, as peers expect.
 */
public final class NormalizedService {

    private static final Logger LOG = LoggerFactory.getLogger(NormalizedService.class);

    private NormalizedService() {
    }

    /** Checks {@code incoming}, asks its handler and sends the response. */
    static void serve(IncomingRequest incoming) throws IOException {
        CommandSet command = incoming.command();
        int field = command.commandField();
        // PS3.7 10.3: N-CREATE and N-EVENT-REPORT name the Affected SOP class and instance, the
        // others the Requested ones; a peer that uses the other element is understood all the same.
        boolean affected = field == CommandField.N_CREATE_RQ || field == CommandField.N_EVENT_REPORT_RQ;
        String sopClass = either(command, affected, CommandTag.AFFECTED_SOP_CLASS_UID,
                CommandTag.REQUESTED_SOP_CLASS_UID);
        String sopInstance = either(command, affected, CommandTag.AFFECTED_SOP_INSTANCE_UID,
                CommandTag.REQUESTED_SOP_INSTANCE_UID);
        String name = CommandField.name(field);

        NormalizedResponse refusal = refusal(incoming, field, sopClass, sopInstance, name);
        if (refusal != null) {
            LOG.debug("{}: {} refused: {}", incoming.association(), name, refusal.command());
            incoming.respond(refusal.command(), null);
            return;
        }
        NormalizedEvent event = NormalizedEvent.of(new NormalizedEvent.Request(incoming.association(),
                incoming.context(), command, sopClass, sopInstance, incoming.message().dataSet()));
        if (!incoming.events().wants(event.type())) {
            // PS3.7 C.5: 0x0211, the operation is not one this SCP performs
            incoming.respond(new NormalizedResponse(command, sopClass, sopInstance,
                    Status.UNRECOGNIZED_OPERATION.code(), false)
                    .errorComment("no handler of " + event.type() + " is bound").command(), null);
            return;
        }
        respond(incoming, event, incoming.events().normalized(event));
    }

    private static String either(CommandSet command, boolean affectedFirst, CommandTag affected, CommandTag requested) {
        String first = command.getString(affectedFirst ? affected : requested);
        return first != null && !first.isEmpty() ? first : command.getString(affectedFirst ? requested : affected);
    }

    /** The response refusing a request that breaks the rules of the class comment, or null. */
    private static NormalizedResponse refusal(IncomingRequest incoming, int field, String sopClass,
            String sopInstance, String name) {
        CommandSet command = incoming.command();
        PresentationContext context = incoming.context();
        if (incoming.message().dataSetFailure() != null) {
            return new NormalizedResponse(command, sopClass, sopInstance, Status.RESOURCE_LIMITATION.code(), false)
                    .errorComment("data set not received: " + incoming.message().dataSetFailure().getMessage());
        }
        if (sopClass == null || sopClass.isEmpty()) {
            return new NormalizedResponse(command, null, sopInstance, Status.NO_SUCH_SOP_CLASS.code(), false)
                    .errorComment(name + " names no SOP class");
        }
        String contextClass = context.abstractSyntax();
        if (!SharedContexts.carries(contextClass, sopClass)) {
            boolean known = ServiceClassRegistry.info(sopClass) != null;
            return new NormalizedResponse(command, sopClass, sopInstance,
                    (known ? Status.SOP_CLASS_NOT_SUPPORTED : Status.NO_SUCH_SOP_CLASS).code(), false)
                    .errorComment("SOP class not negotiated on context " + context.id());
        }
        Operation operation = Operation.ofCommandField(field);
        if (!permits(contextClass, sopClass, operation)) {
            return new NormalizedResponse(command, sopClass, sopInstance, Status.UNRECOGNIZED_OPERATION.code(), false)
                    .errorComment(name + " is not an operation of the SOP class");
        }
        if (field != CommandField.N_CREATE_RQ && (sopInstance == null || sopInstance.isEmpty())) {
            return new NormalizedResponse(command, sopClass, null, Status.INVALID_SOP_INSTANCE.code(), false)
                    .errorComment(name + " names no SOP instance");
        }
        return null;
    }

    /**
     * Whether a request of {@code sopClass} on a context of {@code contextClass} may be {@code op}:
     * the negotiated SOP class must define it, and so must a meta class's member. Unknown (private)
     * SOP classes on their own context may do anything.
     */
    static boolean permits(String contextClass, String sopClass, Operation op) {
        SopClassInfo info = ServiceClassRegistry.info(contextClass);
        if (info == null) {
            return contextClass.equals(sopClass);
        }
        if (!info.permits(op)) {
            return false;
        }
        return !SharedContexts.isMeta(contextClass) || ServiceClassRegistry.permits(sopClass, op);
    }

    private static void respond(IncomingRequest incoming, NormalizedEvent event, NResult result) throws IOException {
        CommandSet command = incoming.command();
        NormalizedEvent.Request request = event.request;
        String problem = problem(event, result);
        if (problem != null) {
            LOG.warn("{}: {} handler {}; answering 0x0110 (processing failure)", incoming.association(),
                    event.type(), problem);
            incoming.respond(new NormalizedResponse(command, request.sopClass, request.sopInstance,
                    Status.PROCESSING_FAILURE.code(), false).command(), null);
            return;
        }
        Status.Category category = result.status().category();
        boolean replies = category == Status.Category.SUCCESS || category == Status.Category.WARNING;
        Dataset reply = replies && command.commandField() != CommandField.N_DELETE_RQ ? result.dataSet() : null;
        OutgoingDataSet encoded = null;
        if (reply != null) {
            try {
                encoded = DataSetCodec.encode(reply, incoming.context().transferSyntax());
            } catch (RuntimeException e) {
                LOG.warn("{}: {} reply data set cannot be encoded; answering 0x0110: {}", incoming.association(),
                        event.type(), e.toString());
                incoming.respond(new NormalizedResponse(command, request.sopClass, request.sopInstance,
                        Status.PROCESSING_FAILURE.code(), false).errorComment("reply not encodable").command(), null);
                return;
            }
        }
        String instance = request.sopInstance != null ? request.sopInstance : createdInstance(result);
        CommandSet response = new NormalizedResponse(command, request.sopClass, instance, result.status().code(),
                encoded != null)
                .errorComment(result.errorComment())
                .errorId(result.errorId())
                .offendingElements(result.offendingElements())
                .attributeIdentifiers(result.attributeIdentifiers())
                .command();
        incoming.respond(response, encoded);
        if (result.afterResponse() != null) {
            try {
                result.afterResponse().run();
            } catch (Exception | LinkageError e) {
                LOG.warn("{}: follow-up of {} failed: {}", incoming.association(), event.type(), e.toString(), e);
            }
        }
    }

    /** Why {@code result} cannot answer {@code event}, or null if it can. */
    private static String problem(NormalizedEvent event, NResult result) {
        if (result == null) {
            return "returned no result";
        }
        Status.Category category = result.status().category();
        if (category == Status.Category.PENDING || category == Status.Category.CANCEL) {
            return "returned " + result.status() + ", not a status of " + event.type();
        }
        boolean created = category == Status.Category.SUCCESS || category == Status.Category.WARNING;
        if (event instanceof NormalizedEvent.Create && event.request.sopInstance == null && created
                && createdInstance(result) == null) {
            return "created an instance without naming its SOP Instance UID";
        }
        return null;
    }

    /** The UID an N-CREATE handler assigned: the one it names, else SOP Instance UID of its data set. */
    private static String createdInstance(NResult result) {
        if (result.affectedSopInstanceUid() != null && !result.affectedSopInstanceUid().isEmpty()) {
            return result.affectedSopInstanceUid();
        }
        Dataset data = result.dataSet();
        String uid = data == null ? null : data.getString(Tag.SOP_INSTANCE_UID);
        return uid == null || uid.isEmpty() ? null : uid;
    }
}
