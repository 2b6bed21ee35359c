/**
 * The event whiteboard (OSGi only): {@link org.netdicom.core.whiteboard.HandlerWhiteboard} tracks
 * {@code DicomEventHandler} services and gives every server of the container its handlers through
 * {@code event.ContainerHandlers}; the rules are in docs/whiteboard.md.
 * {@link org.netdicom.core.whiteboard.WhiteboardRuntime} is the {@code NetdicomRuntime} service
 * that reports the servers, their associations and counters, and the routing of every event.
 * The bundle provides the {@code osgi.whiteboard} capability {@code netdicom}, which handler bundles require (the
 * {@code HandlesEvent} annotation adds the requirement), so that they resolve only where the core
 * is. Not exported.
 */
@Capability(namespace = "osgi.whiteboard", name = "netdicom", version = "0.1.0",
        uses = org.netdicom.core.api.handler.DicomEventHandler.class)
package org.netdicom.core.whiteboard;

import org.osgi.annotation.bundle.Capability;
