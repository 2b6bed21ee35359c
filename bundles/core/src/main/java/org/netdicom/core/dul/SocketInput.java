package org.netdicom.core.dul;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The socket's stream as the Upper Layer reads it.
 * <p>
 * Before a read that would block it may spin a little ({@link ReadSpin}, off by default; the
 * Upper Layer gives an acceptor's stream the spin, a requestor's none), but only in data transfer
 * and not when we sent much since the last read:
 * <ul>
 * <li>while an association opens or closes, the waits are the peer's set-up and tear-down work,
 * whose core a spin would take: through our SCP spinning in every state, our SCU opened 0.84x as
 * many associations a second as without (0.88x when it spun in data transfer only);</li>
 * <li>after a large send, bytes of ours may still wait in the socket to go out as the peer
 * acknowledges them, and asking the socket again and again takes its lock from that work (a C-GET
 * SCP sending its sub-operations; our SCU, spinning 500 us for the response to each 0.5 MB
 * C-STORE, sent at 0.57x storescu's rate instead of 0.73x).</li>
 * </ul>
 * It answers 0 to {@code available()}: BufferedInputStream asks after each partial read, one
 * ioctl(FIONREAD) system call per PDU, only to decide whether to read on; PduReader reads on by
 * itself until it has what it needs.
 */
final class SocketInput extends FilterInputStream {

    /** Sent since the last read, past which the reader does not spin: about what a socket sends at once. */
    static final long QUIET_SEND_LIMIT = 64 * 1024;

    private final ReadSpin spin;
    private final BooleanSupplier transferring;
    private final AtomicLong sentSinceRead = new AtomicLong();

    /** {@code transferring}: whether the association is in data transfer (only then it spins). */
    SocketInput(InputStream socketStream, ReadSpin spin, BooleanSupplier transferring) {
        super(socketStream);
        this.spin = spin;
        this.transferring = transferring;
    }

    /**
     * {@code socketStream}, counting what is written to it for this input's spin rule; as it is
     * when the spin is off (the default), so that nothing is added per write.
     */
    OutputStream counting(OutputStream socketStream) {
        if (!spin.isOn()) {
            return socketStream;
        }
        return new FilterOutputStream(socketStream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                sentSinceRead.addAndGet(len);
            }
        };
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!spin.isOn()) {
            return in.read(b, off, len); // the default: nothing added per read
        }
        if (sentSinceRead.get() < QUIET_SEND_LIMIT && transferring.getAsBoolean()) {
            spin.awaitReadable(in);
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            sentSinceRead.set(0);
        }
        return n;
    }

    @Override
    public int available() {
        return 0;
    }
}
