package org.netdicom.core.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.netdicom.core.dul.UpperLayer;

/**
 * Sends DIMSE messages as P-DATA-TF PDUs of one PDV each, command first, then the data set, each
 * fragment as large as the peer's maximum PDU length allows (PS3.8 9.3.5 and Annex E). A streamed
 * data set is read one fragment ahead, so that the last fragment is known when it is sent, and
 * never held whole.
 * <p>
 * Every fragment has an even length: DCMTK aborts the association on an odd one (citing PS3.7
 * Annex F of 2000: message fragments hold whole 16-bit words). An uncompressed data set is of even
 * length anyway; a deflated one (PS3.5 A.5) need not be, and gets a trailing 0x00, as DCMTK's
 * sender adds.
 */
public final class MessageSender {

    /** Message control header bits (PS3.8 E.2). */
    private static final int COMMAND = 0x01;
    private static final int LAST = 0x02;
    /** A PDV item adds 6 bytes to its data: item length (4), context ID (1), control header (1). */
    private static final int PDV_OVERHEAD = 6;
    /** Fragment size of a streamed data set when the peer takes PDUs of any length. */
    private static final int UNLIMITED_STREAM_CHUNK = 1 << 20;

    private final UpperLayer upperLayer;

    public MessageSender(UpperLayer upperLayer) {
        this.upperLayer = upperLayer;
    }

    public void send(int contextId, CommandSet command, OutgoingDataSet dataSet) throws IOException {
        byte[] encoded = command.encode();
        // Only the message's last PDU is flushed: the others may share a write (UpperLayer's buffer).
        fragment(contextId, COMMAND, encoded, dataSet == null);
        if (dataSet == null) {
            return;
        }
        if (dataSet.bytes() != null) {
            fragment(contextId, 0, dataSet.bytes(), true);
        } else {
            try (InputStream in = dataSet.open()) {
                stream(contextId, in);
            }
        }
    }

    /** The fragment size: even, at most what the peer's maximum PDU length leaves for data. */
    private int chunk(int unlimited) {
        int peerMax = upperLayer.peerMaxPduLength();
        return peerMax == 0 ? unlimited : Math.max(2, (peerMax - PDV_OVERHEAD) & ~1);
    }

    private void fragment(int contextId, int control, byte[] data, boolean flushAtEnd) throws IOException {
        if ((data.length & 1) != 0) {
            data = Arrays.copyOf(data, data.length + 1); // a deflated data set: pad with 0x00
        }
        int chunk = chunk(Math.max(data.length, 2));
        int offset = 0;
        do {
            int length = Math.min(chunk, data.length - offset);
            boolean last = offset + length == data.length;
            upperLayer.sendData(contextId, control | (last ? LAST : 0), data, offset, length, last && flushAtEnd);
            offset += length;
        } while (offset < data.length);
    }

    private void stream(int contextId, InputStream in) throws IOException {
        int chunk = chunk(UNLIMITED_STREAM_CHUNK);
        byte[] current = new byte[chunk];
        byte[] next = new byte[chunk];
        int currentLength = in.readNBytes(current, 0, chunk);
        while (true) {
            int nextLength = currentLength < chunk ? 0 : in.readNBytes(next, 0, chunk);
            boolean last = nextLength == 0;
            if ((currentLength & 1) != 0) {
                current[currentLength++] = 0; // a deflated data set: pad with 0x00; room, as chunk is even
            }
            upperLayer.sendData(contextId, last ? LAST : 0, current, 0, currentLength, last);
            if (last) {
                return;
            }
            byte[] swap = current;
            current = next;
            next = swap;
            currentLength = nextLength;
        }
    }
}
