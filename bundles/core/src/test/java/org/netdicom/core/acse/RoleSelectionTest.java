package org.netdicom.core.acse;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.PresentationContextAc;
import org.netdicom.core.pdu.RoleSelection;

/**
 * SCP/SCU role selection (PS3.7 D.3.3.4) for every combination of proposed roles and acceptor
 * policy, on both sides: the acceptor's reply item and outcome, and the requestor's reading of it.
 */
class RoleSelectionTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT = "1.2.840.10008.1.2";

    @ParameterizedTest(name = "proposed scu={0} scp={1}, policy {2} -> reply {3}, requestor scu={4} scp={5}")
    @CsvSource({
            // proposed | acceptor policy | reply item | requestor's roles ("-" = context rejected)
            "true,  false, none,        none,        true,  false",
            "false, true,  none,        none,        true,  false",
            "true,  true,  none,        none,        true,  false",
            "true,  false, false/false, false/false, -,     -",
            "true,  false, true/false,  true/false,  true,  false",
            "true,  false, false/true,  false/false, -,     -",
            "true,  false, true/true,   true/false,  true,  false",
            "false, true,  false/false, false/false, -,     -",
            "false, true,  true/false,  false/false, -,     -",
            "false, true,  false/true,  false/true,  false, true",
            "false, true,  true/true,   false/true,  false, true",
            "true,  true,  false/false, false/false, -,     -",
            "true,  true,  true/false,  true/false,  true,  false",
            "true,  true,  false/true,  false/true,  false, true",
            "true,  true,  true/true,   true/true,   true,  true",
    })
    void negotiatesRolesOnBothSides(boolean proposedScu, boolean proposedScp, String policy, String reply,
            String requestorScu, String requestorScp) {
        Map<String, RolePolicy> policies = policy.equals("none") ? Map.of()
                : Map.of(CT, new RolePolicy(flag(policy, 0), flag(policy, 1)));
        AcceptorNegotiator acceptor = new AcceptorNegotiator(new AcceptorSettings("SCP", Map.of(CT, List.of(IMPLICIT)),
                policies, false, Set.of(), 16384, 10, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(60), LogHandlerLevel.NONE, null, org.netdicom.core.dimse.DimseSettings.DEFAULT));
        RequestorNegotiator requestor = new RequestorNegotiator(List.of(Map.entry(CT, List.of(IMPLICIT))),
                List.of(new RoleSelection(CT, proposedScu, proposedScp)));
        AAssociateRq rq = requestor.request("SCU", "SCP", 16384);

        AssociationDecision.Accept decision = (AssociationDecision.Accept) acceptor.decide(rq, 0);
        AAssociateAc ac = decision.response();

        List<RoleSelection> replies = ac.userInformation().roleSelections();
        if (reply.equals("none")) {
            assertTrue(replies.isEmpty(), "no reply item when the acceptor has no policy");
        } else {
            assertEquals(List.of(new RoleSelection(CT, flag(reply, 0), flag(reply, 1))), replies);
        }
        List<PresentationContext> seenByRequestor = requestor.accepted(ac);
        if (requestorScu.equals("-")) {
            assertEquals(PresentationContextAc.USER_REJECTION, ac.presentationContexts().get(0).result());
            assertTrue(decision.contexts().isEmpty());
            assertTrue(seenByRequestor.isEmpty());
        } else {
            PresentationContext expected = new PresentationContext(1, CT, IMPLICIT, Boolean.parseBoolean(requestorScu),
                    Boolean.parseBoolean(requestorScp));
            assertEquals(List.of(expected), decision.contexts());
            assertEquals(List.of(expected), seenByRequestor);
        }
    }

    private static boolean flag(String pair, int index) {
        return Boolean.parseBoolean(pair.split("/")[index]);
    }
}
