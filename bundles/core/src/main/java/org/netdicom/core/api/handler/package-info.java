/**
 * The handlers of association events: interfaces that applications and plugin bundles implement
 * (consumer types). {@link org.netdicom.core.api.handler.DicomEventHandler} is the type plugin
 * bundles register as an OSGi service; each event's handler interface extends it and documents the
 * contract: what the handler receives, what it returns, and what happens when it throws.
 */
@Export
@Version("0.3.0")
package org.netdicom.core.api.handler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
