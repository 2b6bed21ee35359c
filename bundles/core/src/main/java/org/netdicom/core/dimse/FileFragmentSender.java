package org.netdicom.core.dimse;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.netdicom.core.dul.UpperLayer;
import org.netdicom.core.pdu.PduEncoder;

/**
 * Sends a file's bytes as a data set's P-DATA-TF PDUs from a block of direct memory, one write
 * per PDU: its 12-byte header right before its fragment, so that header and value go out in one
 * plain system call, the value never through the Java heap. One scattering read fills the
 * fragments of about {@link #READ_BLOCK} bytes of PDUs.
 * <p>
 * Each fragment starts on a 64-byte boundary: with the fragments packed behind their headers
 * (4 bytes off an 8-byte boundary), the kernel's copies from the file into them were slower, and
 * our SCU sent 200 MB instances 2-4 % slower in a warm JVM than with one contiguous read. Longer
 * writes (four 16 KiB PDUs in one) took our SCU 10-25 % less CPU time but sent 200 MB instances
 * 4-5 % slower: {@code storescp} reads 16 KiB at a time and starts on a PDU as soon as its write
 * ends, where a 64 KiB write keeps it waiting for all four.
 */
final class FileFragmentSender {

    /** Bytes of fragments read into a block at a time, about (at least one). */
    static final int READ_BLOCK = 64 * 1024;
    /** Fragments read into one block at most: a scattering read takes an I/O vector for each. */
    static final int MAX_PDUS_PER_BLOCK = 128;
    /** Where fragments start in a block: on multiples of this, their headers right before. */
    private static final int ALIGN = 64;
    private static final int LAST = 0x02;
    private static final int HEADER = PduEncoder.PDATA_HEADERS;

    private FileFragmentSender() {
    }

    /**
     * The largest fragment this sender takes: a PDU must fit a block. A longer one is cut to it
     * (fragments can be shorter than the peer allows, PS3.8 9.3.5).
     */
    static int maxFragment() {
        return (DirectBlocks.CAPACITY - 2 * ALIGN) & ~1;
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
        int stride = (HEADER + fragment + ALIGN - 1) & -ALIGN;
        // READ_BLOCK rounded up to whole fragments (four of DCMTK's 16 KiB), as many as the block holds
        int perBlock = Math.max(1, Math.min(MAX_PDUS_PER_BLOCK,
                Math.min((READ_BLOCK + stride - 1) / stride, (DirectBlocks.CAPACITY - ALIGN) / stride)));
        ByteBuffer block = DirectBlocks.borrow();
        ByteBuffer[] values = new ByteBuffer[perBlock];
        try {
            do {
                block.clear(); // absolute puts and slices reach to its capacity
                int pdus = (int) Math.min(perBlock, Math.max(1, (remaining + fragment - 1) / fragment));
                for (int i = 0; i < pdus; i++) {
                    int valueLength = (int) Math.min(fragment, remaining - (long) i * fragment);
                    values[i] = block.slice(ALIGN + i * stride, valueLength);
                }
                readFully(file, values, pdus, remaining);
                int lastLength = values[pdus - 1].limit();
                remaining -= (long) (pdus - 1) * fragment + lastLength;
                if ((lastLength & 1) != 0) {
                    block.put(ALIGN + (pdus - 1) * stride + lastLength++, (byte) 0); // room: fragment is even
                }
                for (int i = 0; i < pdus; i++) {
                    boolean last = i == pdus - 1;
                    int value = ALIGN + i * stride;
                    int valueLength = last ? lastLength : fragment;
                    PduEncoder.putPDataTfHeader(block.clear(), value - HEADER, contextId,
                            last && remaining == 0 ? LAST : 0, valueLength);
                    upperLayer.sendPDataTf(block.position(value - HEADER).limit(value + valueLength), 1);
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
