package org.netdicom.core.api.runtime;

import org.osgi.dto.DTO;

/** One listening server: its address, its associations, what it has served and who handles its events. */
public class ServerDTO extends DTO {

    /** {@value} : accepting associations. */
    public static final String STATE_LISTENING = "LISTENING";
    /** {@value} : closed while the snapshot was taken. */
    public static final String STATE_CLOSED = "CLOSED";

    public String aeTitle;
    /** The bound address, e.g. {@code 0.0.0.0}. */
    public String bind;
    public int port;
    /** True if the server only speaks TLS. */
    public boolean tls;
    /** {@link #STATE_LISTENING} or {@link #STATE_CLOSED}. */
    public String state;
    /** When it started listening (epoch milliseconds). */
    public long startedAt;
    public int maximumAssociations;

    /** The connections open right now, negotiating or established. */
    public AssociationDTO[] associations;

    /** Associations accepted since the server started. */
    public long associationsAccepted;
    /** Associations rejected (A-ASSOCIATE-RJ) since the server started. */
    public long associationsRejected;
    /** Established associations that ended by an abort or a lost connection. */
    public long associationsAborted;
    /** DIMSE messages received. */
    public long messagesReceived;

    /**
     * Per event that has a handler somewhere in the container (or bound in code on this server):
     * who gets it on this server.
     */
    public EventRoutingDTO[] events;
}
