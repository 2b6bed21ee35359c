package org.netdicom.core.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.Status;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.event.EventDispatcher;
import org.netdicom.data.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C-GET and C-MOVE side of the retrieve service classes (PS3.4 C, U, V, W, X, Y, Z, HH, II, KK
 * and Inventory): a C-GET-RQ becomes EVT_C_GET, a C-MOVE-RQ EVT_C_MOVE; the handler performs the
 * C-STORE sub-operations, netdicom counts them and answers (see
 * {@link org.netdicom.core.api.handler.CGetHandler}, {@link org.netdicom.core.api.handler.CMoveHandler}).
 */
public final class RetrieveService {

    private static final Logger LOG = LoggerFactory.getLogger(RetrieveService.class);

    /** Composite Instance Retrieve Without Bulk Data - GET (PS3.4 Annex Z). */
    static final String WITHOUT_BULK_DATA = "1.2.840.10008.5.1.4.1.2.5.3";

    /**
     * The SOP classes whose C-GET this service answers. (A catalogue of all SOP classes and their
     * service classes is coming as {@code ServiceClassRegistry}; until then the lists live here.)
     */
    static final Set<String> GET_SOP_CLASSES = Set.of(
            "1.2.840.10008.5.1.4.1.2.1.3", // Patient Root Query/Retrieve Information Model - GET
            "1.2.840.10008.5.1.4.1.2.2.3", // Study Root Query/Retrieve Information Model - GET
            "1.2.840.10008.5.1.4.1.2.3.3", // Patient/Study Only Query/Retrieve Information Model - GET (retired)
            "1.2.840.10008.5.1.4.1.2.4.3", // Composite Instance Root Retrieve - GET
            WITHOUT_BULK_DATA,
            "1.2.840.10008.5.1.4.38.4", // Hanging Protocol Information Model - GET
            "1.2.840.10008.5.1.4.39.4", // Color Palette Query/Retrieve Information Model - GET
            "1.2.840.10008.5.1.4.43.4", // Generic Implant Template Information Model - GET
            "1.2.840.10008.5.1.4.44.4", // Implant Assembly Template Information Model - GET
            "1.2.840.10008.5.1.4.45.4", // Implant Template Group Information Model - GET
            "1.2.840.10008.5.1.4.20.3", // Defined Procedure Protocol Information Model - GET
            "1.2.840.10008.5.1.4.1.1.200.6", // Protocol Approval Information Model - GET
            "1.2.840.10008.5.1.4.1.1.201.4"); // Inventory - GET

    /** The SOP classes whose C-MOVE this service answers. */
    static final Set<String> MOVE_SOP_CLASSES = Set.of(
            "1.2.840.10008.5.1.4.1.2.1.2", // Patient Root Query/Retrieve Information Model - MOVE
            "1.2.840.10008.5.1.4.1.2.2.2", // Study Root Query/Retrieve Information Model - MOVE
            "1.2.840.10008.5.1.4.1.2.3.2", // Patient/Study Only Query/Retrieve Information Model - MOVE (retired)
            "1.2.840.10008.5.1.4.1.2.4.2", // Composite Instance Root Retrieve - MOVE
            "1.2.840.10008.5.1.4.38.3", // Hanging Protocol Information Model - MOVE
            "1.2.840.10008.5.1.4.39.3", // Color Palette Query/Retrieve Information Model - MOVE
            "1.2.840.10008.5.1.4.43.3", // Generic Implant Template Information Model - MOVE
            "1.2.840.10008.5.1.4.44.3", // Implant Assembly Template Information Model - MOVE
            "1.2.840.10008.5.1.4.45.3", // Implant Template Group Information Model - MOVE
            "1.2.840.10008.5.1.4.20.2", // Defined Procedure Protocol Information Model - MOVE
            "1.2.840.10008.5.1.4.1.1.200.5", // Protocol Approval Information Model - MOVE
            "1.2.840.10008.5.1.4.1.1.201.3"); // Inventory - MOVE

    /** PS3.4 C.4.2.1.6: Refused, Move Destination unknown. */
    static final int MOVE_DESTINATION_UNKNOWN = 0xA801;

