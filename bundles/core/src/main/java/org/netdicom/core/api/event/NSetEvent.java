package org.netdicom.core.api.event;

import java.io.IOException;

import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/** EVT_N_SET: an N-SET-RQ (PS3.7 10.1.3) asks to modify attribute values of a SOP instance. */
@ProviderType
public interface NSetEvent extends NServiceEvent {

    /**
     * Modification List: the attributes and their new values (a zero-length value asks to clear
     * one), decoded on the first call.
     *
     * @throws IOException if the data set cannot be decoded (the handler may answer 0x0110, or
     *                     simply let it propagate, which answers the same)
     */
    Dataset modificationList() throws IOException;
}
