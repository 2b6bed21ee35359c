package org.netdicom.core.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** EVT_N_GET: an N-GET-RQ (PS3.7 10.1.2) asks for attribute values of a SOP instance. */
@ProviderType
public interface NGetEvent extends NServiceEvent {

    /**
     * Attribute Identifier List (0000,1005): the tags ({@code 0xGGGGEEEE}) whose values are asked
     * for; empty means all attributes the SOP class defines (PS3.7 10.1.2.1.3).
     */
    int[] attributeIdentifiers();
}
