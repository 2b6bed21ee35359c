package org.netdicom.core.service;

import org.netdicom.core.dimse.CommandSet;

/** The Verification service class (PS3.4 Annex A): a C-ECHO-RQ is answered with Success. */
final class VerificationService {

    private VerificationService() {
    }

    static CommandSet respond(CommandSet echoRequest) {
        return Responses.to(echoRequest, DimseStatus.SUCCESS);
    }
}
