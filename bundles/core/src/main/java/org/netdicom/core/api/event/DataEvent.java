package org.netdicom.core.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** EVT_DATA_RECV and EVT_DATA_SENT: the raw bytes of one PDU, header included. */
@ProviderType
public interface DataEvent extends Event {

    /** A copy of the PDU's bytes. */
    byte[] data();
}
