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
import java.util.Arrays;
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
    /**
     * A direct fragment (lent in place by the reader of a socket channel) is kept as it is, not
     * copied into the spool buffer, and written with the others kept, this many at most, in one
     * {@code writev}: with the bytes waiting in the spool buffer (the Part 10 header) first.
     */
    private static final int GATHER = 8;
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
    /**
     * Direct fragments kept in place, not yet written; the first may be {@link #pending} itself,
     * flipped ({@link #pendingGathered}), which then takes no bytes until they are written.
     */
    private ByteBuffer[] gathered;
    private int gatheredCount;
    private boolean pendingGathered;
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
        append(ByteBuffer.wrap(data, off, len));
    }

    /**
     * Appends a fragment: its bytes from position to limit. A direct one (lent in place by the
     * reader of a socket channel) may be kept as it is, unchanged and unread, until
     * {@link #releaseInPlaceData()} or {@link #finish()} writes it to the spool file, with no copy in
     * Java; any other is copied before this returns.
     */
    public void append(ByteBuffer fragment) throws IOException, DimseFormatException {
        int len = fragment.remaining();
        if (length + len > maxLength) {
            throw new DimseFormatException("data set longer than " + maxLength + " bytes");
        }
        length += len;
        if (fileOut == null && buffered + (long) len <= memoryLimit) {
            keep(fragment);
            return;
        }
        if (fileOut == null) {
            spill();
        }
        spoolData(fragment);
    }

    /** Spools bytes of the data set, the first {@link #HEAD} of them also kept in {@link #head}. */
    private void spoolData(ByteBuffer data) throws IOException {
        if (headLength < HEAD) {
            if (head == null) {
                head = new byte[HEAD];
            }
            int n = Math.min(data.remaining(), HEAD - headLength);
            data.get(data.position(), head, headLength, n);
            headLength += n;
        }
        spool(data);
    }

    private void spool(ByteBuffer data) throws IOException {
        if (data.isDirect()) {
            if (gathered == null) {
                gathered = new ByteBuffer[GATHER];
            }
            if (pending.position() > 0 && !pendingGathered) {
                gathered[gatheredCount++] = pending.flip();
                pendingGathered = true;
            }
            gathered[gatheredCount++] = data;
            if (gatheredCount >= GATHER - 1) {
                writeGathered();
            }
            return;
        }
        writeGathered();
        while (data.hasRemaining()) {
            int n = Math.min(data.remaining(), pending.remaining());
            pending.put(data.slice(data.position(), n));
            data.position(data.position() + n);
            if (!pending.hasRemaining()) {
                flushPending();
            }
        }
    }

    /**
     * Writes the fragments kept in place: the buffer they lie in is about to be reused, or its
     * reader waits for the peer.
     */
    public void releaseInPlaceData() throws IOException {
        writeGathered();
    }

    private void writeGathered() throws IOException {
        if (gatheredCount == 0) {
            return;
        }
        long left = 0;
        for (int i = 0; i < gatheredCount; i++) {
            left += gathered[i].remaining();
        }
        while (left > 0) {
            left -= fileOut.write(gathered, 0, gatheredCount);
        }
        Arrays.fill(gathered, 0, gatheredCount, null);
        gatheredCount = 0;
        if (pendingGathered) {
            pending.clear();
            pendingGathered = false;
        }
    }

    private void flushPending() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            fileOut.write(pending);
        }
        pending.clear();
    }

    private void keep(ByteBuffer data) {
        while (data.hasRemaining()) {
            byte[] block = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (block == null || used == block.length) {
                block = new byte[(int) Math.min(blocks.isEmpty() ? FIRST_BLOCK : BLOCK, (long) memoryLimit - buffered)];
                blocks.add(block);
                used = 0;
            }
            int n = Math.min(data.remaining(), block.length - used);
            data.get(block, used, n);
            used += n;
            buffered += n;
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
        spool(ByteBuffer.wrap(head));
        for (int i = 0; i < blocks.size(); i++) {
            spoolData(ByteBuffer.wrap(blocks.get(i), 0, i == blocks.size() - 1 ? used : blocks.get(i).length));
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
            writeGathered();
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
        if (gathered != null) {
            Arrays.fill(gathered, null);
            gatheredCount = 0;
            pendingGathered = false;
        }
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
