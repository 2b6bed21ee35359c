package org.netdicom.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.netdicom.data.BulkData;
import org.netdicom.data.Dataset;
import org.netdicom.data.Fragments;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.internal.ByteOrders;
import org.netdicom.data.internal.DatasetAccess;

/**
 * Encodes data sets in Implicit VR Little Endian, Explicit VR Little Endian or Explicit VR Big
 * Endian, and command sets (PS3.7 6.3: Implicit VR Little Endian, group 0000 with its group length
 * computed). Odd-length values are padded with the VR's padding byte. Group length elements found
 * in a data set are left out (PS3.5 7.2 makes them optional outside groups 0000 and 0002); the
 * group lengths of command sets and file meta information are computed by {@link #writeCommand}
 * and {@link DicomFile}. Sequences and items
 * are written with undefined length unless {@link #definedLengthSequences(boolean)} asks otherwise;
 * encapsulated pixel data always has undefined length (PS3.5 A.4).
 *
 * <p>Buffers internally; call {@link #flush()} (or close the stream yourself) when done. Not thread-safe.
 */
public final class DicomWriter {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int UNDEFINED = 0xFFFFFFFF;

    private final OutputStream out;
    private final DatasetAccess access = DatasetAccess.get();
    private final byte[] buf;
    private int pos;
    private boolean explicitVr;
    private boolean bigEndian;
    private boolean definedLengths;

    public DicomWriter(OutputStream out) {
        this(out, BUFFER_SIZE);
    }

    /**
     * A writer with a smaller buffer, for short outputs such as a File Meta Information header: the
     * usual 64 KiB, allocated and zeroed for a few hundred bytes, was most of the cost of writing one.
     * The size is a multiple of 8, so that a buffer of whole units never splits a value being swapped.
     */
    DicomWriter(OutputStream out, int bufferSize) {
        if (bufferSize < 64 || bufferSize % 8 != 0) {
            throw new IllegalArgumentException("buffer size must be a multiple of 8 from 64, was " + bufferSize);
        }
        this.out = out;
        this.buf = new byte[bufferSize];
    }

    /** Write sequences and items with explicit lengths instead of delimiters. */
    public DicomWriter definedLengthSequences(boolean defined) {
        this.definedLengths = defined;
        return this;
    }

    /** Writes all elements of {@code d} in the given transfer syntax (not deflated: see {@link DicomFile}). */
    public void writeDataset(Dataset d, TransferSyntax ts) throws IOException {
        if (ts.isDeflated()) {
            throw new IllegalArgumentException("deflate is applied by DicomFile, not by the element writer");
        }
        explicitVr = ts.isExplicitVr();
        bigEndian = ts.isBigEndian();
        writeElements(d);
    }

    /**
     * Writes a command set: Implicit VR Little Endian, (0000,0000) first with the length of the
     * elements that follow it. Only group 0000 elements are allowed.
     */
    public void writeCommand(Dataset command) throws IOException {
        explicitVr = false;
        bigEndian = false;
        for (int i = 0; i < access.size(command); i++) {
            if (Tag.group(access.tagAt(command, i)) != 0) {
                throw new IllegalArgumentException("command sets hold group 0000 only, found "
                        + Tag.toString(access.tagAt(command, i)));
            }
        }
        writeGroupWithLength(command);
    }

    /** Writes a group (0000 or 0002) with its group length element computed first. */
    void writeGroupWithLength(Dataset group) throws IOException {
        long length = 0;
        for (int i = 0; i < access.size(group); i++) {
            if (!Tag.isGroupLength(access.tagAt(group, i))) {
                length += elementLength(access.tagAt(group, i), access.vrAt(group, i), access.valueAt(group, i));
            }
        }
        int groupTag = access.size(group) == 0 ? 0 : access.tagAt(group, 0) & 0xFFFF0000;
        header(groupTag, VR.UL, 4);
        ensure(4);
        pos = ElementHeaders.put32(buf, pos, (int) length, bigEndian);
        writeElements(group);
    }

    void setEncoding(boolean explicit, boolean big) {
        explicitVr = explicit;
        bigEndian = big;
    }

    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Writes every element except group lengths, which are either left out or computed by the caller. */
    private void writeElements(Dataset d) throws IOException {
        int n = access.size(d);
        for (int i = 0; i < n; i++) {
            int tag = access.tagAt(d, i);
            if (Tag.isGroupLength(tag)) {
                continue;
            }
            writeElement(tag, access.vrAt(d, i), access.valueAt(d, i));
        }
    }

