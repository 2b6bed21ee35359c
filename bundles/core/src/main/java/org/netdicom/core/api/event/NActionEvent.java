package org.netdicom.core.api.event;

import java.io.IOException;

import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * EVT_N_ACTION: an N-ACTION-RQ (PS3.7 10.1.4) asks the SCP to perform an action on a SOP instance,
 * e.g. Storage Commitment's "Request Storage Commitment" (action type 1, PS3.4 J.3.2).
 */
@ProviderType
public interface NActionEvent extends NServiceEvent {

    /** Action Type ID (0000,1008), as the SOP class defines it in PS3.4. */
    int actionTypeId();

    /**
     * Action Information, decoded on the first call; empty if the request had none.
     *
     * @throws IOException if the data set cannot be decoded
     */
    Dataset actionInformation() throws IOException;
}
