package org.netdicom.core.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Where a {@link PduReader} gets its bytes: a stream, or a source that can also lend the next
 * bytes in place, in a direct buffer of its own ({@link #readInPlace}), so that a P-DATA-TF's
 * fragments reach a file channel without being copied through Java arrays.
 */
public interface PduSource {

    /** As {@link InputStream#read(byte[], int, int)}. */
    int read(byte[] b, int off, int len) throws IOException;

    /**
     * The next {@code length} bytes in place, position to limit of the buffer returned, valid at
     * least until the next call to this source (a source may say it keeps them longer: the Upper
     * Layer's channel reader, until it announces that it reuses its buffer); or null, having
     * consumed nothing, when this source cannot lend them (it has no such buffer, or they would not
     * fit it).
     *
     * @throws EOFException if the stream ends before {@code length} bytes
     */
    default ByteBuffer readInPlace(int length) throws IOException {
        return null;
    }

    /** A source that reads {@code in} and lends nothing in place. */
    static PduSource of(InputStream in) {
        return in::read;
    }
}
