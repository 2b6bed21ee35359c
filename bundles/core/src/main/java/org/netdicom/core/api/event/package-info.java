/**
 * The events of an association: their {@link org.netdicom.core.api.event.EventType types} and the
 * event objects handed to handlers. Event objects are made by netdicom (provider types); handlers
 * implement the interfaces of {@code org.netdicom.core.api.handler}.
 */
@Export
@Version("0.7.0")
package org.netdicom.core.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
