package org.netdicom.core.api.event;

import java.io.IOException;

import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * EVT_N_CREATE: an N-CREATE-RQ (PS3.7 10.1.5) asks the SCP to create a SOP instance, e.g. a
 * Modality Performed Procedure Step or a Basic Film Session. {@link #sopInstanceUid()} is null
 * when the requestor leaves the UID to the SCP: then a successful answer must name the UID it
 * assigned.
 */
@ProviderType
public interface NCreateEvent extends NServiceEvent {

    /**
     * Attribute List: the initial attribute values, decoded on the first call; empty if the
     * request had none.
     *
     * @throws IOException if the data set cannot be decoded
     */
    Dataset attributeList() throws IOException;
}
