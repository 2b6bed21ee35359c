/**
 * The runtime report of a netdicom container: the {@link org.netdicom.core.api.runtime.NetdicomRuntime}
 * service (registered by the core's event whiteboard) answers with a snapshot made of plain data
 * transfer objects, in the manner of the OSGi Http Whiteboard's {@code HttpServiceRuntime}: the
 * listening servers with their associations and counters, which handler each event goes to on each
 * server and which ones are shadowed, and the handler services that cannot be used and why.
 * The DTOs are snapshots with public fields: reading them never touches the engine.
 */
@Export
@Version("0.1.0")
package org.netdicom.core.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
