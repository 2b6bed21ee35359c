package org.netdicom.data.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.ElementDictionary;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.internal.ByteOrders;

/**
 * The converted data set of {@link Transcoder#transcoding}, produced as it is read: a state machine
 * that takes one element or item header at a time from the input, writes it in the target encoding
 * into a 64 KiB buffer and then copies the value behind it through the same buffer, swapping the
 * byte order of binary values when the two orders differ. Open sequences and items are a stack of
 * {@link Level}s, so nesting costs a few objects, not the sequence's bytes. Output is never
 * deflated here (see {@link Transcoder}); a deflated input is inflated on the way in.
 */
final class TranscodingStream extends InputStream {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final long NO_END = Long.MAX_VALUE;
    private static final int MAX_DEPTH = 64;
    private static final int BITS_ALLOCATED = 0x00280100;

    private enum Kind { DATA_SET, ITEM, SEQUENCE, FRAGMENTS }

    /** An open container of the input: where it ends and how what it holds is encoded. */
    private static final class Level {
        final Kind kind;
        final int tag;
        /** Offset of the container's end, {@link #NO_END} for undefined length. */
        final long end;
        /** The nearest end of this or an enclosing container: nothing inside may run past it. */
        final long limit;
        final boolean explicitVr;
        final boolean bigEndian;
        final int depth;
        /** Bits Allocated of this data set or item, for the VR of Pixel Data read in Implicit VR. */
        int bitsAllocated = -1;
        /** Fragments: the Basic Offset Table item has been seen. */
        boolean hasItems;

        Level(Kind kind, int tag, long end, Level parent, boolean explicitVr, boolean bigEndian) {
            this.kind = kind;
            this.tag = tag;
            this.end = end;
            this.limit = parent == null ? end : Math.min(end, parent.limit);
            this.explicitVr = explicitVr;
            this.bigEndian = bigEndian;
            this.depth = parent == null ? 0 : kind == Kind.SEQUENCE ? parent.depth + 1 : parent.depth;
        }
    }

    private final InputStream in;
    private final Inflater inflater;
    private final ByteSource src;
    private final ElementDictionary dict = ElementDictionary.standard();
    private final boolean explicitOut;
    private final boolean bigOut;
    private final Deque<Level> levels = new ArrayDeque<>();
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private boolean finished;
    private IOException failure;

    // the value being copied
    private InputStream value;
    private long valueLeft;
    private long valueLength;
    private long valueStart;
    private int valueTag;
    private int unit;
    private int padding = -1;

