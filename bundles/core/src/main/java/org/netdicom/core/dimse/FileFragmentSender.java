package org.netdicom.core.dimse;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.pdu.PduEncoder;

/**
 * Sends a file's bytes as a data set's P-DATA-TF PDUs, laid out in a block of direct memory as
 * they go on the wire: each PDU's 12-byte header, then its fragment, for about
 * {@link #WRITE_BLOCK} bytes of PDUs (at least one PDU). One scattering read fills every fragment of
 * a block, one write sends all its PDUs; the bytes never pass through the Java heap.
 * <p>
 * With DCMTK's 16 KiB PDUs, a write per PDU (one file read per 64 KiB) took our SCU 10-25 % more
 * CPU time sending 0.5 MB and 200 MB instances to {@code storescp} than four PDUs per write, at
 * the same pace. Blocks of 256 KiB took less CPU still, but sent 200 MB instances 10 % slower: the
 * sending thread alternates between reading the file and writing the socket, and the receiver
 * waited while a long read went on.
 */
final class FileFragmentSender {

    /** Bytes of PDUs laid out and written at a time, about. */
    static final int WRITE_BLOCK = 64 * 1024;
    /** PDUs laid out in one block at most: a scattering read takes an I/O vector per PDU. */
    static final int MAX_PDUS_PER_WRITE = 128;
    private static final int LAST = 0x02;
    private static final int HEADER = PduEncoder.PDATA_HEADERS;

    private FileFragmentSender() {
    }

    /**
     * The largest fragment this sender takes: a PDU must fit a block. A longer one is cut to it
     * (fragments can be shorter than the peer allows, PS3.8 9.3.5).
     */
    static int maxFragment() {
        return (DirectBlocks.CAPACITY - HEADER) & ~1;
    }

    /**
     * Sends {@code length} bytes of the file from its position in fragments of {@code fragment}
     * bytes (even, at most {@link #maxFragment}; the last shorter), the last PDU marked as the
     * data set's end. An odd-length data set (a deflated one) gets a trailing 0x00 (see
     * {@link MessageSender}).
     *
     * @throws EOFException if the file ends sooner (it changed since its length was taken): the
     *         message cannot be completed, and the peer has some of it
     */
    static void send(UpperLayer upperLayer, int contextId, FileChannel file, long length, int fragment)
            throws IOException {
        long remaining = length;
        int frame = HEADER + fragment;
        int perBlock = Math.max(1, Math.min(MAX_PDUS_PER_WRITE, WRITE_BLOCK / frame));
        ByteBuffer block = DirectBlocks.borrow();
        ByteBuffer[] values = new ByteBuffer[perBlock];
        try {
            do {
                int pdus = (int) Math.min(perBlock, Math.max(1, (remaining + fragment - 1) / fragment));
                for (int i = 0; i < pdus; i++) {
                    values[i] = block.slice(i * frame + HEADER, (int) Math.min(fragment, remaining - (long) i * fragment));
                }
                readFully(file, values, pdus, remaining);
                int lastLength = values[pdus - 1].limit();
                remaining -= (long) (pdus - 1) * fragment + lastLength;
                boolean endsDataSet = remaining == 0;
                if ((lastLength & 1) != 0) {
                    block.put((pdus - 1) * frame + HEADER + lastLength++, (byte) 0); // room: fragment is even
                }
                for (int i = 0; i < pdus; i++) {
                    boolean last = endsDataSet && i == pdus - 1;
                    PduEncoder.putPDataTfHeader(block, i * frame, contextId, last ? LAST : 0,
                            i == pdus - 1 ? lastLength : fragment);
                }
                upperLayer.sendPDataTf(block.clear().limit((pdus - 1) * frame + HEADER + lastLength), pdus);
            } while (remaining > 0);
        } finally {
            DirectBlocks.giveBack(block);
        }
    }

    private static void readFully(FileChannel file, ByteBuffer[] values, int count, long remaining)
            throws IOException {
        int first = 0;
        while (true) {
            while (first < count && !values[first].hasRemaining()) {
                first++;
            }
            if (first == count) {
                return;
            }
            if (file.read(values, first, count - first) < 0) {
                long read = 0;
                for (int i = 0; i < count; i++) {
                    read += values[i].position();
                }
                throw new EOFException("the file ended " + (remaining - read) + " bytes before the end of the data"
                        + " set it held when its message started");
            }
        }
    }
}
