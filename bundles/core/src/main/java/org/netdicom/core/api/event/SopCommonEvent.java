package org.netdicom.core.api.event;

import java.util.Map;

import org.netdicom.core.pdu.SopClassCommonExtendedNegotiation;
import org.osgi.annotation.versioning.ProviderType;

/** EVT_SOP_COMMON: the SOP Class Common Extended Negotiation items of the request (may be empty). */
@ProviderType
public interface SopCommonEvent extends Event {

    /** SOP Class UID to its item. */
    Map<String, SopClassCommonExtendedNegotiation> items();
}
