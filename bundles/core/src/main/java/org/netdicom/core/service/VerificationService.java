package org.netdicom.core.service;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.Status;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.event.EventDispatcher;
import org.netdicom.core.event.Events;

/**
 * The Verification service class (PS3.4 Annex A): a C-ECHO-RQ becomes EVT_C_ECHO, and the status the
 * handler returns (Success by default) answers it.
 */
final class VerificationService {

    private VerificationService() {
    }

    static CommandSet respond(CommandSet echoRequest, PresentationContext context, Association association,
            EventDispatcher events) {
        Status status = events.cEcho(Events.cEcho(association, context,
                echoRequest.getInt(CommandTag.MESSAGE_ID, 0)));
        return Responses.to(echoRequest, status.code());
    }
}
