package org.netdicom.core.api.event;

import org.netdicom.core.pdu.Pdu;
import org.osgi.annotation.versioning.ProviderType;

/** EVT_ACSE_RECV and EVT_ACSE_SENT: a primitive between ACSE and the Upper Layer (PS3.8 7). */
@ProviderType
public interface AcseEvent extends Event {

    /** {@code A-ASSOCIATE}, {@code A-RELEASE}, {@code A-ABORT} or {@code A-P-ABORT}. */
    String primitive();

    /** The PDU that carries the primitive, or null for an A-P-ABORT of a closed connection. */
    Pdu pdu();
}
