package org.netdicom.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.netdicom.data.BulkData;
import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.DictionaryEntry;
import org.netdicom.data.dict.ElementDictionary;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.internal.ByteOrders;
import org.netdicom.data.internal.DatasetAccess;

/**
 * Decodes a data set from a stream in Implicit VR Little Endian, Explicit VR Little Endian or
 * Explicit VR Big Endian (PS3.5 chapter 7): sequences and items of defined and undefined length
 * to any depth, encapsulated pixel data kept as fragments, UN of undefined length read as a
 * sequence in Implicit VR Little Endian (PS3.5 6.2.2). Binary values of Big Endian input are
 * swapped to the little endian order of the data model.
 *
 * <p>Every length is checked before anything is allocated: against the end of the enclosing item
 * or sequence, and against {@link #maxValueLength(int)}. Each step consumes at least one header,
 * so the reader always ends. Bad input gives a {@link DicomFormatException} with the byte offset.
 * The reader is lenient by default: odd value lengths and VRs that the dictionary does not list
 * for a tag are accepted, because real-world files have them. {@link #strict(boolean) Strict}
 * mode, for validation, rejects both. Not thread-safe.
 */
public final class DicomReader {
    private static final int UNDEFINED = -1;
    private static final long NO_END = -1;
    private static final int MAX_DEPTH = 64;

    private final ByteSource src;
    private final DatasetAccess access = DatasetAccess.get();
    private boolean explicitVr;
    private boolean bigEndian;
    private int maxValueLength = Integer.MAX_VALUE - 8;
    private int stopTag = -1;
    private boolean stopped;
    private boolean strict;
    private long bulkThreshold = Long.MAX_VALUE;
    private BulkDataSink bulkSink;

    /** A reader of {@code in}; for speed, {@code in} need not be buffered (the reader buffers). */
    public DicomReader(InputStream in) {
        this(new ByteSource(in, 0));
    }

    /**
     * A reader of {@code data[off, off + len)}, read in place (faster than a stream over the same
     * bytes); values are copies, the data set does not share {@code data}. Offsets count from
     * {@code off}.
     */
    public DicomReader(byte[] data, int off, int len) {
        this(new ByteSource(data, off, len));
    }

    DicomReader(ByteSource src) {
        this.src = src;
    }

    /** The largest value length accepted (default: the largest Java array). */
    public DicomReader maxValueLength(int max) {
        this.maxValueLength = max;
        return this;
    }

    /**
     * Stops reading the top-level data set before the first element whose tag is {@code tag} or
     * greater (e.g. {@link Tag#PIXEL_DATA} for header-only parsing); the stream is left just before
     * that element's header, its value unread.
     */
    public DicomReader stopBefore(int tag) {
        this.stopTag = tag;
        return this;
    }

    /**
     * Strict mode rejects, with a {@link DicomFormatException} at the element's header, what
     * lenient mode (the default) accepts: odd value lengths of elements and items (PS3.5 7.1.1:
     * lengths are even), and in Explicit VR a VR other than UN that the data dictionary does not
     * list for a known tag (PS3.5 7.1.2, PS3.6).
     */
    public DicomReader strict(boolean strict) {
        this.strict = strict;
        return this;
    }

    /**
     * Hands values of at least {@code threshold} bytes to {@code sink} instead of reading them
     * into memory: OB, OW, OF, OD, OL, OV and UN values of defined length (Pixel Data and other
     * bulk values) at any depth; the data set keeps the {@link org.netdicom.data.BulkData} the
     * sink returns. Encapsulated pixel data fragments are still read into memory.
     */
    public DicomReader bulkData(long threshold, BulkDataSink sink) {
        this.bulkThreshold = threshold;
        this.bulkSink = sink;
        return this;
    }

    boolean isStrict() {
        return strict;
    }

    BulkDataSink bulkDataSink() {
        return bulkSink;
    }

    long bulkDataThreshold() {
        return bulkThreshold;
    }

    /** True if the last {@link #readDataset} stopped at the tag given to {@link #stopBefore(int)}. */
    public boolean stopped() {
        return stopped;
    }

    /** The offset of the next unread byte. */
    public long offset() {
        return src.offset();
    }

    /** Reads elements until the end of the stream (or the stop tag) into a new dataset. */
    public Dataset readDataset(TransferSyntax ts) throws IOException {
        if (ts.isDeflated()) {
            throw new IllegalArgumentException("inflate the stream first; DicomFile does for Part 10 files");
        }
        Dataset d = new Dataset(64);
        readInto(d, ts);
        return d;
    }

