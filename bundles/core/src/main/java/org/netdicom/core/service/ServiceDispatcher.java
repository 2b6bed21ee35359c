package org.netdicom.core.service;

import java.io.IOException;

import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a DIMSE request to the service class that serves its operation and SOP class. A request
 * that no service handles is answered with Failure 0x0211 (unrecognized operation, PS3.7 C.4.2),
 * so the peer is never left waiting.
 */
public final class ServiceDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceDispatcher.class);

    /**
     * True for the operations that may take long and are served on a worker thread, so that the
     * reading thread sees a C-CANCEL (and, for C-GET, the responses to the sub-operations).
     */
    public static boolean isLongRunning(int commandField) {
        return commandField == CommandField.C_FIND_RQ || commandField == CommandField.C_GET_RQ
                || commandField == CommandField.C_MOVE_RQ;
    }

    /** Serves {@code request}: calls its event's handler and sends the response(s). */
    public void serve(IncomingRequest request) {
        CommandSet command = request.command();
        String sopClass = request.context().abstractSyntax();
        try {
            CommandSet response = switch (command.commandField()) {
                case CommandField.C_ECHO_RQ -> StandardContexts.VERIFICATION.equals(request.context().abstractSyntax())
                        ? VerificationService.respond(command, request.context(), request.association(), request.events())
                        : Responses.to(command, DimseStatus.UNRECOGNIZED_OPERATION);
                case CommandField.C_STORE_RQ -> {
                    StorageService.serve(request); // sends its response, then runs the handler's follow-ups
                    yield null;
                }
                case CommandField.C_FIND_RQ -> serveIf(QueryService.serves(sopClass), request, QueryService::serve);
                case CommandField.C_GET_RQ -> serveIf(RetrieveService.servesGet(sopClass), request,
                        RetrieveService::serveGet);
                case CommandField.C_MOVE_RQ -> serveIf(RetrieveService.servesMove(sopClass), request,
                        RetrieveService::serveMove);
                case CommandField.N_EVENT_REPORT_RQ, CommandField.N_GET_RQ, CommandField.N_SET_RQ,
                        CommandField.N_ACTION_RQ, CommandField.N_CREATE_RQ, CommandField.N_DELETE_RQ -> {
                    NormalizedService.serve(request); // sends its response, which may carry a data set
                    yield null;
                }
                default -> Responses.to(command, DimseStatus.UNRECOGNIZED_OPERATION);
            };
            if (response != null) {
                request.respond(response, null);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("{}: response to {} not sent: {}", request.association(), CommandField.name(command.commandField()),
                    e.getMessage());
        }
    }

    /** A service that sends its own responses (one or many). */
    @FunctionalInterface
    private interface Serving {
        void serve(IncomingRequest request) throws IOException;
    }

    /**
     * Serves {@code request} with {@code service} when its context's SOP class defines the
     * operation; otherwise the answer is 0x0211 (PS3.7 C.5.10).
     */
    private static CommandSet serveIf(boolean defined, IncomingRequest request, Serving service) throws IOException {
        if (!defined) {
            return Responses.to(request.command(), DimseStatus.UNRECOGNIZED_OPERATION);
        }
        service.serve(request);
        return null;
    }
}
