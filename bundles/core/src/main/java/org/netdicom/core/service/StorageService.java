package org.netdicom.core.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.Status;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DimseMessage;
import org.netdicom.core.dimse.IncomingDataSet;
import org.netdicom.core.event.EventDispatcher;
import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.io.DicomFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Storage service class (PS3.4 Annex B), also serving the C-STORE sub-operations an SCU
 * receives during its C-GET: a C-STORE-RQ becomes EVT_C_STORE and the handler's status answers it.
 * The data set is spooled with a Part 10 header in front, so the spool file is the instance's file.
 */
public final class StorageService {

    private static final Logger LOG = LoggerFactory.getLogger(StorageService.class);
    /** PS3.4 B.2.3: Refused, out of resources. */
    static final int OUT_OF_RESOURCES = 0xA700;
    /** PS3.4 B.2.3: Error, cannot understand (the request lacks what identifies the instance). */
    static final int CANNOT_UNDERSTAND = 0xC000;

    private StorageService() {
    }

    /** (0002,0016): the AE that wrote the content; the peer that sent it, as DCMTK records. */
    static final int SOURCE_APPLICATION_ENTITY_TITLE = 0x00020016;
    /** (0002,0017): the AE that sent the content over the network. */
    static final int SENDING_APPLICATION_ENTITY_TITLE = 0x00020017;
    /** (0002,0018): the AE that received it. */
    static final int RECEIVING_APPLICATION_ENTITY_TITLE = 0x00020018;

    /**
     * The Part 10 header a spooled C-STORE data set begins with: preamble, {@code DICM} and the
     * {@linkplain #fileMeta File Meta Information} of the request's instance.
     */
    public static IncomingDataSet.Prefix part10Header(CommandSet storeRequest, PresentationContext context,
            Association association) {
        return () -> {
            Dataset meta = fileMeta(storeRequest, context, association);
            ByteArrayOutputStream out = new ByteArrayOutputStream(512); // preamble, prefix and meta group: about 330 bytes
            DicomFile.writeHeader(out, meta);
            return out.toByteArray();
        };
    }

    /**
     * File Meta Information (PS3.10 7.1) of the request's instance in the context's transfer
     * syntax, with the AE titles of the peer that sent it (Source and Sending) and of ours
     * (Receiving). On a C-GET's sub-operation the requestor receives: the peer is the called AE.
     */
    static Dataset fileMeta(CommandSet storeRequest, PresentationContext context, Association association) {
        Dataset meta = DicomFile.createFileMeta(orEmpty(storeRequest.getString(CommandTag.AFFECTED_SOP_CLASS_UID)),
                orEmpty(storeRequest.getString(CommandTag.AFFECTED_SOP_INSTANCE_UID)),
                UidRegistry.transferSyntaxOrUnknown(context.transferSyntax()));
        if (association != null) {
            String sender = association.isAcceptor() ? association.callingAeTitle() : association.calledAeTitle();
            String receiver = association.isAcceptor() ? association.calledAeTitle() : association.callingAeTitle();
            setAeTitle(meta, SOURCE_APPLICATION_ENTITY_TITLE, sender);
            setAeTitle(meta, SENDING_APPLICATION_ENTITY_TITLE, sender);
            setAeTitle(meta, RECEIVING_APPLICATION_ENTITY_TITLE, receiver);
        }
        return meta;
    }

    private static void setAeTitle(Dataset meta, int tag, String aeTitle) {
        if (aeTitle != null && !aeTitle.isBlank()) {
            meta.setString(tag, VR.AE, aeTitle.strip());
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Answers a C-STORE-RQ with the handler's status, then runs the tasks the handler left for
     * after the response ({@link org.netdicom.core.api.event.CStoreEvent#afterResponse}), on this
     * thread and so before the association reads its next message.
     */
    static void serve(IncomingRequest request) throws IOException {
        DimseMessage message = request.message();
        CommandSet refusal = refusal(message, request.association());
        if (refusal != null) {
            request.respond(refusal, null);
            return;
        }
        CommandSet command = message.command();
        ReceivedInstance event = new ReceivedInstance(request.association(), request.context(), command,
                message.dataSet(), fileMeta(command, request.context(), request.association()));
        try {
            request.respond(answer(event, request.events()), null);
        } finally {
            event.runAfterResponse();
        }
    }

    /** The response to a request that cannot reach the handler, or null. */
    private static CommandSet refusal(DimseMessage request, Association association) {
        CommandSet command = request.command();
        if (request.dataSetFailure() != null) {
            LOG.warn("{}: C-STORE data set of {} could not be kept: {}", association,
                    command.getString(CommandTag.AFFECTED_SOP_INSTANCE_UID), request.dataSetFailure().toString());
            return Responses.to(command, OUT_OF_RESOURCES)
                    .put(CommandTag.ERROR_COMMENT, limit("data set not stored: " + request.dataSetFailure().getMessage()));
        }
        if (request.dataSet() == null) {
            return Responses.to(command, CANNOT_UNDERSTAND).put(CommandTag.ERROR_COMMENT, "C-STORE-RQ without data set");
        }
        if (command.getString(CommandTag.AFFECTED_SOP_CLASS_UID) == null
                || command.getString(CommandTag.AFFECTED_SOP_INSTANCE_UID) == null) {
            return Responses.to(command, CANNOT_UNDERSTAND)
                    .put(CommandTag.ERROR_COMMENT, "C-STORE-RQ without Affected SOP Class or Instance UID");
        }
        return null;
    }

    private static CommandSet answer(ReceivedInstance event, EventDispatcher events) {
        Status status = events.cStore(event);
        CommandSet response = Responses.to(event.command(), status.code());
        String comment = event.errorComment();
        if (comment != null && !comment.isBlank() && status.category() != Status.Category.SUCCESS) {
            response.put(CommandTag.ERROR_COMMENT, limit(comment.strip()));
        }
        return response;
    }

    /** Error Comment (0000,0902) is LO: at most 64 characters (PS3.7 E.1). */
    static String limit(String comment) {
        return comment.length() <= 64 ? comment : comment.substring(0, 61) + "...";
    }
}