    void readInto(Dataset d, TransferSyntax ts) throws IOException {
        explicitVr = ts.isExplicitVr();
        bigEndian = ts.isBigEndian();
        stopped = false;
        readElements(d, NO_END, false, 0);
    }

    ByteSource source() {
        return src;
    }

    private void readElements(Dataset d, long end, boolean inItem, int depth) throws IOException {
        while (true) {
            if (end != NO_END) {
                long at = src.offset();
                if (at == end) {
                    return;
                }
                if (at > end) {
                    throw new DicomFormatException("element runs past the end of its item at " + end, at);
                }
            } else if (src.atEnd()) {
                if (inItem) {
                    throw new DicomFormatException("stream ends in an item of undefined length:"
                            + " no item delimitation item (FFFE,E00D)", src.offset());
                }
                return;
            }
            src.require(8, "element header");
            int tag = src.u16(0, bigEndian) << 16 | src.u16(2, bigEndian);
            if (depth == 0 && stopTag != -1 && Integer.compareUnsigned(tag, stopTag) >= 0) {
                stopped = true;
                return;
            }
            if ((tag >>> 16) == 0xFFFE) {
                long at = src.offset();
                if (tag == Tag.ITEM_DELIMITATION_ITEM && inItem && end == NO_END) {
                    src.skip(8);
                    return;
                }
                throw new DicomFormatException("unexpected " + Tag.toString(tag) + (inItem ? " in item" : " in data set"), at);
            }
            readElement(d, tag, end, depth);
        }
    }

    private void readElement(Dataset d, int tag, long end, int depth) throws IOException {
        long headerAt = src.offset();
        VR vr;
        long length;
        if (explicitVr) {
            vr = src.explicitVr(tag);
            length = src.explicitLength(vr, bigEndian);
        } else {
            vr = ElementDictionary.standard().vrOf(tag); // loaded on first need: Explicit VR never does
            length = src.i32(4, bigEndian) & 0xFFFFFFFFL;
            src.skip(8);
        }
        if (strict) {
            checkStrict(tag, vr, length, headerAt);
        }
        if (length == 0xFFFFFFFFL) {
            readUndefinedLength(d, tag, vr, headerAt, end, depth);
            return;
        }
        if (length >= bulkThreshold && isBulk(vr)) {
            checkEnd(tag, length, end, headerAt); // not the maximum: bulk values may exceed an array
            readBulk(d, tag, vr, length);
            return;
        }
        checkLength(tag, length, end, headerAt);
        if (vr == VR.SQ) {
            Sequence s = access.newSequence(d, 4);
            access.put(d, tag, vr, s);
            readItems(s, tag, src.offset() + length, depth + 1);
            return;
        }
        byte[] value = src.read((int) length, tag);
        if (bigEndian && vr.kind() == VR.Kind.BINARY && vr.unitSize() > 1) {
            ByteOrders.swap(value, value.length, vr.unitSize());
        }
        access.put(d, tag, vr, value);
    }

    private void checkStrict(int tag, VR vr, long length, long headerAt) throws DicomFormatException {
        if ((length & 1) != 0 && length != 0xFFFFFFFFL) {
            throw new DicomFormatException("odd value length " + length + " of " + Tag.toString(tag)
                    + " (strict mode; PS3.5 7.1.1 requires even lengths)", headerAt);
        }
        if (explicitVr && vr != VR.UN) {
            DictionaryEntry e = ElementDictionary.standard().entry(tag);
            if (e != null && !e.vrs().contains(vr)) {
                throw new DicomFormatException("VR " + vr + " of " + Tag.toString(tag) + " " + e.keyword()
                        + " is not its dictionary VR " + e.vrs() + " (strict mode)", headerAt);
            }
        }
    }

    private static boolean isBulk(VR vr) {
        return vr == VR.OB || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL || vr == VR.OV || vr == VR.UN;
    }

    private void readBulk(Dataset d, int tag, VR vr, long length) throws IOException {
        long at = src.offset();
        InputStream value = src.slice(length);
        BulkData bulk = bulkSink.accept(tag, vr, at, length, bigEndian && vr.unitSize() > 1, value);
        long unread = ByteSource.unread(value);
        if (unread > 0) {
            src.skipValue(unread, tag);
        }
        if (bulk != null) {
            access.put(d, tag, vr, bulk);
        }
    }

    private void checkItemLength(long length, long end, long at) throws DicomFormatException {
        if (strict && (length & 1) != 0) {
            throw new DicomFormatException("odd item length " + length + " (strict mode)", at);
        }
        checkLength(Tag.ITEM, length, end, at);
    }

