package org.netdicom.core.api.event;

import org.netdicom.core.pdu.Pdu;
import org.osgi.annotation.versioning.ProviderType;

/** EVT_PDU_RECV and EVT_PDU_SENT. */
@ProviderType
public interface PduEvent extends Event {

    Pdu pdu();
}
