package org.netdicom.core.dimse;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.pdu.PduEncoder;

/**
 * Sends a file's bytes as a data set's P-DATA-TF PDUs, laid out in a block of direct memory as
 * they go on the wire: each PDU's 12-byte header, then its fragment. One scattering read fills the
 * fragments of about {@link #READ_BLOCK} bytes of PDUs; they go out in writes of at least
 * {@link #MIN_WRITE} bytes (one PDU each at DCMTK's 16 KiB, several when PDUs are short), the
 * headers and values in one system call, the values never through the Java heap.
 * <p>
 * Longer writes took our SCU less CPU time (10-25 % less with four 16 KiB PDUs per write) but
 * sent 200 MB instances to a receiver that sets the pace 4-5 % slower in a warm JVM ({@code
 * storescp}: 0.95x against 0.99x, eight rounds each): a receiver reading 16 KiB at a time starts
 * on a PDU as soon as its write ends, where a 64 KiB write keeps it waiting for all four.
 */
final class FileFragmentSender {

    /** Bytes of PDUs read into a block at a time, about (at least one PDU). */
    static final int READ_BLOCK = 64 * 1024;
    /** Bytes of PDUs written at a time, at least (at most a block's). */
    static final int MIN_WRITE = 16 * 1024;
    /** PDUs laid out in one block at most: a scattering read takes an I/O vector per PDU. */
    static final int MAX_PDUS_PER_BLOCK = 128;
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
        int perBlock = Math.max(1, Math.min(MAX_PDUS_PER_BLOCK, READ_BLOCK / frame));
        int perWrite = Math.max(1, Math.min(perBlock, MIN_WRITE / frame));
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
                int end = (pdus - 1) * frame + HEADER + lastLength;
                for (int first = 0; first < pdus; first += perWrite) {
                    int count = Math.min(perWrite, pdus - first);
                    upperLayer.sendPDataTf(block.clear().position(first * frame)
                            .limit(Math.min(end, (first + count) * frame)), count);
                }
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
