package org.netdicom.core.dimse;

import java.io.IOException;

/**
 * A complete DIMSE message received: its presentation context, command set and encoded data set
 * (null when the command says there is none). When the data set could not be kept (a spool file
 * that could not be written), {@code dataSetFailure} says why and {@code dataSet} is null: the
 * message is still answered, with a failure status, and the association goes on.
 */
public record DimseMessage(int contextId, CommandSet command, ReceivedDataSet dataSet, IOException dataSetFailure) {

    public DimseMessage(int contextId, CommandSet command, ReceivedDataSet dataSet) {
        this(contextId, command, dataSet, null);
    }

    /** Deletes a spooled data set; call when the message has been handled. */
    public void discard() {
        if (dataSet != null) {
            dataSet.close();
        }
    }

    @Override
    public String toString() {
        return command + " on context " + contextId + (dataSet == null ? "" : " with " + dataSet + " of data set");
    }
}
