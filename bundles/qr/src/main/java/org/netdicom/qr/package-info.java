/**
 * The Query/Retrieve SCP over the archive's index: {@link org.netdicom.qr.QueryRetrieveScp}
 * answers C-FIND, C-GET and C-MOVE of Patient Root, Study Root and Patient/Study Only (and C-GET,
 * C-MOVE of Composite Instance Root) from an {@link org.netdicom.index.InstanceIndex} and the files
 * under a storage root; {@link org.netdicom.qr.MoveDestinations} resolves C-MOVE destinations. Plain
 * Java, bound with {@code EventBindings}; in the container a component of this bundle registers it
 * on the whiteboard (configuration PID {@code org.netdicom.qr}).
 */
@Export
@Version("0.1.0")
package org.netdicom.qr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
