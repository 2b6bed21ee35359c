package org.netdicom.core.service;

import java.io.IOException;
import java.util.Set;

import org.netdicom.core.api.Status;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.event.EventDispatcher;
import org.netdicom.data.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C-FIND side of the query service classes (PS3.4 C, K, Q, U, V, W, X, BB, CC, HH, II, KK and
 * the Repository Query of the Inventory service): a C-FIND-RQ becomes EVT_C_FIND; the handler
 * sends each match as a Pending response while it runs, and its returned status ends the request
 * (see {@link org.netdicom.core.api.handler.CFindHandler}).
 */
public final class QueryService {

    private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);

    /** Relevant Patient Information Query (PS3.4 Q): General, Breast Imaging, Cardiac. At most one match. */
    static final Set<String> SINGLE_MATCH = Set.of(
            "1.2.840.10008.5.1.4.37.1",
            "1.2.840.10008.5.1.4.37.2",
            "1.2.840.10008.5.1.4.37.3");

    /**
     * The SOP classes whose C-FIND this service answers. (A catalogue of all SOP classes and their
     * service classes is coming as {@code ServiceClassRegistry}; until then the list lives here.)
     */
    static final Set<String> FIND_SOP_CLASSES = Set.of(
            "1.2.840.10008.5.1.4.1.2.1.1", // Patient Root Query/Retrieve Information Model - FIND
            "1.2.840.10008.5.1.4.1.2.2.1", // Study Root Query/Retrieve Information Model - FIND
            "1.2.840.10008.5.1.4.1.2.3.1", // Patient/Study Only Query/Retrieve Information Model - FIND (retired)
            "1.2.840.10008.5.1.4.1.1.201.6", // Repository Query
            "1.2.840.10008.5.1.4.31", // Modality Worklist Information Model - FIND
            "1.2.840.10008.5.1.4.34.6.2", // Unified Procedure Step - Watch (C-FIND, PS3.4 CC.2)
            "1.2.840.10008.5.1.4.34.6.3", // Unified Procedure Step - Pull (C-FIND)
            "1.2.840.10008.5.1.4.34.6.5", // Unified Procedure Step - Query
            "1.2.840.10008.5.1.4.37.1", // General Relevant Patient Information Query
            "1.2.840.10008.5.1.4.37.2", // Breast Imaging Relevant Patient Information Query
            "1.2.840.10008.5.1.4.37.3", // Cardiac Relevant Patient Information Query
            "1.2.840.10008.5.1.4.41", // Product Characteristics Query (Substance Administration Query)
            "1.2.840.10008.5.1.4.42", // Substance Approval Query (Substance Administration Query)
            "1.2.840.10008.5.1.4.38.2", // Hanging Protocol Information Model - FIND
            "1.2.840.10008.5.1.4.39.2", // Color Palette Query/Retrieve Information Model - FIND
            "1.2.840.10008.5.1.4.43.2", // Generic Implant Template Information Model - FIND
            "1.2.840.10008.5.1.4.44.2", // Implant Assembly Template Information Model - FIND
            "1.2.840.10008.5.1.4.45.2", // Implant Template Group Information Model - FIND
            "1.2.840.10008.5.1.4.20.1", // Defined Procedure Protocol Information Model - FIND
            "1.2.840.10008.5.1.4.1.1.200.4", // Protocol Approval Information Model - FIND
            "1.2.840.10008.5.1.4.1.1.201.2"); // Inventory - FIND

    /** PS3.4 C.4.1.1.4 "unable to process", with pynetdicom's meanings: identifier not decoded, match not encoded. */
    static final int IDENTIFIER_NOT_DECODED = 0xC310;
    static final int MATCH_NOT_ENCODED = 0xC312;

    private QueryService() {
    }

    /** True if C-FIND is an operation of {@code sopClassUid}. */
    public static boolean serves(String sopClassUid) {
        return FIND_SOP_CLASSES.contains(sopClassUid);
    }

    /** Serves a C-FIND-RQ: the handler's matches go out as they come, then the final response. */
    static void serve(IncomingRequest request) throws IOException {
        CommandSet command = request.command();
        Dataset identifier;
        try {
            if (request.message().dataSet() == null) {
                throw new IOException("the C-FIND-RQ has no identifier");
            }
            identifier = DataSetCodec.decode(request.message().dataSet(), request.context().transferSyntax());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: C-FIND identifier not decoded: {}", request.association(), e.toString());
            request.respond(Responses.to(command, IDENTIFIER_NOT_DECODED)
                    .put(CommandTag.ERROR_COMMENT, StorageService.limit("identifier not decoded: " + e.getMessage())),
                    null);
            return;
        }
        FindRequest.Operation operation = new FindRequest.Operation(request, identifier,
                SINGLE_MATCH.contains(request.context().abstractSyntax()));
        Status returned = request.events().cFind(new FindRequest(operation));
        request.respond(Responses.to(command, finalStatus(operation, returned, request)), null);
    }

    private static int finalStatus(FindRequest.Operation operation, Status returned, IncomingRequest request) {
        if (operation.encodingFailed()) {
            return MATCH_NOT_ENCODED;
        }
        if (returned == null || returned.category() == Status.Category.PENDING) {
            LOG.warn("{}: EVT_C_FIND handler returned {}; answering as for a failure", request.association(),
                    returned == null ? "no status" : "a pending status as the final one");
            return EventDispatcher.FIND_HANDLER_FAILED.code();
        }
        if (request.isCancelled() && returned.isSuccess()) {
            return FindRequest.CANCEL; // PS3.7 9.3.2.3: the request ends as cancelled
        }
        return returned.code();
    }
}
