package org.netdicom.core.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.Arrays;

import org.netdicom.core.dul.UpperLayer;

/**
 * Sends DIMSE messages as P-DATA-TF PDUs of one PDV each, command first, then the data set, each
 * fragment as large as the peer's maximum PDU length allows (PS3.8 9.3.5 and Annex E). A streamed
 * data set is read one fragment ahead, so that the last fragment is known when it is sent; a
 * file's goes through {@link FileFragmentSender}. Neither is ever held whole.
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
    /** How much of a streamed data set is read at a time: whole fragments, about this many bytes. */
    private static final int READ_BLOCK = 64 * 1024;
    /** Blocks up to this size are kept per sending thread; larger ones (PDUs of no limit) are not. */
    private static final int MAX_KEPT_BLOCK = 256 * 1024;
    private static final ThreadLocal<byte[][]> BLOCKS = new ThreadLocal<>();

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
        } else if (dataSet.isFile() && upperLayer.sendsFromDirectMemory()) {
            try (FileChannel file = dataSet.openFile()) {
                // the data set is the file's bytes as the message starts: to the end it has now
                FileFragmentSender.send(upperLayer, contextId, file, Math.max(0, file.size() - file.position()),
                        Math.min(chunk(UNLIMITED_STREAM_CHUNK), FileFragmentSender.maxFragment()));
            }
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

    /**
     * Sends a streamed data set in fragments of {@link #chunk} bytes, read from the stream a block
     * of several fragments at a time (one file read per 64 KiB, not per 16 KiB fragment) into
     * two blocks the sending thread keeps for its next message: the next block tells whether the
     * current one's last fragment ends the data set. Allocating and zeroing two arrays per message,
     * and a 64 KiB file buffer, cost our SCU a fifth of its CPU for 0.5 MB instances (async-profiler).
     */
    private void stream(int contextId, InputStream in) throws IOException {
        int chunk = chunk(UNLIMITED_STREAM_CHUNK);
        int block = Math.max(1, READ_BLOCK / chunk) * chunk;
        byte[][] buffers = borrow(block);
        try {
            send(contextId, in, chunk, block, buffers[0], buffers[1]);
        } finally {
            if (block <= MAX_KEPT_BLOCK) {
                BLOCKS.set(buffers);
            }
        }
    }

    private void send(int contextId, InputStream in, int chunk, int block, byte[] current, byte[] next)
            throws IOException {
        int currentLength = in.readNBytes(current, 0, block);
        while (true) {
            int nextLength = currentLength < block ? 0 : in.readNBytes(next, 0, block);
            boolean lastBlock = nextLength == 0;
            if ((currentLength & 1) != 0) {
                current[currentLength++] = 0; // a deflated data set: pad with 0x00; room, as block is even
            }
            int offset = 0;
            do {
                int length = Math.min(chunk, currentLength - offset);
                boolean last = lastBlock && offset + length == currentLength;
                upperLayer.sendData(contextId, last ? LAST : 0, current, offset, length, last);
                offset += length;
            } while (offset < currentLength);
            if (lastBlock) {
                return;
            }
            byte[] swap = current;
            current = next;
            next = swap;
            currentLength = nextLength;
        }
    }

    /**
     * Two arrays of at least {@code block} bytes: the calling thread's, taken until the message is
     * sent (a handler that sends another message meanwhile, on this thread, gets new ones).
     */
    private static byte[][] borrow(int block) {
        byte[][] kept = BLOCKS.get();
        if (kept != null && kept[0].length >= block) {
            BLOCKS.remove();
            return kept;
        }
        return new byte[][] {new byte[block], new byte[block]};
    }
}
