package org.netdicom.core.api.runtime;

import org.osgi.dto.DTO;

/** A valid handler of an intervention event that does not answer on a server, and why. */
public class ShadowedHandlerDTO extends DTO {

    public long serviceId;
    /** The service that wins instead, or -1 when a handler bound in code on the server does. */
    public long shadowedBy;
    /** E.g. "ranking 0 below 10 of service 42". */
    public String reason;
}
