package org.netdicom.core.association;

import org.netdicom.core.api.AssociationException;
import org.netdicom.core.dimse.DimseMessage;

/** A request of ours that waits for its response(s), found by Message ID when one arrives. */
interface Outstanding {

    /** A response to the request arrived (on the thread that read it). */
    void deliver(DimseMessage response);

    /** The association ended before the last response. */
    void fail(AssociationException reason);
}
