package org.netdicom.core.api.event;

import org.netdicom.core.api.PresentationContext;
import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the events of the DIMSE-N services (PS3.7 10) have in common: EVT_N_EVENT_REPORT, EVT_N_GET,
 * EVT_N_SET, EVT_N_ACTION, EVT_N_CREATE and EVT_N_DELETE. The request was checked before the handler
 * is called: its SOP class belongs to the presentation context (or is carried by it, see
 * {@link #sopClassUid()}), the SOP class defines the operation, and the SOP instance is named where
 * PS3.7 requires it. A data set the request carries is decoded on first access, in the context's
 * transfer syntax; a request without one gives an empty data set. Everything here is valid only
 * while the handler runs.
 */
@ProviderType
public interface NServiceEvent extends Event {

    /** The presentation context the request arrived on. */
    PresentationContext context();

    /** Message ID (0000,0110) of the request. */
    int messageId();

    /**
     * The SOP class the request names: Affected SOP Class UID (0000,0002) of an N-CREATE or
     * N-EVENT-REPORT, Requested SOP Class UID (0000,0003) of the others. It may differ from the
     * context's abstract syntax: a Print Management meta SOP class context carries the film
     * session, film box, image box and printer SOP classes (PS3.4 H.3), and every UPS context the
     * UPS Push SOP class of the worklist items (PS3.4 CC.3.1).
     */
    String sopClassUid();

    /**
     * The SOP instance the request names: Affected SOP Instance UID (0000,1000) of an N-CREATE or
     * N-EVENT-REPORT, Requested SOP Instance UID (0000,1001) of the others. Null only for an
     * N-CREATE that leaves the UID to the SCP.
     */
    String sopInstanceUid();

    /** The request's command set (group 0000) as received. */
    Dataset command();
}
