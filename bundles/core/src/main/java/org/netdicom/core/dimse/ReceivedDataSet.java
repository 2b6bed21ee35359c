package org.netdicom.core.dimse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The encoded data set of a received DIMSE message, exactly as the peer sent it: in memory when it
 * was small, otherwise in a spool file (after an optional prefix, e.g. a Part 10 header written
 * before the first fragment arrived). Delete it when the message has been handled.
 *
 * <p>A spool file can be {@linkplain #moveTo moved} to where the instance is stored: the bytes are
 * written once, as they arrive, and storing is a rename.
 */
public final class ReceivedDataSet implements AutoCloseable {

    private byte[] bytes;
    private int offset;
    /** An in-memory data set as it was collected, until {@link #array()} joins it. */
    private List<byte[]> blocks;
    private final long length;
    private Path file;
    private final long fileOffset;
    /** The spool file as it was written, open until forced or closed; null when not spooled. */
    private FileChannel channel;
    /** True while {@link #file} is the spool file, which {@link #close()} deletes. */
    private boolean spooled;
    /** A spooled data set's first bytes, also kept in memory (null: none kept); {@link #headLength} of them. */
    private byte[] head;
    private int headLength;

    private ReceivedDataSet(byte[] bytes, int offset, long length, Path file, long fileOffset) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.file = file;
        this.fileOffset = fileOffset;
        this.spooled = file != null;
    }

    /** A data set held in {@code bytes[offset, offset + length)}. */
    public static ReceivedDataSet inMemory(byte[] bytes, int offset, int length) {
        return new ReceivedDataSet(bytes, offset, length, null, 0);
    }

    /**
     * A data set held in {@code blocks}, each full but the last, {@code length} bytes in all: joined
     * into one array only if {@link #array()} is asked for.
     */
    static ReceivedDataSet inMemory(List<byte[]> blocks, int length) {
        ReceivedDataSet data = new ReceivedDataSet(null, 0, length, null, 0);
        data.blocks = blocks;
        return data;
    }

    /**
     * A data set in the spool file {@code file} from {@code fileOffset} to its end, written through
     * {@code channel}, which stays open until the data set is stored or closed; its first
     * {@code headLength} bytes are also in {@code head} (or null), so that reading them does not
     * open the file.
     */
    static ReceivedDataSet inFile(Path file, FileChannel channel, long fileOffset, long length, byte[] head,
            int headLength) {
        ReceivedDataSet data = new ReceivedDataSet(null, 0, length, file, fileOffset);
        data.channel = channel;
        data.head = head;
        data.headLength = head == null ? 0 : (int) Math.min(headLength, length);
        return data;
    }

    /** Number of encoded bytes. */
    public long length() {
        return length;
    }

    public boolean isInMemory() {
        return file == null;
    }

    /** The backing array of an in-memory data set (from {@link #offset()}, {@link #length()} bytes). */
    public synchronized byte[] array() {
        if (file != null) {
            throw new IllegalStateException("the data set is in " + file + ", not in memory");
        }
        if (blocks != null) {
            byte[] all = new byte[(int) length];
            int at = 0;
            for (byte[] block : blocks) {
                int n = Math.min(block.length, all.length - at);
                System.arraycopy(block, 0, all, at, n);
                at += n;
            }
            bytes = all;
            offset = 0;
            blocks = null;
        }
        return bytes;
    }

    /** Writes the encoded bytes to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        List<byte[]> collected;
        synchronized (this) {
            collected = blocks;
        }
        if (collected != null) {
            long left = length;
            for (byte[] block : collected) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
        } else if (file == null) {
            out.write(bytes, offset, (int) length);
        } else {
            try (InputStream in = open()) {
                in.transferTo(out);
            }
        }
    }

    public int offset() {
        return offset;
    }

    /** The spool file (or where it was moved to), or null for an in-memory data set. */
    public synchronized Path file() {
        return file;
    }

    /**
     * Forces the spooled bytes to disk through the channel they were written with: {@code
     * fdatasync}, the bytes and what reading them back needs (the size), not the timestamps.
     */
    public synchronized void force() throws IOException {
        if (channel != null) {
            channel.force(false);
        } else if (file != null) {
            try (FileChannel reopened = FileChannel.open(file, StandardOpenOption.WRITE)) {
                reopened.force(false);
            }
        }
    }

    /**
     * Renames the spool file to {@code target} (replacing a file there) and returns true; from then
     * on the data set is read from {@code target}, which {@link #close()} leaves alone. Returns
     * false, and changes nothing, when the file was moved already or {@code target} is on another
     * file system: then copy it.
     */
    public synchronized boolean moveTo(Path target) throws IOException {
        if (!spooled) {
            return false;
        }
        closeChannel(); // a platform may refuse to rename an open file
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            return false;
        }
        file = target;
        spooled = false;
        return true;
    }

    /** Where the data set starts in {@link #file()}: after the prefix the spool file was begun with. */
    public long fileOffset() {
        return fileOffset;
    }

    /** The encoded bytes as a stream. */
    public InputStream open() throws IOException {
        if (file == null) {
            List<byte[]> collected;
            synchronized (this) {
                collected = blocks;
            }
            // read the blocks in place: joining them would copy the whole data set first
            return collected != null ? new BlocksInputStream(collected, length)
                    : new ByteArrayInputStream(bytes, offset, (int) length);
        }
        if (head != null) {
            return new HeadFirstInputStream(head, headLength, length, () -> openFileAt(fileOffset + headLength));
        }
        return openFileAt(fileOffset);
    }

    private InputStream openFileAt(long position) throws IOException {
        InputStream in = Files.newInputStream(file());
        in.skipNBytes(position);
        return in;
    }

    /** A copy of the encoded bytes; only for data sets that fit an array. */
    public byte[] toByteArray() {
        if (file == null) {
            return java.util.Arrays.copyOfRange(array(), offset, offset + (int) length);
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a data set of " + length + " bytes does not fit an array");
        }
        try (InputStream in = open()) {
            return in.readNBytes((int) length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the spool file, if any (it may have been moved away: then nothing happens). */
    @Override
    public synchronized void close() {
        closeChannel();
        if (spooled) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a spool file that cannot be deleted is left for the operator; nothing else to do
            }
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the bytes were written (and forced, if stored); closing has nothing left to lose
            }
            channel = null;
        }
    }

    @Override
    public String toString() {
        return length + " bytes" + (isInMemory() ? " in memory" : " in " + file());
    }
}
