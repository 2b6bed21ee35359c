package org.netdicom.core.acse;

import static org.netdicom.core.pdu.AAssociateRj.*;

import java.util.List;

import org.netdicom.core.api.Implementation;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.RoleSelection;
import org.netdicom.core.pdu.UserInformation;

/**
 * Decides on an A-ASSOCIATE-RQ as the acceptor: application context, called and calling AE titles,
 * the association limit, then the presentation contexts. An association whose contexts are all
 * rejected is still accepted, as the standard allows; the requestor decides what to do with it.
 */
public final class AcceptorNegotiator {

    /** The DICOM application context name (PS3.7 A.2.1). */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    private final AcceptorSettings settings;
    private final PresentationContextNegotiator contexts;

    public AcceptorNegotiator(AcceptorSettings settings) {
        this.settings = settings;
        this.contexts = new PresentationContextNegotiator(settings.supportedContexts(), settings.rolePolicies());
    }

    /**
     * @param openAssociations associations of this server already established, not counting this one
     */
    public AssociationDecision decide(AAssociateRq rq, int openAssociations) {
        if (!DICOM_APPLICATION_CONTEXT.equals(rq.applicationContextName())) {
            return reject(RESULT_REJECTED_PERMANENT, SOURCE_SERVICE_USER,
                    REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED,
                    "application context " + rq.applicationContextName() + " is not DICOM's");
        }
        if (settings.requireCalledAeTitle() && !settings.aeTitle().equals(rq.calledAeTitle())) {
            return reject(RESULT_REJECTED_PERMANENT, SOURCE_SERVICE_USER, REASON_CALLED_AE_TITLE_NOT_RECOGNIZED,
                    "called AE title '" + rq.calledAeTitle() + "' is not " + settings.aeTitle());
        }
        if (!settings.allowedCallingAeTitles().isEmpty()
                && !settings.allowedCallingAeTitles().contains(rq.callingAeTitle())) {
            return reject(RESULT_REJECTED_PERMANENT, SOURCE_SERVICE_USER, REASON_CALLING_AE_TITLE_NOT_RECOGNIZED,
                    "calling AE title '" + rq.callingAeTitle() + "' is not allowed");
        }
        if (openAssociations >= settings.maximumAssociations()) {
            return reject(RESULT_REJECTED_TRANSIENT, SOURCE_SERVICE_PROVIDER_PRESENTATION,
                    REASON_LOCAL_LIMIT_EXCEEDED,
                    "already " + openAssociations + " associations open (maximum " + settings.maximumAssociations() + ")");
        }
        List<RoleSelection> proposedRoles = rq.userInformation() == null ? List.of()
                : rq.userInformation().roleSelections();
        PresentationContextNegotiator.Result negotiated = contexts.negotiate(rq.presentationContexts(), proposedRoles);
        UserInformation userInfo = new UserInformation(settings.maximumPduLength(), Implementation.CLASS_UID,
                Implementation.VERSION_NAME, null, negotiated.roles(), List.of(), List.of(), null, null, List.of());
        AAssociateAc ac = new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), DICOM_APPLICATION_CONTEXT,
                negotiated.items(), userInfo);
        long peerMax = rq.userInformation() == null ? 0 : rq.userInformation().maxLength();
        return new AssociationDecision.Accept(ac, negotiated.accepted(), peerMax);
    }

    private static AssociationDecision reject(int result, int source, int reason, String why) {
        return new AssociationDecision.Reject(new AAssociateRj(result, source, reason), why);
    }
}
