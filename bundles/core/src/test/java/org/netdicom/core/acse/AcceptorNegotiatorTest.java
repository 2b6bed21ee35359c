package org.netdicom.core.acse;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.pdu.AAssociateRj.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.PresentationContextAc;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.UserInformation;

class AcceptorNegotiatorTest {

    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String BIG = "1.2.840.10008.1.2.2";

    private static AcceptorSettings settings(boolean requireCalled, Set<String> calling, int maxAssociations) {
        return new AcceptorSettings("NETDICOM", Map.of(VERIFICATION, List.of(EXPLICIT, IMPLICIT), CT, List.of(IMPLICIT)),
                Map.of(CT, new RolePolicy(false, true)), requireCalled,
                calling, 16384, maxAssociations, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), LogHandlerLevel.STANDARD, null,
                org.netdicom.core.dimse.DimseSettings.DEFAULT);
    }

    private static AAssociateRq request(String called, String calling, String appContext, PresentationContextRq... pcs) {
        return new AAssociateRq(1, called, calling, appContext, List.of(pcs),
                UserInformation.of(32768, "1.2.3", "PEER"));
    }

    private static AAssociateRq echoRequest(String called, String calling) {
        return request(called, calling, AcceptorNegotiator.DICOM_APPLICATION_CONTEXT,
                new PresentationContextRq(1, VERIFICATION, List.of(IMPLICIT, EXPLICIT)));
    }

    @Test
    void acceptsWithTheAcceptorsPreferredTransferSyntax() {
        AssociationDecision decision = new AcceptorNegotiator(settings(false, Set.of(), 10))
                .decide(echoRequest("ANY", "SCU"), 0);

        AssociationDecision.Accept accept = assertInstanceOf(AssociationDecision.Accept.class, decision);
        assertEquals(List.of(new PresentationContext(1, VERIFICATION, EXPLICIT)), accept.contexts());
        assertEquals(32768, accept.peerMaxPduLength());
        assertEquals(16384, accept.response().userInformation().maxLength());
        assertEquals("ANY", accept.response().calledAeTitle());
        assertEquals("SCU", accept.response().callingAeTitle());
    }

    @Test
    void rejectsEachContextWithItsReasonButAcceptsTheAssociation() {
        AAssociateRq rq = request("NETDICOM", "SCU", AcceptorNegotiator.DICOM_APPLICATION_CONTEXT,
                new PresentationContextRq(1, MR, List.of(IMPLICIT)),
                new PresentationContextRq(3, VERIFICATION, List.of(BIG)),
                new PresentationContextRq(4, VERIFICATION, List.of(IMPLICIT)),
                new PresentationContextRq(5, VERIFICATION, List.of(BIG, IMPLICIT)),
                new PresentationContextRq(5, VERIFICATION, List.of(EXPLICIT)));

        AssociationDecision.Accept accept = assertInstanceOf(AssociationDecision.Accept.class,
                new AcceptorNegotiator(settings(true, Set.of(), 10)).decide(rq, 0));

        List<PresentationContextAc> items = accept.response().presentationContexts();
        assertEquals(4, items.size(), "one answer per distinct context ID");
        assertEquals(PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED, items.get(0).result());
        assertEquals(PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED, items.get(1).result());
        assertEquals(PresentationContextAc.NO_REASON, items.get(2).result(), "even context ID");
        assertEquals(PresentationContextAc.ACCEPTANCE, items.get(3).result());
        assertEquals(IMPLICIT, items.get(3).transferSyntax());
        assertEquals(List.of(new PresentationContext(5, VERIFICATION, IMPLICIT)), accept.contexts());
    }

    @Test
    void rejectsUnknownCalledAeTitleWhenRequired() {
        AssociationDecision.Reject reject = assertInstanceOf(AssociationDecision.Reject.class,
                new AcceptorNegotiator(settings(true, Set.of(), 10)).decide(echoRequest("OTHER", "SCU"), 0));

        assertEquals(new org.netdicom.core.pdu.AAssociateRj(RESULT_REJECTED_PERMANENT, SOURCE_SERVICE_USER,
                REASON_CALLED_AE_TITLE_NOT_RECOGNIZED), reject.response());
    }

    @Test
    void rejectsCallingAeTitleNotInTheAllowedList() {
        AssociationDecision.Reject reject = assertInstanceOf(AssociationDecision.Reject.class,
                new AcceptorNegotiator(settings(false, Set.of("GOOD"), 10)).decide(echoRequest("NETDICOM", "BAD"), 0));

        assertEquals(REASON_CALLING_AE_TITLE_NOT_RECOGNIZED, reject.response().reason());
        assertEquals(SOURCE_SERVICE_USER, reject.response().source());
        assertInstanceOf(AssociationDecision.Accept.class,
                new AcceptorNegotiator(settings(false, Set.of("GOOD"), 10)).decide(echoRequest("NETDICOM", "GOOD"), 0));
    }

    @Test
    void rejectsTransientlyWhenTheAssociationLimitIsReached() {
        AcceptorNegotiator negotiator = new AcceptorNegotiator(settings(false, Set.of(), 2));

        assertInstanceOf(AssociationDecision.Accept.class, negotiator.decide(echoRequest("N", "S"), 1));
        AssociationDecision.Reject reject = assertInstanceOf(AssociationDecision.Reject.class,
                negotiator.decide(echoRequest("N", "S"), 2));
        assertEquals(RESULT_REJECTED_TRANSIENT, reject.response().result());
        assertEquals(SOURCE_SERVICE_PROVIDER_PRESENTATION, reject.response().source());
        assertEquals(REASON_LOCAL_LIMIT_EXCEEDED, reject.response().reason());
    }

    @Test
    void rejectsForeignApplicationContext() {
        AssociationDecision.Reject reject = assertInstanceOf(AssociationDecision.Reject.class,
                new AcceptorNegotiator(settings(false, Set.of(), 10)).decide(request("N", "S", "1.2.3.4"), 0));

        assertEquals(REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED, reject.response().reason());
    }
}
