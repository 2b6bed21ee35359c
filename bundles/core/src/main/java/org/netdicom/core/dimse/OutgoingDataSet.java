package org.netdicom.core.dimse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The encoded data set of a message to send: an array, or a stream opened when the message goes
 * on the wire (a file, a transcoding stream) and read in PDU-sized pieces, never whole.
 */
public final class OutgoingDataSet {

    /** Opens the stream of encoded bytes; called once per send. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final byte[] bytes;
    private final Source source;

    private OutgoingDataSet(byte[] bytes, Source source) {
        this.bytes = bytes;
        this.source = source;
    }

    public static OutgoingDataSet of(byte[] encoded) {
        return new OutgoingDataSet(Objects.requireNonNull(encoded, "encoded"), null);
    }

    public static OutgoingDataSet of(Source source) {
        return new OutgoingDataSet(null, Objects.requireNonNull(source, "source"));
    }

    /** The bytes, or null if this data set is a stream. */
    byte[] bytes() {
        return bytes;
    }

    InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : source.open();
    }
}
