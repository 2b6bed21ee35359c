package org.netdicom.core.acse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.netdicom.core.api.Implementation;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.PresentationContextAc;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.UserInformation;

/**
 * The requestor's side of association negotiation: builds the A-ASSOCIATE-RQ (context IDs 1, 3,
 * 5, ... in the order requested, PS3.8 9.3.2.2) and reads the accepted contexts out of the AC.
 */
public final class RequestorNegotiator {

    /** PS3.8 9.3.2.2: IDs are odd numbers 1-255, so at most 128 contexts. */
    public static final int MAX_CONTEXTS = 128;

    private final List<PresentationContextRq> proposed;

    /** @param requested abstract syntax and transfer syntaxes, one entry per context to propose */
    public RequestorNegotiator(List<Map.Entry<String, List<String>>> requested) {
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
                proposed, UserInformation.of(maxPduLength, Implementation.CLASS_UID, Implementation.VERSION_NAME));
    }

    /**
     * The contexts accepted in {@code ac}. An acceptance naming an ID we did not propose, or a
     * transfer syntax we did not offer for it, is not an agreement and is left out.
     */
    public List<PresentationContext> accepted(AAssociateAc ac) {
        List<PresentationContext> accepted = new ArrayList<>();
        for (PresentationContextAc item : ac.presentationContexts()) {
            if (item.result() != PresentationContextAc.ACCEPTANCE) {
                continue;
            }
            for (PresentationContextRq rq : proposed) {
                if (rq.id() == item.id() && rq.transferSyntaxes().contains(item.transferSyntax())) {
                    accepted.add(new PresentationContext(rq.id(), rq.abstractSyntax(), item.transferSyntax()));
                }
            }
        }
        return List.copyOf(accepted);
    }
}