    private void writeElement(int tag, VR vr, Object value) throws IOException {
        if (value instanceof byte[] b) {
            int padded = b.length + (b.length & 1);
            header(tag, vr, padded);
            if (bigEndian && vr.kind() == VR.Kind.BINARY && vr.unitSize() > 1) {
                byte[] swapped = b.clone();
                ByteOrders.swap(swapped, swapped.length, vr.unitSize());
                write(swapped, 0, swapped.length);
            } else {
                write(b, 0, b.length);
            }
            if ((b.length & 1) != 0) {
                put8(vr.padding());
            }
        } else if (value instanceof BulkData bulk) {
            writeBulk(tag, vr, bulk);
        } else if (value instanceof Sequence s) {
            header(tag, VR.SQ, definedLengths ? (int) sequenceLength(s) : UNDEFINED);
            for (Dataset item : s) {
                itemHeader(Tag.ITEM, definedLengths ? (int) datasetLength(item) : UNDEFINED);
                writeElements(item);
                if (!definedLengths) {
                    itemHeader(Tag.ITEM_DELIMITATION_ITEM, 0);
                }
            }
            if (!definedLengths) {
                itemHeader(Tag.SEQUENCE_DELIMITATION_ITEM, 0);
            }
        } else {
            Fragments f = (Fragments) value;
            if (!explicitVr) {
                throw new IllegalArgumentException("encapsulated pixel data needs an explicit VR transfer syntax");
            }
            header(tag, vr, UNDEFINED);
            for (byte[] item : access.items(f)) {
                itemHeader(Tag.ITEM, item.length + (item.length & 1));
                write(item, 0, item.length);
                if ((item.length & 1) != 0) {
                    put8(0);
                }
            }
            itemHeader(Tag.SEQUENCE_DELIMITATION_ITEM, 0);
        }
    }

    /**
     * Streams a value kept outside the heap through the buffer, swapping byte order when the
     * value's differs from the target's; the value is never in memory as a whole.
     */
    private void writeBulk(int tag, VR vr, BulkData bulk) throws IOException {
        long length = bulk.length();
        header(tag, vr, (int) (length + (length & 1)));
        int unit = bulk.bigEndian() != bigEndian ? vr.unitSize() : 1;
        drain(); // from here on 'pos' stays a multiple of the unit, so the buffer holds whole units
        long left = length;
        try (InputStream in = bulk.openStream()) {
            while (left > 0) {
                if (pos == buf.length) {
                    drain();
                }
                int room = buf.length - pos;
                int want = (int) Math.min(left, room);
                int r = in.read(buf, pos, want);
                if (r < 0) {
                    throw new IOException("bulk data of " + Tag.toString(tag) + " ended after "
                            + (length - left) + " of " + length + " bytes: " + bulk);
                }
                if (unit > 1) {
                    r = readWholeUnits(in, r, unit, left);
                    ByteOrders.swap(buf, pos, r, unit);
                }
                pos += r;
                left -= r;
            }
        }
        if ((length & 1) != 0) {
            put8(vr.padding());
        }
    }

    /** Completes a partial unit at the end of a read chunk, so that swapping never splits a unit. */
    private int readWholeUnits(InputStream in, int r, int unit, long left) throws IOException {
        while (r % unit != 0 && r < left) {
            int more = in.read(buf, pos + r, unit - r % unit);
            if (more < 0) {
                break;
            }
            r += more;
        }
        return r;
    }

    // ---- lengths for defined-length sequences and group lengths ------------------------------

    private long datasetLength(Dataset d) {
        long n = 0;
        for (int i = 0; i < access.size(d); i++) {
            int tag = access.tagAt(d, i);
            if (!Tag.isGroupLength(tag)) {
                n += elementLength(tag, access.vrAt(d, i), access.valueAt(d, i));
            }
        }
        return checkedLength(n);
    }

    /** The bytes after the SQ header: items with their headers, and delimiters when undefined. */
    private long sequenceLength(Sequence s) {
        int delimiter = definedLengths ? 0 : 8;
        long n = delimiter;
        for (Dataset item : s) {
            n += 8 + datasetLength(item) + delimiter;
        }
        return checkedLength(n);
    }

    private long elementLength(int tag, VR vr, Object value) {
        int headerSize = explicitVr && vr.hasLongLength() ? 12 : 8;
        if (value instanceof byte[] b) {
            return headerSize + b.length + (b.length & 1);
        }
        if (value instanceof Sequence s) {
            return headerSize + sequenceLength(s);
        }
        if (value instanceof BulkData bulk) {
            return headerSize + bulk.length() + (bulk.length() & 1);
        }
        long n = headerSize + 8; // sequence delimiter
        for (byte[] item : access.items((Fragments) value)) {
            n += 8 + item.length + (item.length & 1);
        }
        return n;
    }

    private static long checkedLength(long n) {
        if (n >= 0xFFFFFFFFL) {
            throw new IllegalArgumentException("encoded length " + n + " does not fit in 32 bits");
        }
        return n;
    }

    // ---- bytes --------------------------------------------------------------------------------

    private void header(int tag, VR vr, int length) throws IOException {
        ensure(ElementHeaders.MAX_SIZE);
        pos = ElementHeaders.element(buf, pos, tag, vr, length, explicitVr, bigEndian);
    }

    private void itemHeader(int tag, int length) throws IOException {
        ensure(8);
        pos = ElementHeaders.item(buf, pos, tag, length, bigEndian);
    }

    private void put8(int v) throws IOException {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    private void ensure(int n) throws IOException {
        if (buf.length - pos < n) {
            drain();
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            drain();
            if (len >= buf.length / 2) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
