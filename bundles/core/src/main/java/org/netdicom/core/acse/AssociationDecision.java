package org.netdicom.core.acse;

import java.util.List;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;

/** The acceptor's answer to an A-ASSOCIATE-RQ: an AC with the negotiated contexts, or an RJ. */
public sealed interface AssociationDecision {

    /** Accepted; {@code contexts} are the accepted presentation contexts only. */
    record Accept(AAssociateAc response, List<PresentationContext> contexts, long peerMaxPduLength)
            implements AssociationDecision {
    }

    /** Rejected, with the reason a person reads in the log. */
    record Reject(AAssociateRj response, String reason) implements AssociationDecision {
    }
}
