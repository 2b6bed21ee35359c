package org.netdicom.core.service;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.DimseMessage;
import org.netdicom.core.event.EventDispatcher;

/**
 * Routes a DIMSE request to the service class of its presentation context's abstract syntax and
 * returns the response command. A request that no service handles is answered with Failure 0x0211
 * (unrecognized operation), so the peer is never left waiting.
 */
public final class ServiceDispatcher {

    /** The response to {@code request}, or null when none is due (C-CANCEL). */
    public CommandSet respond(DimseMessage request, PresentationContext context, Association association,
            EventDispatcher events) {
        CommandSet command = request.command();
        int field = command.commandField();
        if (field == CommandField.C_CANCEL_RQ) {
            return null;
        }
        if (field == CommandField.C_ECHO_RQ && StandardContexts.VERIFICATION.equals(context.abstractSyntax())) {
            return VerificationService.respond(command, context, association, events);
        }
        if (field == CommandField.C_STORE_RQ) {
            return StorageService.respond(request, context, association, events);
        }
        return Responses.to(command, DimseStatus.UNRECOGNIZED_OPERATION);
    }
}
