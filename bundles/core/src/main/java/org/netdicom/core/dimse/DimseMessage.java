package org.netdicom.core.dimse;

/**
 * A complete DIMSE message received or to send: its presentation context, command set and the
 * encoded data set, or null when the command says there is none.
 */
public record DimseMessage(int contextId, CommandSet command, byte[] dataSet) {

    @Override
    public String toString() {
        return command + " on context " + contextId + (dataSet == null ? "" : " with " + dataSet.length + " bytes of data set");
    }
}
