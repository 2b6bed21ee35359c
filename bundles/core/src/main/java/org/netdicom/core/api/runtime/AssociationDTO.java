package org.netdicom.core.api.runtime;

import org.osgi.dto.DTO;

/** One connection a server serves. */
public class AssociationDTO extends DTO {

    /** The peer's AE title, empty before its A-ASSOCIATE-RQ arrived. */
    public String callingAeTitle;
    /** The AE title the peer called. */
    public String calledAeTitle;
    public String remoteAddress;
    public int remotePort;
    /** When the connection was accepted (epoch milliseconds). */
    public long connectedAt;
    /** When the association was accepted (epoch milliseconds), 0 if it is not (yet). */
    public long establishedAt;
    public boolean established;
    /** Presentation contexts accepted. */
    public int acceptedContexts;
}
