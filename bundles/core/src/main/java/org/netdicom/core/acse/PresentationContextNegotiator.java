package org.netdicom.core.acse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.pdu.PresentationContextAc;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.RoleSelection;

/**
 * Acceptor-side presentation context negotiation (PS3.8 7.1.1.13, PS3.7 Annex D): each proposed
 * context is accepted with the first transfer syntax of the acceptor's preference list that the
 * requestor proposed, or rejected with the reason; then SCP/SCU role selection (PS3.7 D.3.3.4)
 * decides the roles on each accepted context.
 */
final class PresentationContextNegotiator {

    /** The AC items (one per distinct proposed ID), the usable accepted contexts, and the role replies. */
    record Result(List<PresentationContextAc> items, List<PresentationContext> accepted, List<RoleSelection> roles) {
    }

    private final Map<String, List<String>> supported;
    private final Map<String, RolePolicy> rolePolicies;

    PresentationContextNegotiator(Map<String, List<String>> supported, Map<String, RolePolicy> rolePolicies) {
        this.supported = supported;
        this.rolePolicies = rolePolicies;
    }

    Result negotiate(List<PresentationContextRq> proposed, List<RoleSelection> proposedRoles) {
        Map<String, RoleSelection> replies = roleReplies(proposedRoles);
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
                items.add(PresentationContextAc.rejected(rq.id(), PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED));
                continue;
            }
            String chosen = firstProposed(ours, rq.transferSyntaxes());
            if (chosen == null) {
                items.add(PresentationContextAc.rejected(rq.id(),
                        PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED));
                continue;
            }
            RoleSelection role = replies.get(rq.abstractSyntax());
            boolean requestorScu = role == null || role.scuRole();
            boolean requestorScp = role != null && role.scpRole();
            if (!requestorScu && !requestorScp) {
                // Every role the requestor proposed was refused: the context has no use.
                items.add(PresentationContextAc.rejected(rq.id(), PresentationContextAc.USER_REJECTION));
                continue;
            }
            items.add(PresentationContextAc.accepted(rq.id(), chosen));
            accepted.add(new PresentationContext(rq.id(), rq.abstractSyntax(), chosen, requestorScu, requestorScp));
        }
        return new Result(List.copyOf(items), List.copyOf(accepted), List.copyOf(replies.values()));
    }

    /**
     * PS3.7 D.3.3.4: the acceptor answers each proposed role with 1 only if it was proposed and is
     * accepted. SOP classes without a policy get no reply item, which means the default roles.
     */
    private Map<String, RoleSelection> roleReplies(List<RoleSelection> proposedRoles) {
        Map<String, RoleSelection> replies = new LinkedHashMap<>();
        for (RoleSelection proposal : proposedRoles) {
            RolePolicy policy = rolePolicies.get(proposal.sopClassUid());
            if (policy != null && supported.containsKey(proposal.sopClassUid())) {
                replies.putIfAbsent(proposal.sopClassUid(), new RoleSelection(proposal.sopClassUid(),
                        proposal.scuRole() && policy.acceptScuRole(), proposal.scpRole() && policy.acceptScpRole()));
            }
        }
        return replies;
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
