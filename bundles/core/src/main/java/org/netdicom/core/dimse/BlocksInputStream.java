package org.netdicom.core.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Reads the first {@code length} bytes of a list of blocks (each full but the last) in place: no
 * joined copy of the data set is made to read it. {@link #transferTo} hands each block to the
 * output as one write.
 */
final class BlocksInputStream extends InputStream {

    private final List<byte[]> blocks;
    private long left;
    private int block;
    private int position;

    BlocksInputStream(List<byte[]> blocks, long length) {
        this.blocks = blocks;
        this.left = length;
    }

    /** The current block with bytes left in it, or null at the end. */
    private byte[] current() {
        while (left > 0 && block < blocks.size()) {
            byte[] b = blocks.get(block);
            if (position < b.length) {
                return b;
            }
            block++;
            position = 0;
        }
        return null;
    }

    @Override
    public int read() {
        byte[] b = current();
        if (b == null) {
            return -1;
        }
        left--;
        return b[position++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        byte[] b = current();
        if (b == null) {
            return -1;
        }
        int n = (int) Math.min(Math.min(length, b.length - position), left);
        System.arraycopy(b, position, into, offset, n);
        position += n;
        left -= n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = 0;
        while (skipped < n) {
            byte[] b = current();
            if (b == null) {
                break;
            }
            int step = (int) Math.min(Math.min(n - skipped, b.length - position), left);
            position += step;
            left -= step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        long written = 0;
        for (byte[] b = current(); b != null; b = current()) {
            int n = (int) Math.min(b.length - position, left);
            out.write(b, position, n);
            position += n;
            left -= n;
            written += n;
        }
        return written;
    }
}
