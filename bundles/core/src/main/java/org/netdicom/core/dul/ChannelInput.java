package org.netdicom.core.dul;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.PduSource;

/**
 * A plain TCP connection's bytes as the Upper Layer reads them: from the socket's channel into a
 * direct buffer, which lends each P-DATA-TF body in place ({@link #readInPlace}), so that a data
 * set's fragments go from there to their spool file with no copy in Java. Read through the
 * socket's stream, each byte was copied twice on the way: by the JDK, from the temporary direct
 * buffer a socket read into an array uses, and by the spool, into the direct buffer a file write
 * needs; together about 5 % of our SCP's CPU per 0.5 MB C-STORE (async-profiler).
 * <p>
 * The buffer is filled from its start to its end and only then reused, and before it is, the
 * {@code beforeReuse} hook runs: until then the bodies lent stay valid, so that the spool can
 * write several fragments at once (one {@code writev} instead of one {@code write} per 16 KiB
 * fragment: 500 files of 0.5 MB written to tmpfs in 84-87 ms against 90-91 ms). It starts with
 * room for one PDU of the longest length this side accepts and two PDU headers, and grows to room
 * for {@value #GATHERED_PDUS} once a long body comes (a data set; an association that only echoes
 * never pays for the larger buffer). A read that completes a body takes at most the next PDU's
 * header beyond it: a body is whole after one read in the usual case, and making room moves a few
 * header bytes, not a PDU. Longer bodies (an A-ASSOCIATE-RQ, or P-DATA-TF beyond
 * {@link #MAX_IN_PLACE}) are copied out in pieces, as from a stream. How it waits before a read
 * is {@link ReadWait}'s.
 */
final class ChannelInput implements PduSource {

    /** The longest P-DATA-TF body lent in place; longer ones (from a peer we allowed them) are copied out. */
    static final int MAX_IN_PLACE = 256 * 1024;
    /** How many PDUs of the longest length the buffer grows to hold. */
    static final int GATHERED_PDUS = 4;
    /** A body at least this long makes the buffer grow. */
    static final int GROW_AT = 8 * 1024;

    private final ReadableByteChannel channel;
    private final ReadWait wait;
    private final Runnable beforeReuse;
    private final Runnable whileWaiting;
    /** The longest body a header read makes room for. */
    private final int maxBody;
    private final int grownCapacity;
    /** Unread bytes from position to limit; lent bodies before position. */
    private ByteBuffer buffer;
    /** The first buffer, once {@link #grow} replaced it: pooled with the other at the release. */
    private ByteBuffer outgrown;
    /** Whether bodies were lent since the buffer was last reused. */
    private boolean lent;

    /**
     * @param maxBodyLength the longest P-DATA-TF body this side accepts, 0 for no limit
     * @param beforeReuse   runs before bytes lent in place are overwritten, on the reading thread
     * @param whileWaiting  runs before a read that may have to wait, the socket emptied by the last
     */
    ChannelInput(ReadableByteChannel channel, ReadWait wait, long maxBodyLength, Runnable beforeReuse,
            Runnable whileWaiting) {
        this.channel = channel;
        this.wait = wait;
        this.beforeReuse = beforeReuse;
        this.whileWaiting = whileWaiting;
        this.maxBody = (int) (maxBodyLength == 0 ? MAX_IN_PLACE : Math.min(maxBodyLength, MAX_IN_PLACE));
        int oneBody = maxBody + 2 * Pdu.HEADER_LENGTH;
        this.grownCapacity = Math.max(oneBody,
                Math.min(GATHERED_PDUS * (maxBody + Pdu.HEADER_LENGTH), MAX_IN_PLACE) + Pdu.HEADER_LENGTH);
        this.buffer = ReadBuffers.take(oneBody);
    }

    /**
     * Gives the buffer back for another connection ({@link ReadBuffers}): for the only thread that
     * reads, once it has read for the last time and nothing it lent is still held.
     */
    void release() {
        ByteBuffer released = buffer;
        buffer = null;
        if (released != null) {
            ReadBuffers.give(released);
        }
        if (outgrown != null) {
            ReadBuffers.give(outgrown);
            outgrown = null;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        requireOpen();
        if (!buffer.hasRemaining() && fill(maxBody + 2 * Pdu.HEADER_LENGTH) < 0) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public ByteBuffer readInPlace(int length) throws IOException {
        requireOpen();
        if (length >= GROW_AT && buffer.capacity() < grownCapacity) {
            grow();
        }
        if (length > buffer.capacity()) {
            return null;
        }
        while (buffer.remaining() < length) {
            if (fill(length + Pdu.HEADER_LENGTH) < 0) {
                throw new EOFException("stream ended inside a PDU body after " + buffer.remaining() + " of " + length
                        + " bytes");
            }
        }
        int start = buffer.position();
        buffer.position(start + length);
        lent = true;
        return buffer.slice(start, length);
    }

    /**
     * Reads once, at most up to {@code need} bytes from the first unread one (what the caller
     * wants and the next PDU's header), after making room for that if the rest of the buffer
     * cannot hold it: the unread bytes move to the start, once whoever holds lent bytes is done.
     *
     * @return the bytes read, -1 at the end of the stream
     */
    private int fill(int need) throws IOException {
        if (buffer.position() + need > buffer.capacity()) {
            reuse();
            buffer.compact().flip();
        }
        int start = buffer.position();
        int end = buffer.limit();
        int readTo = Math.min(buffer.capacity(), start + need);
        buffer.position(end).limit(readTo);
        int n;
        // A channel closes itself when a thread whose interrupt status is set does I/O on it (a
        // socket stream never did): the status is put aside for the read (see ChannelOutput).
        boolean interrupted = Thread.interrupted();
        try {
            if (wait.isDrained()) {
                whileWaiting.run();
            }
            wait.beforeRead();
            n = channel.read(buffer);
        } finally {
            buffer.limit(buffer.position()).position(start);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        wait.afterRead(n, readTo - end);
        return n;
    }

    private void requireOpen() throws ClosedChannelException {
        if (buffer == null) {
            throw new ClosedChannelException(); // released: a read after the last one
        }
    }

    /** The buffer's size: for tests. */
    int capacity() {
        return buffer.capacity();
    }

    /**
     * Once per connection at most. The old buffer goes back to the pool only with the new one, at
     * the release: a handler that reads the association again while its PDU's other PDVs wait (a
     * request of its own on the same association) would otherwise let another connection take
     * memory those PDVs still lie in.
     */
    private void grow() {
        reuse();
        ByteBuffer grown = ReadBuffers.take(grownCapacity).limit(grownCapacity);
        grown.put(buffer).flip();
        outgrown = buffer;
        buffer = grown;
    }

    private void reuse() {
        if (lent) {
            beforeReuse.run(); // lent until it returns: a hook that failed is asked again, never skipped
            lent = false;
        }
    }
}
