package org.netdicom.core.api.runtime;

import org.osgi.dto.DTO;

/** A {@code DicomEventHandler} service in use, and what happened to it so far. */
public class HandlerDTO extends DTO {

    public long serviceId;
    public long bundleId;
    public String bundleSymbolicName;
    /** The DS component's {@code component.name}, null for a service registered in code. */
    public String componentName;
    /** {@code service.ranking} as it counts (an Integer, else 0). */
    public int ranking;
    /** The events it handles ({@code EVT_...}), sorted. */
    public String[] events;
    /** Its {@code ae.title} routing property; empty for every server. */
    public String[] aeTitles;
    /** Its {@code server.target} filter, or null. */
    public String serverTarget;

    /** Events delivered to it. */
    public long calls;
    /** Calls that threw. */
    public long errors;
    /** The last exception it threw ({@code toString()}), or null. */
    public String lastError;
    /** When it threw it (epoch milliseconds), 0 if never. */
    public long lastErrorAt;
    /** Intervention operations running on it right now. */
    public int runningOperations;
    /** Notification events waiting for its delivery thread. */
    public int queuedNotifications;
    /** Notification events dropped because its queue was full. */
    public long droppedNotifications;
}
