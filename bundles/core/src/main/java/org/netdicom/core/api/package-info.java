/**
 * The netdicom network API: an {@link org.netdicom.core.api.ApplicationEntity} that starts
 * {@link org.netdicom.core.api.AssociationServer}s, the values they are configured with, and the
 * DIMSE {@link org.netdicom.core.api.Status} with what the standard says each code means, in
 * general and per {@link org.netdicom.core.api.ServiceClass}.
 * Plain Java, usable outside OSGi; the engine behind it lives in the core bundle's private packages.
 */
@Export
@Version("0.4.0")
package org.netdicom.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
