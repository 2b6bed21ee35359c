package org.netdicom.core.dul;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLSocket;

import org.netdicom.core.pdu.PduReader;

/**
 * How the Upper Layer reads and writes one connection. A plain TCP socket (opened from a channel)
 * is read through its channel into a direct buffer that lends P-DATA-TF bodies in place
 * ({@link ChannelInput}, spinning before reads as {@link ReadWait} says) and written through it
 * from direct memory ({@link ChannelOutput}); a TLS socket through its streams.
 */
final class ConnectionStreams {

    /**
     * Socket input buffer over TLS: room for a whole PDU of the common 16 KiB maximum plus its
     * headers. Larger reads bypass the buffer. A 256 KiB buffer cost our SCP about a tenth less CPU
     * per 0.5 MB C-STORE in A/B runs (the same wall time within the noise), but every association
     * allocates it: 16 KiB keeps opening an association cheap (bench/echo-bench.sh).
     */
    private static final int IO_BUFFER = 16384 + 64;
    /**
     * Socket output buffer: room for one PDU of the common 16 KiB maximum and its headers, so that
     * each such PDU goes out in a write of its own, as DCMTK writes them (larger PDUs bypass it).
     * Four PDUs per write, until session 9, made fewer system calls, but the peer received more
     * slowly: our SCU sent 200 MB instances to storescp 5-6 % faster with one PDU per write (fresh
     * and long-running JVM, A/B, interleaved), 0.5 MB ones 3 % slower (long-running JVM).
     */
    private static final int OUT_BUFFER = 16384 + 64;

    final PduReader reader;
    final OutputStream out;
    /** {@link #out} on a plain connection, which also writes from direct memory; null over TLS. */
    final ChannelOutput channelOutput;
    /** The reader's source on a plain connection, whose buffer goes back to a pool; null over TLS. */
    private final ChannelInput channelInput;

    /** @param maxReceivePduLength our maximum P-DATA-TF length, 0 = unlimited */
    ConnectionStreams(Socket socket, DulUser user, int maxReceivePduLength) throws IOException {
        SocketChannel channel = socket.getChannel();
        if (channel != null && !(socket instanceof SSLSocket)) {
            ReadWait wait = new ReadWait(socket.getInputStream(), ReadSpin.shared(), user::expectsDataSoon);
            channelInput = new ChannelInput(channel, wait, maxReceivePduLength, user::releaseInPlaceData,
                    user::readerWaiting);
            reader = new PduReader(channelInput, maxReceivePduLength, PduReader.DEFAULT_MAX_ASSOCIATE_LENGTH);
            channelOutput = new ChannelOutput(channel, OUT_BUFFER);
            out = channelOutput;
        } else {
            // no spin over TLS: available() sees only decrypted bytes, never the socket's
            channelInput = null;
            reader = new PduReader(new BufferedInputStream(socket.getInputStream(), IO_BUFFER), maxReceivePduLength);
            out = new BufferedOutputStream(socket.getOutputStream(), OUT_BUFFER);
            channelOutput = null;
        }
    }

    /** Gives a plain connection's read buffer back to the pool, once it has been read for the last time. */
    void releaseReadBuffer() {
        if (channelInput != null) {
            channelInput.release();
        }
    }
}
