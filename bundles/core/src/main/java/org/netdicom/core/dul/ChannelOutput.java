package org.netdicom.core.dul;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * A plain TCP connection's socket channel as the Upper Layer writes it: buffered as
 * {@code BufferedOutputStream} buffers (writes of at least the buffer's size go straight to the
 * channel after what is buffered), with one more write: the buffered bytes and a block of direct
 * memory in one gathered system call, so that a P-DATA-TF PDU laid out in direct memory around a
 * file's bytes goes out in one write, its value never through the Java heap. The buffer is a heap
 * array, as one in direct memory per connection would cost every association an allocation the
 * garbage collector alone frees (the channel copies the few buffered bytes into its thread's
 * temporary direct memory).
 * <p>
 * The thread's interrupt status is put aside for each write: a channel closes itself when a
 * thread with that status does I/O on it, where a socket stream never did. A handler that leaves
 * its thread interrupted (restoring the status, as it should, after catching an
 * InterruptedException) would otherwise cost the association its connection at the response. An
 * interrupt that comes during the write still closes the channel.
 */
final class ChannelOutput extends OutputStream {

    private final GatheringByteChannel channel;
    private final byte[] buffer;
    private int count;

    ChannelOutput(GatheringByteChannel channel, int bufferSize) {
        this.channel = channel;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            flush();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= buffer.length) {
            flush();
            send(ByteBuffer.wrap(b, off, len), null);
            return;
        }
        if (len > buffer.length - count) {
            flush();
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    /**
     * Writes the buffered bytes, then {@code data} (from its position to its limit, consumed), in
     * as few system calls as the channel takes: one, as a rule.
     */
    void writeAfterBuffered(ByteBuffer data) throws IOException {
        if (count == 0) { // as a rule, but for a message's first PDU: the channel's plainest write
            send(data, null);
            return;
        }
        ByteBuffer buffered = ByteBuffer.wrap(buffer, 0, count);
        count = 0;
        send(null, new ByteBuffer[] {buffered, data});
    }

    @Override
    public void flush() throws IOException {
        if (count > 0) {
            ByteBuffer buffered = ByteBuffer.wrap(buffer, 0, count);
            count = 0;
            send(buffered, null);
        }
    }

    /** Writes all of {@code single}, or else all of {@code gathered} (in order: the first and the last tell). */
    private void send(ByteBuffer single, ByteBuffer[] gathered) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            if (single != null) {
                while (single.hasRemaining()) {
                    channel.write(single);
                }
            } else {
                while (gathered[0].hasRemaining() || gathered[gathered.length - 1].hasRemaining()) {
                    channel.write(gathered);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
