package org.netdicom.core.api.runtime;

import org.osgi.dto.DTO;

/** The whole runtime at one moment. */
public class RuntimeDTO extends DTO {

    /** When the snapshot was taken (epoch milliseconds). */
    public long timestamp;

    /** The servers listening in this JVM, by port. */
    public ServerDTO[] servers;

    /** The {@code DicomEventHandler} services in use (valid properties), best first. */
    public HandlerDTO[] handlers;

    /** The {@code DicomEventHandler} services left out, with the reason. */
    public FailedHandlerDTO[] failedHandlers;
}