    private void checkLength(int tag, long length, long end, long headerAt) throws DicomFormatException {
        if (length > maxValueLength) {
            throw new DicomFormatException("value length " + length + " of " + Tag.toString(tag)
                    + " exceeds the maximum " + maxValueLength, headerAt);
        }
        checkEnd(tag, length, end, headerAt);
    }

    private void checkEnd(int tag, long length, long end, long headerAt) throws DicomFormatException {
        if (end != NO_END && src.offset() + length > end) {
            throw new DicomFormatException("value length " + length + " of " + Tag.toString(tag)
                    + " runs past the end of its item or sequence at " + end, headerAt);
        }
    }

    private void readUndefinedLength(Dataset d, int tag, VR vr, long headerAt, long end, int depth) throws IOException {
        if (vr == VR.SQ) {
            Sequence s = access.newSequence(d, 4);
            access.put(d, tag, vr, s);
            readItems(s, tag, NO_END, depth + 1);
        } else if (vr == VR.UN) {
            // PS3.5 6.2.2: UN of undefined length is a sequence encoded in Implicit VR Little Endian
            boolean wasExplicit = explicitVr;
            boolean wasBig = bigEndian;
            explicitVr = false;
            bigEndian = false;
            try {
                Sequence s = access.newSequence(d, 4);
                access.put(d, tag, VR.SQ, s);
                readItems(s, tag, NO_END, depth + 1);
            } finally {
                explicitVr = wasExplicit;
                bigEndian = wasBig;
            }
        } else if (vr == VR.OB || vr == VR.OW) {
            access.put(d, tag, VR.OB, access.newFragments(readFragments(end)));
        } else {
            throw new DicomFormatException("undefined length on " + Tag.toString(tag) + " with VR " + vr
                    + ": only SQ, UN and encapsulated OB/OW may have it", headerAt);
        }
    }

    private void readItems(Sequence s, int seqTag, long end, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new DicomFormatException("sequences nested deeper than " + MAX_DEPTH, src.offset());
        }
        while (true) {
            long at = src.offset();
            if (end != NO_END && at >= end) {
                if (at > end) {
                    throw new DicomFormatException("item runs past the end of its sequence at " + end, at);
                }
                return;
            }
            if (end == NO_END && src.atEnd()) {
                throw new DicomFormatException("stream ends in sequence " + Tag.toString(seqTag)
                        + " of undefined length: no sequence delimitation item (FFFE,E0DD)", at);
            }
            src.require(8, "item header");
            int tag = src.u16(0, bigEndian) << 16 | src.u16(2, bigEndian);
            long length = src.i32(4, bigEndian) & 0xFFFFFFFFL;
            if (tag == Tag.SEQUENCE_DELIMITATION_ITEM) {
                src.skip(8);
                if (end != NO_END) {
                    throw new DicomFormatException("sequence delimiter in a sequence of defined length", at);
                }
                return;
            }
            if (tag != Tag.ITEM) {
                throw new DicomFormatException("expected an item (FFFE,E000) in sequence, found " + Tag.toString(tag)
                        + (end == NO_END ? " (missing sequence delimiter?)" : ""), at);
            }
            src.skip(8);
            Dataset item = new Dataset(8);
            s.add(item);
            if (length == 0xFFFFFFFFL) {
                readElements(item, NO_END, true, depth);
            } else {
                checkItemLength(length, end, at);
                readElements(item, src.offset() + length, true, depth);
            }
        }
    }

    private List<byte[]> readFragments(long end) throws IOException {
        List<byte[]> items = new ArrayList<>();
        while (true) {
            long at = src.offset();
            src.require(8, "pixel data item header");
            int tag = src.u16(0, bigEndian) << 16 | src.u16(2, bigEndian);
            long length = src.i32(4, bigEndian) & 0xFFFFFFFFL;
            src.skip(8);
            if (tag == Tag.SEQUENCE_DELIMITATION_ITEM) {
                if (items.isEmpty()) {
                    throw new DicomFormatException("encapsulated pixel data without Basic Offset Table item", at);
                }
                return items;
            }
            if (tag != Tag.ITEM) {
                throw new DicomFormatException("expected a fragment item (FFFE,E000), found " + Tag.toString(tag), at);
            }
            if (length == 0xFFFFFFFFL) {
                throw new DicomFormatException("fragment item with undefined length", at);
            }
            checkItemLength(length, end, at);
            items.add(src.read((int) length, Tag.ITEM));
        }
    }
}