    TranscodingStream(InputStream in, TransferSyntax from, TransferSyntax to) {
        Objects.requireNonNull(in, "in");
        this.inflater = from.isDeflated() ? new Inflater(true) : null; // raw deflate, PS3.5 A.5
        this.in = inflater != null ? new InflaterInputStream(in, inflater, 16 * 1024) : in;
        this.src = new ByteSource(this.in, 0);
        this.explicitOut = to.isExplicitVr();
        this.bigOut = to.isBigEndian();
        levels.push(new Level(Kind.DATA_SET, 0, NO_END, null, from.isExplicitVr(), from.isBigEndian()));
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    /** Writes the buffer straight to {@code out}, without the copy that {@code read} makes. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long n = 0;
        while (pos < limit || fill()) {
            out.write(buf, pos, limit - pos);
            n += limit - pos;
            pos = limit;
        }
        return n;
    }

    /** Closes the input (and ends the inflater of a deflated one). */
    @Override
    public void close() throws IOException {
        finished = true;
        pos = limit;
        try {
            in.close();
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /**
     * Converts input into the empty buffer until it is full or the data set ends; false at the
     * end. A failure is kept and thrown again by every later read: after it, no byte of output
     * could be trusted.
     */
    private boolean fill() throws IOException {
        if (failure != null) {
            throw failure;
        }
        pos = 0;
        limit = 0;
        try {
            // each step writes at most one header; a value fills what is left
            while (BUFFER_SIZE - limit >= ElementHeaders.MAX_SIZE && !finished) {
                if (valueLeft > 0) {
                    copyValue();
                } else if (padding >= 0) {
                    buf[limit++] = (byte) padding;
                    padding = -1;
                } else {
                    step();
                }
            }
        } catch (ZipException | EOFException e) {
            // EOFException: the compressed stream ends before its last block (PS3.5 A.5)
            if (inflater == null) {
                throw fail(e);
            }
            throw fail(new DicomFormatException("deflated data set is corrupt: " + e.getMessage()
                    + "; offset counts inflated bytes", src.offset(), e));
        } catch (IOException e) {
            throw fail(e);
        }
        return limit > 0;
    }

    private IOException fail(IOException e) {
        failure = e;
        pos = 0;
        limit = 0;
        return e;
    }

    private void step() throws IOException {
        Level level = levels.peek();
        switch (level.kind) {
            case SEQUENCE -> stepInSequence(level);
            case FRAGMENTS -> stepInFragments(level);
            default -> stepInDataSet(level);
        }
    }

    private void stepInDataSet(Level level) throws IOException {
        long at = src.offset();
        if (level.end != NO_END) {
            if (at >= level.end) {
                checkEnd(level, at);
                endItem();
                return;
            }
        } else if (src.atEnd()) {
            if (level.kind == Kind.ITEM) {
                throw new DicomFormatException("stream ends in an item of undefined length:"
                        + " no item delimitation item (FFFE,E00D)", at);
            }
            finished = true;
            return;
        }
        src.require(8, "element header");
        int tag = src.u16(0, level.bigEndian) << 16 | src.u16(2, level.bigEndian);
        if ((tag >>> 16) == 0xFFFE) {
            if (tag == Tag.ITEM_DELIMITATION_ITEM && level.kind == Kind.ITEM && level.end == NO_END) {
                src.skip(8);
                endItem();
                return;
            }
            throw new DicomFormatException("unexpected " + Tag.toString(tag)
                    + (level.kind == Kind.ITEM ? " in item" : " in data set"), at);
        }
        element(level, tag, at);
    }

    private void element(Level level, int tag, long headerAt) throws IOException {
        VR vr;
        long length;
        if (level.explicitVr) {
            vr = src.explicitVr(tag);
            length = src.explicitLength(vr, level.bigEndian);
        } else {
            vr = dict.vrOf(tag); // UN for private and unknown elements
            length = src.i32(4, level.bigEndian) & UNDEFINED;
            src.skip(8);
        }
        if (length == UNDEFINED) {
            undefinedLength(level, tag, vr, headerAt);
            return;
        }
        if (src.offset() + length > level.limit) {
            throw new DicomFormatException("value length " + length + " of " + Tag.toString(tag)
                    + " runs past the end of its item or sequence at " + level.limit, headerAt);
        }
        if (Tag.isGroupLength(tag)) {
            src.skipValue(length, tag); // PS3.5 7.2: optional, and wrong once lengths change
            return;
        }
        if (vr == VR.SQ) {
            header(tag, VR.SQ, UNDEFINED);
            push(Kind.SEQUENCE, tag, src.offset() + length, level.explicitVr, level.bigEndian);
            return;
        }
        if (tag == BITS_ALLOCATED && length == 2) {
            src.require(2, "value of " + Tag.toString(tag));
            level.bitsAllocated = src.u16(0, level.bigEndian);
        }
        VR out = outputVr(level, tag, vr, length + (length & 1));
        // UN and OB keep their bytes as they are (UN from Implicit VR stays little endian)
        boolean swap = vr.kind() == VR.Kind.BINARY && level.bigEndian != (bigOut && out.kind() == VR.Kind.BINARY);
        header(tag, out, length + (length & 1));
        copy(tag, length, swap ? vr.unitSize() : 1, (length & 1) != 0 ? out.padding() & 0xFF : -1);
    }

    /**
     * The VR to write: the input's, except that Implicit VR Pixel Data with Bits Allocated of 8 or
     * less becomes OB (PS3.5 A.2: OW only above 8 bits), and a value too long for the 16-bit length
     * field of its VR becomes UN (PS3.5 6.2.2).
     */
    private VR outputVr(Level level, int tag, VR vr, long paddedLength) {
        VR out = vr;
        if (!level.explicitVr && tag == Tag.PIXEL_DATA && vr == VR.OW
                && level.bitsAllocated > 0 && level.bitsAllocated <= 8) {
            out = VR.OB;
        }
        if (explicitOut && !out.hasLongLength() && paddedLength > 0xFFFF) {
            out = VR.UN;
        }
        return out;
    }

    private void undefinedLength(Level level, int tag, VR vr, long headerAt) throws IOException {
        if (vr == VR.SQ) {
            header(tag, VR.SQ, UNDEFINED);
            push(Kind.SEQUENCE, tag, NO_END, level.explicitVr, level.bigEndian);
        } else if (vr == VR.UN) {
            // PS3.5 6.2.2: UN of undefined length is a sequence encoded in Implicit VR Little Endian
            header(tag, VR.SQ, UNDEFINED);
            push(Kind.SEQUENCE, tag, NO_END, false, false);
        } else if (vr == VR.OB || vr == VR.OW) {
            if (!explicitOut) {
                throw new DicomFormatException("encapsulated " + Tag.toString(tag)
                        + " cannot be written in Implicit VR: fragments need an explicit VR transfer syntax", headerAt);
            }
            header(tag, VR.OB, UNDEFINED);
            push(Kind.FRAGMENTS, tag, NO_END, level.explicitVr, level.bigEndian);
        } else {
            throw new DicomFormatException("undefined length on " + Tag.toString(tag) + " with VR " + vr
                    + ": only SQ, UN and encapsulated OB/OW may have it", headerAt);
        }
    }

    private void stepInSequence(Level level) throws IOException {
        long at = src.offset();
        if (level.end != NO_END && at >= level.end) {
            checkEnd(level, at);
            levels.pop();
            item(Tag.SEQUENCE_DELIMITATION_ITEM, 0);
            return;
        }
        if (level.end == NO_END && src.atEnd()) {
            throw new DicomFormatException("stream ends in sequence " + Tag.toString(level.tag)
                    + " of undefined length: no sequence delimitation item (FFFE,E0DD)", at);
        }
        src.require(8, "item header");
        int tag = src.u16(0, level.bigEndian) << 16 | src.u16(2, level.bigEndian);
        long length = src.i32(4, level.bigEndian) & UNDEFINED;
        if (tag == Tag.SEQUENCE_DELIMITATION_ITEM && level.end == NO_END) {
            src.skip(8);
            levels.pop();
            item(Tag.SEQUENCE_DELIMITATION_ITEM, 0);
            return;
        }
        if (tag != Tag.ITEM) {
            throw new DicomFormatException("expected an item (FFFE,E000) in sequence " + Tag.toString(level.tag)
                    + ", found " + Tag.toString(tag), at);
        }
        src.skip(8);
        if (length != UNDEFINED && src.offset() + length > level.limit) {
            throw new DicomFormatException("item length " + length + " runs past the end of its sequence or item at "
                    + level.limit, at);
        }
        item(Tag.ITEM, (int) UNDEFINED);
        push(Kind.ITEM, Tag.ITEM, length == UNDEFINED ? NO_END : src.offset() + length, level.explicitVr,
                level.bigEndian);
    }

    /** An item or sequence delimiter read in an undefined-length item or sequence can cross the end. */
    private static void checkEnd(Level level, long at) throws DicomFormatException {
        if (at > level.end) {
            throw new DicomFormatException("delimiter runs past the end of the enclosing item or sequence at "
                    + level.end, at);
        }
    }

    private void endItem() {
        levels.pop();
        item(Tag.ITEM_DELIMITATION_ITEM, 0);
    }

    /** One item of encapsulated pixel data: copied unchanged, only its header re-encoded. */
    private void stepInFragments(Level level) throws IOException {
        long at = src.offset();
        src.require(8, "pixel data item header");
        int tag = src.u16(0, level.bigEndian) << 16 | src.u16(2, level.bigEndian);
        long length = src.i32(4, level.bigEndian) & UNDEFINED;
        src.skip(8);
        if (tag == Tag.SEQUENCE_DELIMITATION_ITEM) {
            if (!level.hasItems) {
                throw new DicomFormatException("encapsulated pixel data without Basic Offset Table item", at);
            }
            levels.pop();
            item(Tag.SEQUENCE_DELIMITATION_ITEM, 0);
            return;
        }
        if (tag != Tag.ITEM) {
            throw new DicomFormatException("expected a fragment item (FFFE,E000), found " + Tag.toString(tag), at);
        }
        if (length == UNDEFINED) {
            throw new DicomFormatException("fragment item with undefined length", at);
        }
        if (src.offset() + length > level.limit) {
            throw new DicomFormatException("fragment length " + length + " runs past the end of its item at "
                    + level.limit, at);
        }
        level.hasItems = true;
        item(Tag.ITEM, (int) (length + (length & 1)));
        copy(Tag.ITEM, length, 1, (length & 1) != 0 ? 0 : -1);
    }

    private void push(Kind kind, int tag, long end, boolean explicitVr, boolean bigEndian) throws DicomFormatException {
        Level level = new Level(kind, tag, end, levels.peek(), explicitVr, bigEndian);
        if (level.depth > MAX_DEPTH) {
            throw new DicomFormatException("sequences nested deeper than " + MAX_DEPTH, src.offset());
        }
        levels.push(level);
    }

    private void header(int tag, VR vr, long length) {
        limit = ElementHeaders.element(buf, limit, tag, vr, (int) length, explicitOut, bigOut);
    }

    private void item(int tag, int length) {
        limit = ElementHeaders.item(buf, limit, tag, length, bigOut);
    }

    /** Starts copying a value of {@code length} bytes, swapped in units of {@code unit} bytes, then {@code pad}. */
    private void copy(int tag, long length, int unit, int pad) {
        this.valueTag = tag;
        this.valueLength = length;
        this.valueLeft = length;
        this.valueStart = src.offset();
        this.value = src.slice(length);
        this.unit = unit;
        this.padding = pad;
    }

    /**
     * Copies as much of the value as the buffer has room for, in whole units so that swapping
     * never splits one (a short read is completed to the unit's end).
     */
    private void copyValue() throws IOException {
        int want = (int) Math.min(BUFFER_SIZE - limit, valueLeft);
        if (want < valueLeft) {
            want -= want % unit;
        }
        int n = value.read(buf, limit, want);
        while (n >= 0 && n % unit != 0 && n < want) {
            int more = value.read(buf, limit + n, unit - n % unit);
            n = more < 0 ? -1 : n + more;
        }
        if (n < 0) {
            throw src.truncated(valueTag, valueLength, valueLength - valueLeft, valueStart);
        }
        if (unit > 1) {
            ByteOrders.swap(buf, limit, n, unit);
        }
        limit += n;
        valueLeft -= n;
    }
}
