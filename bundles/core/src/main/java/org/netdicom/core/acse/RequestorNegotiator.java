package org.netdicom.core.acse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.netdicom.core.api.Implementation;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.PresentationContextAc;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.RoleSelection;
import org.netdicom.core.pdu.UserInformation;

/**
 * The requestor's side of association negotiation: builds the A-ASSOCIATE-RQ (context IDs 1, 3,
 * 5, ... in the order requested, PS3.8 9.3.2.2) and reads the accepted contexts out of the AC.
 */
public final class RequestorNegotiator {

    /** PS3.8 9.3.2.2: IDs are odd numbers 1-255, so at most 128 contexts. */
    public static final int MAX_CONTEXTS = 128;

    private final List<PresentationContextRq> proposed;
    private final List<RoleSelection> roles;

    /**
     * @param requested abstract syntax and transfer syntaxes, one entry per context to propose
     * @param roles     SCP/SCU role selection items to propose (PS3.7 D.3.3.4)
     */
    public RequestorNegotiator(List<Map.Entry<String, List<String>>> requested, List<RoleSelection> roles) {
        this.roles = List.copyOf(roles);
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("no presentation context requested");
        }
        if (requested.size() > MAX_CONTEXTS) {
            throw new IllegalArgumentException(requested.size() + " presentation contexts requested, at most "
                    + MAX_CONTEXTS + " fit in an association");
        }
        List<PresentationContextRq> list = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            Map.Entry<String, List<String>> e = requested.get(i);
            list.add(new PresentationContextRq(2 * i + 1, e.getKey(), List.copyOf(e.getValue())));
        }
        this.proposed = List.copyOf(list);
    }

    public AAssociateRq request(String callingAeTitle, String calledAeTitle, int maxPduLength) {
        return new AAssociateRq(1, calledAeTitle, callingAeTitle, AcceptorNegotiator.DICOM_APPLICATION_CONTEXT,
                proposed, new UserInformation(maxPduLength, Implementation.CLASS_UID, Implementation.VERSION_NAME, null,
                        roles, List.of(), List.of(), null, null, List.of()));
    }

    /**
     * The contexts accepted in {@code ac}, with their roles. An acceptance naming an ID we did not
     * propose, or a transfer syntax we did not offer for it, is not an agreement and is left out, as
     * is a context on which the acceptor refused every role we proposed.
     */
    public List<PresentationContext> accepted(AAssociateAc ac) {
        Map<String, RoleSelection> replies = new HashMap<>();
        if (ac.userInformation() != null) {
            ac.userInformation().roleSelections().forEach(r -> replies.putIfAbsent(r.sopClassUid(), r));
        }
        List<PresentationContext> accepted = new ArrayList<>();
        for (PresentationContextAc item : ac.presentationContexts()) {
            if (item.result() != PresentationContextAc.ACCEPTANCE) {
                continue;
            }
            for (PresentationContextRq rq : proposed) {
                if (rq.id() == item.id() && rq.transferSyntaxes().contains(item.transferSyntax())) {
                    RoleSelection reply = proposedRole(rq.abstractSyntax()) ? replies.get(rq.abstractSyntax()) : null;
                    boolean scu = reply == null || reply.scuRole();
                    boolean scp = reply != null && reply.scpRole();
                    if (scu || scp) {
                        accepted.add(new PresentationContext(rq.id(), rq.abstractSyntax(), item.transferSyntax(), scu,
                                scp));
                    }
                }
            }
        }
        return List.copyOf(accepted);
    }

    private boolean proposedRole(String sopClassUid) {
        for (RoleSelection role : roles) {
            if (role.sopClassUid().equals(sopClassUid)) {
                return true;
            }
        }
        return false;
    }
}
