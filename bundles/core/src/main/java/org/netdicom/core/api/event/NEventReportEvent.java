package org.netdicom.core.api.event;

import java.io.IOException;

import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * EVT_N_EVENT_REPORT: an N-EVENT-REPORT-RQ (PS3.7 10.1.1) reports an event about a SOP instance. It
 * is sent by the SCP of the SOP class to the SCU, so it arrives on either side of an association:
 * at an SCU that requested the association (a Storage Commitment result on the association of its
 * N-ACTION, PS3.4 J.3.3; a printer status) or at an acceptor that took the SCU role (the result
 * arrives on a new association that the Storage Commitment SCP requested).
 */
@ProviderType
public interface NEventReportEvent extends NServiceEvent {

    /** Event Type ID (0000,1002), as the SOP class defines it in PS3.4. */
    int eventTypeId();

    /**
     * Event Information, decoded on the first call; empty if the request had none.
     *
     * @throws IOException if the data set cannot be decoded
     */
    Dataset eventInformation() throws IOException;
}
