package org.netdicom.core.dimse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Collects the data set fragments of one message as they arrive. Up to {@code memoryLimit} bytes
 * stay in memory, in blocks allocated as the data actually arrive (never from a length the peer
 * claimed); past that, everything goes to a spool file, so a data set of any size costs a fixed
 * amount of heap. A non-empty {@code prefix} is written at the start of the spool file (the
 * Part 10 header of a C-STORE data set: the spool file is then already the instance's file).
 */
public final class IncomingDataSet {

    /** The bytes to begin a spool file with; asked for only when a data set is spooled. */
    @FunctionalInterface
    public interface Prefix {
        Prefix NONE = () -> new byte[0];

        byte[] bytes() throws IOException;
    }

    /**
     * A data set in memory is collected in blocks: the first as large as one fragment of the usual
     * 16 KiB PDU, the others larger. No array grows, each byte is copied once, and the blocks stay
     * below the size G1 allocates as "humongous"; they are joined only if someone asks for one
     * array ({@link ReceivedDataSet#array()}). Measured against a doubling array joined at the end:
     * about 10 % less CPU for 0.5 MB instances (bench/store-bench.sh).
     */
    private static final int FIRST_BLOCK = 16 * 1024;
    private static final int BLOCK = 128 * 1024;
    /**
     * A spool file is written from a direct buffer of this size: four fragments of the usual 16 KiB
     * PDU per {@code write}, and no copy into a temporary direct buffer as a heap array would need.
     */
    private static final int SPOOL_BUFFER = 64 * 1024;
    /** The reading thread's spool buffer, lent to one data set at a time: a direct buffer is costly to make. */
    private static final ThreadLocal<ByteBuffer> SPOOL_BUFFERS = new ThreadLocal<>();
    /**
     * A spooled data set's first bytes are also kept in memory, this many at most: enough for the
     * attributes in front of the Pixel Data of most images, which is what a storage handler reads
     * back (see {@link HeadFirstInputStream}).
     */
    static final int HEAD = 16 * 1024;

    private final Path spoolDirectory;
    private final int memoryLimit;
    private final long maxLength;
    private final Prefix prefix;
    private int prefixLength;
    private List<byte[]> blocks = new ArrayList<>();
    /** Bytes in the last block. */
    private int used;
    private int buffered;
    private Path file;
    private FileChannel fileOut;
    private ByteBuffer pending;
    private long length;
    /** The spooled data set's first bytes ({@link #HEAD} at most), also in the file. */
    private byte[] head;
    private int headLength;

    /**
     * @param spoolDirectory where data sets larger than {@code memoryLimit} are written
     * @param memoryLimit    the largest data set kept in memory
     * @param maxLength      the largest data set accepted at all
     * @param prefix         what to put before the data set in a spool file
     */
    public IncomingDataSet(Path spoolDirectory, int memoryLimit, long maxLength, Prefix prefix) {
        this.spoolDirectory = spoolDirectory;
        this.memoryLimit = memoryLimit;
        this.maxLength = maxLength;
        this.prefix = prefix;
    }

    /** Appends a fragment. */
    public void append(byte[] data, int off, int len) throws IOException, DimseFormatException {
        if (length + len > maxLength) {
            throw new DimseFormatException("data set longer than " + maxLength + " bytes");
        }
        length += len;
        if (fileOut == null && buffered + (long) len <= memoryLimit) {
            keep(data, off, len);
            return;
        }
        if (fileOut == null) {
            spill();
        }
        spoolData(data, off, len);
    }

    /** Spools bytes of the data set, the first {@link #HEAD} of them also kept in {@link #head}. */
    private void spoolData(byte[] data, int off, int len) throws IOException {
        if (headLength < HEAD) {
            if (head == null) {
                head = new byte[HEAD];
            }
            int n = Math.min(len, HEAD - headLength);
            System.arraycopy(data, off, head, headLength, n);
            headLength += n;
        }
        spool(data, off, len);
    }

    private void spool(byte[] data, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, pending.remaining());
            pending.put(data, off, n);
            off += n;
            len -= n;
            if (!pending.hasRemaining()) {
                flushPending();
            }
        }
    }

    private void flushPending() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            fileOut.write(pending);
        }
        pending.clear();
    }

    private void keep(byte[] data, int off, int len) {
        while (len > 0) {
            byte[] block = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (block == null || used == block.length) {
                block = new byte[(int) Math.min(blocks.isEmpty() ? FIRST_BLOCK : BLOCK, (long) memoryLimit - buffered)];
                blocks.add(block);
                used = 0;
            }
            int n = Math.min(len, block.length - used);
            System.arraycopy(data, off, block, used, n);
            used += n;
            buffered += n;
            off += n;
            len -= n;
        }
    }

    private void spill() throws IOException {
        openSpoolFile();
        pending = SPOOL_BUFFERS.get();
        if (pending == null) {
            pending = ByteBuffer.allocateDirect(SPOOL_BUFFER);
        } else {
            SPOOL_BUFFERS.remove();
            pending.clear();
        }
        byte[] head = prefix.bytes();
        prefixLength = head.length;
        spool(head, 0, head.length);
        for (int i = 0; i < blocks.size(); i++) {
            spoolData(blocks.get(i), 0, i == blocks.size() - 1 ? used : blocks.get(i).length);
        }
        blocks = null;
    }

    /** A new file of a random name, opened once (a temporary file API would open it twice). */
    private void openSpoolFile() throws IOException {
        for (int attempt = 0; ; attempt++) {
            String name = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            file = spoolDirectory.resolve("netdicom-" + name + ".part");
            try {
                fileOut = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return;
            } catch (NoSuchFileException e) {
                if (attempt > 0) {
                    throw e;
                }
                Files.createDirectories(spoolDirectory); // only the first data set finds no directory
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    private void returnSpoolBuffer() {
        if (pending != null) {
            SPOOL_BUFFERS.set(pending);
            pending = null;
        }
    }

    /** The bytes allocated to collect the data set in memory, 0 once spooled. */
    int capacity() {
        return blocks == null ? 0 : blocks.stream().mapToInt(b -> b.length).sum();
    }

    /** The complete data set; a spooled one's file, still open, is owned by the result. */
    public ReceivedDataSet finish() throws IOException {
        if (fileOut == null) {
            List<byte[]> collected = blocks;
            blocks = null;
            return ReceivedDataSet.inMemory(collected, buffered);
        }
        try {
            flushPending();
        } catch (IOException e) {
            discard();
            throw e;
        }
        returnSpoolBuffer();
        // the file stays open: whoever stores it forces it through this channel, and closes it
        return ReceivedDataSet.inFile(file, fileOut, prefixLength, length, head, headLength);
    }

    /** Throws away what was received (a message that failed half-way). */
    public void discard() {
        returnSpoolBuffer();
        if (fileOut != null) {
            try {
                fileOut.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // best effort: the file is a temporary one in the spool directory
            }
        }
        blocks = null;
    }
}
