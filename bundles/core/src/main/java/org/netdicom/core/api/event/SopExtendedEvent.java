package org.netdicom.core.api.event;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** EVT_SOP_EXTENDED: the SOP Class Extended Negotiation items of the request (may be empty). */
@ProviderType
public interface SopExtendedEvent extends Event {

    /** SOP Class UID to its service-class-application-information (copies). */
    Map<String, byte[]> applicationInformation();
}
