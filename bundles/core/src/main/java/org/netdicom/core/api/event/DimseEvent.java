package org.netdicom.core.api.event;

import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/** EVT_DIMSE_RECV and EVT_DIMSE_SENT: a DIMSE message, complete on receipt or about to be sent. */
@ProviderType
public interface DimseEvent extends Event {

    int contextId();

    /** Command Field (0000,0100). */
    int commandField();

    /** A readable name such as {@code C-ECHO-RQ}. */
    String commandName();

    /** Message ID (0000,0110) of a request, Message ID Being Responded To (0000,0120) of a response. */
    int messageId();

    /** Status (0000,0900) of a response, -1 for a request. */
    int status();

    boolean hasDataSet();

    /**
     * The whole command set (group 0000): every field of the message, e.g. Affected SOP Instance
     * UID, Priority, Error Comment or the sub-operation counts. The data set is not part of the
     * event: it may be gigabytes and is handed to the intervention event instead.
     */
    Dataset command();
}
