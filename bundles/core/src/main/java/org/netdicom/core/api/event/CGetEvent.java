package org.netdicom.core.api.event;

import org.osgi.annotation.versioning.ProviderType;

/**
 * EVT_C_GET: a C-GET-RQ arrived (Query/Retrieve, Composite Instance Root, Composite Instance
 * Retrieve Without Bulk Data, Hanging Protocol, Color Palette, Implant Template, Defined Procedure
 * Protocol, Protocol Approval, Inventory). The sub-operations are C-STOREs to the requestor on this
 * association: it must have proposed, and we accepted, the SCP role for each storage SOP class
 * (PS3.7 D.3.3.4; {@code ApplicationEntity.acceptRoles}). For Composite Instance Retrieve Without
 * Bulk Data the bulk data elements (pixel data, overlay, curve, audio, spectroscopy, waveform data,
 * encapsulated documents; PS3.4 Annex Z) are removed before each instance is sent.
 */
@ProviderType
public interface CGetEvent extends RetrieveEvent {
}
