package org.netdicom.core.dul;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A plain TCP connection's socket channel as the Upper Layer writes it, with the thread's
 * interrupt status put aside for the write: a channel closes itself when a thread with that
 * status does I/O on it, where a socket stream never did. A handler that leaves its thread
 * interrupted (restoring the status, as it should, after catching an InterruptedException) would
 * otherwise cost the association its connection at the response. An interrupt that comes during
 * the write still closes the channel.
 */
final class ChannelOutput extends OutputStream {

    private final WritableByteChannel channel;

    ChannelOutput(WritableByteChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(b, off, len);
        boolean interrupted = Thread.interrupted();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