    private RetrieveService() {
    }

    /** True if C-GET is an operation of {@code sopClassUid}. */
    public static boolean servesGet(String sopClassUid) {
        return GET_SOP_CLASSES.contains(sopClassUid);
    }

    /** True if C-MOVE is an operation of {@code sopClassUid}. */
    public static boolean servesMove(String sopClassUid) {
        return MOVE_SOP_CLASSES.contains(sopClassUid);
    }

    /** Serves a C-GET-RQ: the sub-operations go to the requestor on the same association. */
    static void serveGet(IncomingRequest request) throws IOException {
        RetrieveOperation operation = begin(request, 0xC410);
        if (operation == null) {
            return;
        }
        operation.target(new SameAssociation(request.association()));
        Status returned = request.events().cGet(new RetrieveRequest.Get(operation));
        operation.respondFinal(checked(request, operation, returned, EventDispatcher.GET_HANDLER_FAILED, 0xC416));
    }

    /** Serves a C-MOVE-RQ: the sub-operations go over a new association to the move destination. */
    static void serveMove(IncomingRequest request) throws IOException {
        RetrieveOperation operation = begin(request, 0xC510);
        if (operation == null) {
            return;
        }
        Status status;
        try (MoveDestination destination = new MoveDestination(request)) {
            operation.target(destination);
            Status returned = request.events().cMove(new RetrieveRequest.Move(operation, destination));
            status = checked(request, operation, returned, EventDispatcher.MOVE_HANDLER_FAILED, 0xC516);
            boolean completing = status.isSuccess() || status.category() == Status.Category.WARNING;
            if (completing && (!destination.known() || destination.unreachable())) {
                LOG.info("{}: C-MOVE to {} answered 0xA801: {}", request.association(), destination.aeTitle(),
                        destination.known() ? "not reachable" : "the handler did not resolve it");
                status = new Status(MOVE_DESTINATION_UNKNOWN);
            }
        }
        operation.respondFinal(status);
    }

    /** The decoded request as an operation, or null when its identifier did not decode (answered with {@code failure}). */
    private static RetrieveOperation begin(IncomingRequest request, int failure) throws IOException {
        String name = CommandField.name(request.command().commandField());
        try {
            if (request.message().dataSet() == null) {
                throw new IOException("the " + name + " has no identifier");
            }
            Dataset identifier = DataSetCodec.decode(request.message().dataSet(), request.context().transferSyntax());
            return new RetrieveOperation(request, identifier, WITHOUT_BULK_DATA.equals(request.context().abstractSyntax()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: {} identifier not decoded: {}", request.association(), name, e.toString());
            request.respond(Responses.to(request.command(), failure)
                    .put(CommandTag.ERROR_COMMENT, StorageService.limit("identifier not decoded: " + e.getMessage())),
                    null);
            return null;
        }
    }

    /** The handler's status, unless it announced an invalid count or returned nothing usable. */
    private static Status checked(IncomingRequest request, RetrieveOperation operation, Status returned,
            Status handlerFailed, int invalidCount) {
        if (operation.invalidCount()) {
            return new Status(invalidCount);
        }
        if (returned == null || returned.category() == Status.Category.PENDING) {
            LOG.warn("{}: {} handler returned {}; answering as for a failure", request.association(),
                    CommandField.name(request.command().commandField()),
                    returned == null ? "no status" : "a pending status as the final one");
            return handlerFailed;
        }
        return returned;
    }

    /** C-GET: the C-STOREs go to the requestor, which accepted the SCP role (we act as SCU). */
    private record SameAssociation(Association association) implements RetrieveOperation.Target {
        @Override
        public DimseResponse store(Dataset instance, String transferSyntaxUid) throws IOException {
            return association.store(instance, transferSyntaxUid);
        }

        @Override
        public DimseResponse store(Path part10File, String sopClassUid, String transferSyntaxUid) throws IOException {
            return association.store(part10File);
        }

        @Override
        public boolean usable() {
            return association.isEstablished();
        }
    }
}
