package org.netdicom.core.api.event;

import org.netdicom.core.api.ApplicationEntity;
import org.osgi.annotation.versioning.ProviderType;

/**
 * EVT_C_MOVE: a C-MOVE-RQ arrived (the same information models as C-GET, except Composite
 * Instance Retrieve Without Bulk Data). The sub-operations go to the move destination over a new
 * association that netdicom opens and releases: called AE title = {@link #moveDestination()},
 * calling AE title = ours; each C-STORE carries the Move Originator AE Title and Message ID
 * (PS3.7 9.3.1.1). The handler resolves the move destination's address and calls
 * {@link #destination} first of all.
 */
@ProviderType
public interface CMoveEvent extends RetrieveEvent {

    /** Move Destination (0000,0600): the AE title to send the instances to, without trailing spaces. */
    String moveDestination();

    /**
     * Says where the move destination listens. The association is opened when the first instance
     * is stored, proposing that instance's SOP class first, then the standard storage SOP classes
     * of PS3.6 (up to the 128 presentation contexts an association can carry), each with Explicit
     * and Implicit VR Little Endian (and a stored file's own transfer syntax for its SOP class);
     * netdicom's own timeouts and TLS settings apply. An instance that association cannot carry
     * (its SOP class not proposed or not accepted, or only in a syntax its file does not convert
     * to) goes over another association that proposes its SOP class (up to eight more per
     * C-MOVE); one the destination refuses there too fails its sub-operation with 0x0122. Use
     * {@link #destination(String, int, ApplicationEntity)} to choose the contexts.
     * <p>
     * If the association cannot be opened, every announced sub-operation fails and the request is
     * answered 0xA801 (Move destination unknown), as when the handler never calls this method.
     *
     * @throws IllegalStateException if called twice or after a {@code store}
     */
    void destination(String host, int port);

    /**
     * As {@link #destination(String, int)}, opening the association with {@code requestor}: its AE
     * title is the calling AE title, and its requested contexts, roles, timeouts and TLS settings
     * are used.
     */
    void destination(String host, int port, ApplicationEntity requestor);

    /**
     * A new requestor as {@link #destination(String, int)} would open the association with: this
     * server's AE title and settings (maximum PDU length, timeouts, TLS, handler logging), but no
     * presentation contexts. Add the contexts the instances need, change what should differ (say
     * {@code tls(null)} for a destination without TLS) and pass it to
     * {@link #destination(String, int, ApplicationEntity)}.
     */
    ApplicationEntity requestor();
}
