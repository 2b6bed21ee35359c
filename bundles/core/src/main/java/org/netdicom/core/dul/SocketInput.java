package org.netdicom.core.dul;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * The socket's stream as the Upper Layer reads it.
 * <p>
 * Before a read that would block it spins a little ({@link ReadSpin}), but only while a data set
 * is arriving: between a command that announces one and the data set's last fragment, the peer is
 * sending and the next bytes are microseconds away. Between messages the wait is the peer's own
 * work (reading its next file, or its next request after our response), and a spin there would
 * take a core from it: spinning whenever in data transfer, our SCP accepted 0.88x as many
 * associations a second (open, C-ECHO, release) as without, and our SCU, spinning for the
 * response to each 0.5 MB C-STORE, sent at 0.57x storescu's rate instead of 0.73x.
 * <p>
 * It asks only when the read before took fewer bytes than it wanted (the socket was emptied):
 * after a full read more bytes are likely waiting, and asking before every read was one system
 * call per PDU for nothing (3,117 against 34 for 100 instances).
 * <p>
 * A peer that sends slowly (a long or thin network path) would make every wait a spin in vain:
 * after {@value #MAX_FAILED_SPINS} spins in a row that saw no byte come, the reader blocks at once
 * for the rest of that data set.
 * <p>
 * It answers 0 to {@code available()}: BufferedInputStream asks after each partial read, one
 * ioctl(FIONREAD) system call per PDU, only to decide whether to read on; PduReader reads on by
 * itself until it has what it needs.
 */
final class SocketInput extends FilterInputStream {

    /** Spins in a row that saw no byte, after which a data set's reads block at once. */
    static final int MAX_FAILED_SPINS = 4;

    private final ReadSpin spin;
    private final BooleanSupplier dataSetArriving;
    /** Spins in a row that saw no byte come, in the data set arriving now. */
    private int failedSpins;
    /**
     * Whether the last read took fewer bytes than it asked for, so that the socket is empty and the
     * next read may block. After a full read more bytes are likely waiting: asking the socket
     * ({@code available()}, a system call) before every read would cost one call per PDU for nothing.
     */
    private boolean drained = true;

    /** {@code dataSetArriving}: whether the peer is in the middle of sending a data set (only then it spins). */
    SocketInput(InputStream socketStream, ReadSpin spin, BooleanSupplier dataSetArriving) {
        super(socketStream);
        this.spin = spin;
        this.dataSetArriving = dataSetArriving;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (spin.isOn()) {
            if (!dataSetArriving.getAsBoolean()) {
                failedSpins = 0; // the next data set gets its spins again
            } else if (drained && failedSpins < MAX_FAILED_SPINS) {
                failedSpins = spin.awaitReadable(in) ? 0 : failedSpins + 1;
            }
        }
        int n = in.read(b, off, len);
        drained = n < len;
        return n;
    }

    @Override
    public int available() {
        return 0;
    }
}
