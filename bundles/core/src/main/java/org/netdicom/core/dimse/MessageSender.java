package org.netdicom.core.dimse;

import java.io.IOException;

import org.netdicom.core.dul.UpperLayer;

/**
 * Sends DIMSE messages as P-DATA-TF PDUs of one PDV each, command first, then the data set, each
 * fragment as large as the peer's maximum PDU length allows (PS3.8 9.3.5 and Annex E).
 */
public final class MessageSender {

    /** Message control header bits (PS3.8 E.2). */
    private static final int COMMAND = 0x01;
    private static final int LAST = 0x02;
    /** A PDV item adds 6 bytes to its data: item length (4), context ID (1), control header (1). */
    private static final int PDV_OVERHEAD = 6;

    private final UpperLayer upperLayer;

    public MessageSender(UpperLayer upperLayer) {
        this.upperLayer = upperLayer;
    }

    public void send(int contextId, CommandSet command, byte[] dataSet) throws IOException {
        byte[] encoded = command.encode();
        fragment(contextId, COMMAND, encoded);
        if (dataSet != null) {
            fragment(contextId, 0, dataSet);
        }
    }

    private void fragment(int contextId, int control, byte[] data) throws IOException {
        int peerMax = upperLayer.peerMaxPduLength();
        int chunk = peerMax == 0 ? Math.max(data.length, 1) : Math.max(1, peerMax - PDV_OVERHEAD);
        int offset = 0;
        do {
            int length = Math.min(chunk, data.length - offset);
            boolean last = offset + length == data.length;
            upperLayer.sendData(contextId, control | (last ? LAST : 0), data, offset, length);
            offset += length;
        } while (offset < data.length);
    }
}
