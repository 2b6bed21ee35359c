package org.netdicom.core.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** EVT_N_DELETE: an N-DELETE-RQ (PS3.7 10.1.6) asks the SCP to delete a SOP instance. */
@ProviderType
public interface NDeleteEvent extends NServiceEvent {
}
