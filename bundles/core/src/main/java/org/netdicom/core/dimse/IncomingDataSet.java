package org.netdicom.core.dimse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Collects the data set fragments of one message as they arrive. Up to {@code memoryLimit} bytes
 * stay in an array (which grows with the data actually received, never from a length the peer
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

    private final Path spoolDirectory;
    private final int memoryLimit;
    private final long maxLength;
    private final Prefix prefix;
    private int prefixLength;
    private byte[] buffer = new byte[0];
    private int buffered;
    private Path file;
    private OutputStream fileOut;
    private long length;

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
            if (buffered + len > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(memoryLimit, Math.max(buffered + len, buffer.length * 2L)));
            }
            System.arraycopy(data, off, buffer, buffered, len);
            buffered += len;
            return;
        }
        if (fileOut == null) {
            spill();
        }
        fileOut.write(data, off, len);
    }

    private void spill() throws IOException {
        Files.createDirectories(spoolDirectory);
        file = Files.createTempFile(spoolDirectory, "netdicom-", ".part");
        fileOut = Files.newOutputStream(file);
        byte[] head = prefix.bytes();
        prefixLength = head.length;
        fileOut.write(head);
        fileOut.write(buffer, 0, buffered);
        buffer = null;
    }

    /** The complete data set; for a spooled one the file is closed (and owned by the result). */
    public ReceivedDataSet finish() throws IOException {
        if (fileOut == null) {
            return ReceivedDataSet.inMemory(buffer, 0, buffered);
        }
        fileOut.close();
        return ReceivedDataSet.inFile(file, prefixLength, length);
    }

    /** Throws away what was received (a message that failed half-way). */
    public void discard() {
        if (fileOut != null) {
            try {
                fileOut.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // best effort: the file is a temporary one in the spool directory
            }
        }
        buffer = null;
    }
}
