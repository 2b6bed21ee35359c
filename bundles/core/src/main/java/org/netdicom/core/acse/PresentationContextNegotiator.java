package org.netdicom.core.acse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.pdu.PresentationContextAc;
import org.netdicom.core.pdu.PresentationContextRq;

/**
 * Acceptor-side presentation context negotiation (PS3.8 7.1.1.13, PS3.7 Annex D): each proposed
 * context is accepted with the first transfer syntax of the acceptor's preference list that the
 * requestor proposed, or rejected with the reason.
 */
final class PresentationContextNegotiator {

    /** The AC items, one per distinct proposed ID, and the accepted contexts among them. */
    record Result(List<PresentationContextAc> items, List<PresentationContext> accepted) {
    }

    private final Map<String, List<String>> supported;

    PresentationContextNegotiator(Map<String, List<String>> supported) {
        this.supported = supported;
    }

    Result negotiate(List<PresentationContextRq> proposed) {
        List<PresentationContextAc> items = new ArrayList<>(proposed.size());
        List<PresentationContext> accepted = new ArrayList<>();
        Set<Integer> seenIds = new HashSet<>();
        for (PresentationContextRq rq : proposed) {
            if (!seenIds.add(rq.id())) {
                // The AC can answer an ID only once; a repeated ID keeps the answer to its first use.
                continue;
            }
            if (rq.id() % 2 == 0) {
                // PS3.8 9.3.2.2: context IDs are odd integers between 1 and 255.
                items.add(PresentationContextAc.rejected(rq.id(), PresentationContextAc.NO_REASON));
                continue;
            }
            List<String> ours = supported.get(rq.abstractSyntax());
            if (ours == null) {
                items.add(PresentationContextAc.rejected(rq.id(),
                        PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED));
                continue;
            }
            String chosen = firstProposed(ours, rq.transferSyntaxes());
            if (chosen == null) {
                items.add(PresentationContextAc.rejected(rq.id(),
                        PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED));
                continue;
            }
            items.add(PresentationContextAc.accepted(rq.id(), chosen));
            accepted.add(new PresentationContext(rq.id(), rq.abstractSyntax(), chosen));
        }
        return new Result(List.copyOf(items), List.copyOf(accepted));
    }

    private static String firstProposed(List<String> preference, List<String> proposed) {
        for (String ts : preference) {
            if (proposed.contains(ts)) {
                return ts;
            }
        }
        return null;
    }
}
