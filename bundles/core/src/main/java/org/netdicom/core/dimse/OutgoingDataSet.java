package org.netdicom.core.dimse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The encoded data set of a message to send: an array, a file's bytes from an offset to its end
 * (sent from the file through direct memory, never copied into the Java heap), or a stream opened
 * when the message goes on the wire (a transcoding stream) and read in PDU-sized pieces, never whole.
 */
public final class OutgoingDataSet {

    /** Opens the stream of encoded bytes; called once per send. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final byte[] bytes;
    private final Source source;
    private final Path file;
    private final long fileOffset;

    private OutgoingDataSet(byte[] bytes, Source source, Path file, long fileOffset) {
        this.bytes = bytes;
        this.source = source;
        this.file = file;
        this.fileOffset = fileOffset;
    }

    public static OutgoingDataSet of(byte[] encoded) {
        return new OutgoingDataSet(Objects.requireNonNull(encoded, "encoded"), null, null, 0);
    }

    public static OutgoingDataSet of(Source source) {
        return new OutgoingDataSet(null, Objects.requireNonNull(source, "source"), null, 0);
    }

    /** The bytes of {@code file} from {@code offset} to its end, as they are (a data set in the context's syntax). */
    public static OutgoingDataSet ofFile(Path file, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset + " is negative");
        }
        return new OutgoingDataSet(null, null, Objects.requireNonNull(file, "file"), offset);
    }

    /** The bytes, or null if this data set is a stream or a file. */
    byte[] bytes() {
        return bytes;
    }

    /** True if this data set is a file's bytes ({@link #openFile}). */
    boolean isFile() {
        return file != null;
    }

    /** The file of {@link #ofFile}, open for reading and positioned at the data set. */
    FileChannel openFile() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(fileOffset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    InputStream open() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        return file != null ? Channels.newInputStream(openFile()) : source.open();
    }
}
