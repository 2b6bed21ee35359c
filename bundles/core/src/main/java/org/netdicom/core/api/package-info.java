/**
 * The netdicom network API: an {@link org.netdicom.core.api.ApplicationEntity} that starts
 * {@link org.netdicom.core.api.AssociationServer}s, and the values they are configured with.
 * Plain Java, usable outside OSGi; the engine behind it lives in the core bundle's private packages.
 */
@Export
@Version("0.1.0")
package org.netdicom.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
