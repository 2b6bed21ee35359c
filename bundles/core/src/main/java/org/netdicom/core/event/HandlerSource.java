package org.netdicom.core.event;

import java.util.List;

import org.netdicom.core.api.event.EventType;

/**
 * Where a {@link HandlerRegistry} looks for the handlers it does not hold itself: the registry of
 * its server, and at the root the handlers of the container (the OSGi whiteboard).
 */
public interface HandlerSource {

    /** True if any notification handler here receives {@code type}. */
    boolean wants(EventType type);

    /** The notification bindings of {@code type}, in delivery order. */
    List<HandlerRegistry.Binding> notifications(EventType type);

    /** The intervention binding that wins for {@code type}, or null. */
    HandlerRegistry.Binding intervention(EventType type);
}
