package org.netdicom.core.api.event;

import java.time.Instant;
import java.util.List;

import org.netdicom.core.api.Association;
import org.osgi.annotation.versioning.ProviderType;

/** Something that happened in an association; handlers receive it. */
@ProviderType
public interface Event {

    EventType type();

    /** When netdicom created the event. */
    Instant timestamp();

    /** The association it happened in (for connection events, before negotiation, too). */
    Association association();

    /** The extra arguments the receiving handler was bound with; empty if none. */
    List<Object> arguments();
}
