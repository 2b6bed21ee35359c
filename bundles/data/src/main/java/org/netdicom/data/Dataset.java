package org.netdicom.data;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.netdicom.data.dict.ElementDictionary;
import org.netdicom.data.internal.CharacterSets;
import org.netdicom.data.internal.DatasetAccess;
import org.netdicom.data.internal.DatasetDump;
import org.netdicom.data.internal.Temporals;
import org.netdicom.data.internal.Values;

/**
 * A DICOM data set: data elements ordered by tag, each with a VR and a value. Values are kept as
 * encoded bytes (little endian for binary VRs, padded to even length) and converted by the typed
 * getters and setters, which take a tag ({@code 0x00100010}) or a keyword ({@code "PatientName"}).
 *
 * <p>Getters return {@code null} (or the given default) when the element is absent, an empty
 * array when it is present without value, and throw {@link IllegalArgumentException} when the
 * value cannot be read as asked (text that is not a number, a partial date). Setters without a VR
 * take the first VR the dictionary lists for the tag. Byte arrays are copied in and out, so a
 * dataset only changes through its own methods. Not thread-safe; {@link #copy()} gives an
 * independent deep copy.
 */
public final class Dataset implements Iterable<Element> {

    static {
        DatasetAccess.install(new Access());
    }

    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    /** The dataset whose sequence holds this one as an item, for the inherited character set. */
    private Dataset parent;

    public Dataset() {
        this(16);
    }

    public Dataset(int expectedElements) {
        int n = Math.max(4, expectedElements);
        tags = new int[n];
        vrs = new VR[n];
        values = new Object[n];
    }

    // ---- structure ------------------------------------------------------------------------

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    public boolean contains(String keyword) {
        return contains(tagOf(keyword));
    }

    /** The VR of an element, or {@code null} if it is absent. */
    public VR vr(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : vrs[i];
    }

    /** The element with this tag, or {@code null}. */
    public Element element(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : new Element(tags[i], vrs[i], values[i]);
    }

    /** Removes an element; returns true if it was there. */
    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        vrs[size] = null;
        return true;
    }

    /** The dataset whose sequence holds this one, or {@code null} for a top-level dataset. */
    public Dataset parent() {
        return parent;
    }

    void setParent(Dataset parent) {
        this.parent = parent;
    }

    /** The tags in ascending order. */
    public int[] tags() {
        return Arrays.copyOf(tags, size);
    }

    @Override
    public Iterator<Element> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Element next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new Element(tags[i], vrs[i], values[i]);
            }
        };
    }

    /** A deep copy: sequences and their items are copied too; the copy has no parent. */
    public Dataset copy() {
        return filter(t -> true);
    }

    /** A deep copy of the elements whose tags pass {@code keep} (at this level; items are copied whole). */
    public Dataset filter(IntPredicate keep) {
        Dataset d = new Dataset(size);
        for (int i = 0; i < size; i++) {
            if (keep.test(tags[i])) {
                d.append(tags[i], vrs[i], copyValue(values[i], d));
            }
        }
        return d;
    }

    /** Copies every element of {@code other} into this dataset, replacing elements with the same tag. */
    public Dataset merge(Dataset other) {
        for (int i = 0; i < other.size; i++) {
            put(other.tags[i], other.vrs[i], copyValue(other.values[i], this));
        }
        return this;
    }

    private static Object copyValue(Object v, Dataset newOwner) {
        if (v instanceof Sequence s) {
            return s.copyFor(newOwner);
        }
        if (v instanceof Fragments f) {
            return f.copy();
        }
        return v; // byte arrays are never modified in place
    }

    // ---- character set -------------------------------------------------------------------

    /**
     * The charset for text values: from this dataset's Specific Character Set (0008,0005), else the
     * parent's, else the default repertoire (see the internal {@code CharacterSets} for what is supported).
     */
    public Charset characterSet() {
        for (Dataset d = this; d != null; d = d.parent) {
            int i = d.indexOf(Tag.SPECIFIC_CHARACTER_SET);
            if (i >= 0 && d.values[i] instanceof byte[] b) {
                return CharacterSets.forTerms(Values.strings(b, VR.CS, CharacterSets.DEFAULT));
            }
        }
        return CharacterSets.DEFAULT;
    }

    // ---- getters ---------------------------------------------------------------------------

    /** A copy of the encoded value (binary VRs little endian), or {@code null} if absent or not a plain value. */
    public byte[] getBytes(int tag) {
        byte[] b = raw(tag);
        return b == null ? null : b.clone();
    }

    /** The values of a character or binary element as text (numbers in decimal), or {@code null}. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return null;
        }
        VR vr = vrs[i];
        if (vr.isString()) {
            return Values.strings(b, vr, characterSet());
        }
        return Values.displayStrings(b, vr, characterSet(), Integer.MAX_VALUE);
    }

    public String[] getStrings(String keyword) {
        return getStrings(tagOf(keyword));
    }

    /** The first value as text, or {@code null} if absent or empty. */
    public String getString(int tag) {
        String[] s = getStrings(tag);
        return s == null || s.length == 0 ? null : s[0];
    }

    public String getString(String keyword) {
        return getString(tagOf(keyword));
    }

    /** The first value as text, or {@code defaultValue}. */
    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s == null ? defaultValue : s;
    }

    /** Integer values of US, SS, UL, SL, SV, UV, AT, IS, DS, FL, FD and O* VRs; {@code null} if absent. */
    public long[] getLongs(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return null;
        }
        return Values.longs(b, vrs[i]);
    }

    public long[] getLongs(String keyword) {
        return getLongs(tagOf(keyword));
    }

    public long getLong(int tag, long defaultValue) {
        long[] v = getLongs(tag);
        return v == null || v.length == 0 ? defaultValue : v[0];
    }

    /** Like {@link #getLongs(int)}, failing if a value does not fit in an {@code int}. */
    public int[] getInts(int tag) {
        long[] l = getLongs(tag);
        if (l == null) {
            return null;
        }
        int[] r = new int[l.length];
        for (int k = 0; k < l.length; k++) {
            r[k] = toInt(tag, l[k]);
        }
        return r;
    }

    public int[] getInts(String keyword) {
        return getInts(tagOf(keyword));
    }

    public int getInt(int tag, int defaultValue) {
        long[] v = getLongs(tag);
        return v == null || v.length == 0 ? defaultValue : toInt(tag, v[0]);
    }

    public int getInt(String keyword, int defaultValue) {
        return getInt(tagOf(keyword), defaultValue);
    }

    private static int toInt(int tag, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(Tag.toString(tag) + ": " + v + " does not fit in an int");
        }
        return (int) v;
    }

    /** Numeric values as doubles (FL, FD, OF, OD, DS, IS and the integer VRs); {@code null} if absent. */
    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return null;
        }
        return Values.doubles(b, vrs[i]);
    }

    public double[] getDoubles(String keyword) {
        return getDoubles(tagOf(keyword));
    }

    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v == null || v.length == 0 ? defaultValue : v[0];
    }

    public double getDouble(String keyword, double defaultValue) {
        return getDouble(tagOf(keyword), defaultValue);
    }

    /** A DA value (YYYYMMDD, or the old YYYY.MM.DD) as a date; {@code null} if absent or empty. */
    public LocalDate getDate(int tag) {
        String s = getString(tag);
        return s == null ? null : Temporals.parseDate(s);
    }

    public LocalDate getDate(String keyword) {
        return getDate(tagOf(keyword));
    }

    /** A TM value (HH, HHMM, HHMMSS or HHMMSS.FFFFFF; missing parts are zero) as a time. */
    public LocalTime getTime(int tag) {
        String s = getString(tag);
        return s == null ? null : Temporals.parseTime(s);
    }

    public LocalTime getTime(String keyword) {
        return getTime(tagOf(keyword));
    }

    /**
     * A DT value with at least the date (YYYYMMDD) as a local date-time; missing time parts are
     * zero and a UTC offset suffix is ignored (read the text with {@link #getString(int)} to keep it).
     * Values with only a year or month fail: they name no date.
     */
    public LocalDateTime getDateTime(int tag) {
        String s = getString(tag);
        return s == null ? null : Temporals.parseDateTime(s);
    }

    public LocalDateTime getDateTime(String keyword) {
        return getDateTime(tagOf(keyword));
    }

    /** The first PN value, or {@code null}. */
    public PersonName getPersonName(int tag) {
        String s = getString(tag);
        return s == null ? null : PersonName.parse(s);
    }

    public PersonName getPersonName(String keyword) {
        return getPersonName(tagOf(keyword));
    }

    /** The sequence of an SQ element, or {@code null}. */
    public Sequence getSequence(int tag) {
        int i = indexOf(tag);
        return i >= 0 && values[i] instanceof Sequence s ? s : null;
    }

    public Sequence getSequence(String keyword) {
        return getSequence(tagOf(keyword));
    }

    /** Encapsulated pixel data, or {@code null}. */
    public Fragments getFragments(int tag) {
        int i = indexOf(tag);
        return i >= 0 && values[i] instanceof Fragments f ? f : null;
    }

    /** A value kept outside the heap (see {@link BulkData}), or {@code null} if absent or in memory. */
    public BulkData getBulkData(int tag) {
        int i = indexOf(tag);
        return i >= 0 && values[i] instanceof BulkData b ? b : null;
    }

    /**
     * The private creator that reserves the block of a private data element (gggg,xxyy): the value
     * of (gggg,00xx) in this dataset (PS3.5 7.8.1), or {@code null} if there is none or the tag is not private data.
     */
    public String privateCreator(int tag) {
        int creatorTag = Tag.privateCreatorOf(tag);
        return creatorTag < 0 ? null : getString(creatorTag);
    }

    // ---- setters ---------------------------------------------------------------------------

    /** Sets an element to an encoded value (binary VRs little endian); the array is copied. */
    public Dataset setBytes(int tag, VR vr, byte[] value) {
        if (vr == VR.SQ) {
            throw new IllegalArgumentException("SQ holds items, not bytes: " + Tag.toString(tag));
        }
        put(tag, vr, vr.isString() ? Values.padded(value.clone(), vr.padding()) : value.clone());
        return this;
    }

    /**
     * Sets a character element; several values are joined with backslash. Text is encoded in
     * {@link #characterSet()}, so set Specific Character Set (0008,0005) before other text.
     */
    public Dataset setString(int tag, VR vr, String... values) {
        if (!vr.isString()) {
            throw new IllegalArgumentException(Tag.toString(tag) + ": VR " + vr + " holds no text");
        }
        if (!vr.isMultiValuedString() && values.length > 1) {
            throw new IllegalArgumentException(Tag.toString(tag) + ": VR " + vr + " holds one value only");
        }
        put(tag, vr, Values.encodeStrings(values, vr, characterSet()));
        return this;
    }

    public Dataset setString(int tag, String... values) {
        return setString(tag, dictionaryVr(tag), values);
    }

    public Dataset setString(String keyword, String... values) {
        return setString(tagOf(keyword), values);
    }

    /** Sets integer values in a binary VR, or as IS/DS text. */
    public Dataset setLong(int tag, VR vr, long... values) {
        put(tag, vr, Values.encodeLongs(values, vr));
        return this;
    }

    public Dataset setInt(int tag, VR vr, int... values) {
        return setLong(tag, vr, Arrays.stream(values).asLongStream().toArray());
    }

    public Dataset setInt(int tag, int... values) {
        return setInt(tag, dictionaryVr(tag), values);
    }

    public Dataset setInt(String keyword, int... values) {
        return setInt(tagOf(keyword), values);
    }

    /** Sets floating point values in FL, FD, OF, OD, or as DS text. */
    public Dataset setDouble(int tag, VR vr, double... values) {
        put(tag, vr, Values.encodeDoubles(values, vr));
        return this;
    }

    public Dataset setDouble(int tag, double... values) {
        return setDouble(tag, dictionaryVr(tag), values);
    }

    public Dataset setDouble(String keyword, double... values) {
        return setDouble(tagOf(keyword), values);
    }

    public Dataset setDate(int tag, LocalDate date) {
        return setString(tag, VR.DA, Temporals.formatDate(date));
    }

    public Dataset setDate(String keyword, LocalDate date) {
        return setDate(tagOf(keyword), date);
    }

    public Dataset setTime(int tag, LocalTime time) {
        return setString(tag, VR.TM, Temporals.formatTime(time));
    }

    public Dataset setTime(String keyword, LocalTime time) {
        return setTime(tagOf(keyword), time);
    }

    public Dataset setDateTime(int tag, LocalDateTime dateTime) {
        return setString(tag, VR.DT, Temporals.formatDateTime(dateTime));
    }

    public Dataset setPersonName(int tag, PersonName name) {
        return setString(tag, VR.PN, name.toString());
    }

    public Dataset setPersonName(String keyword, PersonName name) {
        return setPersonName(tagOf(keyword), name);
    }

    /** Puts a new empty sequence at {@code tag} (replacing what was there) and returns it. */
    public Sequence newSequence(int tag) {
        Sequence s = new Sequence(this, 4);
        put(tag, VR.SQ, s);
        return s;
    }

    public Sequence newSequence(String keyword) {
        return newSequence(tagOf(keyword));
    }

    /** Puts encapsulated pixel data (VR OB) at {@code tag}; the fragments are copied. */
    public Dataset setFragments(int tag, Fragments fragments) {
        put(tag, VR.OB, fragments.copy());
        return this;
    }

    /**
     * Puts a value kept outside the heap; writers stream it. Getters that decode values
     * ({@link #getBytes(int)}, {@link #getStrings(int)}, ...) return {@code null} for it.
     */
    public Dataset setBulkData(int tag, VR vr, BulkData value) {
        if (vr == VR.SQ || vr.isString()) {
            throw new IllegalArgumentException("bulk data needs a binary VR, not " + vr + ": " + Tag.toString(tag));
        }
        put(tag, vr, Objects.requireNonNull(value));
        return this;
    }

    // ---- object methods -------------------------------------------------------------------

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Dataset d) || d.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != d.tags[i] || vrs[i] != d.vrs[i] || !valueEquals(values[i], d.values[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueEquals(Object a, Object b) {
        return a instanceof byte[] x && b instanceof byte[] y ? Arrays.equals(x, y) : a.equals(b);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + tags[i];
            h = 31 * h + (values[i] instanceof byte[] b ? Arrays.hashCode(b) : values[i].hashCode());
        }
        return h;
    }

    /** One line per element in the style of DCMTK's {@code dcmdump}; items indented by two spaces. */
    @Override
    public String toString() {
        return DatasetDump.dump(this);
    }

    // ---- internals ------------------------------------------------------------------------

    private static int tagOf(String keyword) {
        int tag = ElementDictionary.standard().tagOf(keyword); // loaded on first need, not with the class
        if (tag == -1) {
            throw new IllegalArgumentException("unknown keyword: " + keyword);
        }
        return tag;
    }

    private static VR dictionaryVr(int tag) {
        VR vr = ElementDictionary.standard().vrOf(tag);
        if (vr == VR.UN) {
            throw new IllegalArgumentException(Tag.toString(tag) + " is not in the dictionary: give its VR");
        }
        return vr;
    }

    private byte[] raw(int tag) {
        int i = indexOf(tag);
        return i >= 0 && values[i] instanceof byte[] b ? b : null;
    }

    private int indexOf(int tag) {
        // unsigned order: (FFFE,...) and groups above 7FFF sort after (0008,...)
        int lo = 0;
        int hi = size - 1;
        int key = tag ^ Integer.MIN_VALUE;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int m = tags[mid] ^ Integer.MIN_VALUE;
            if (m < key) {
                lo = mid + 1;
            } else if (m > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private void put(int tag, VR vr, Object value) {
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            append(tag, vr, value);
            return;
        }
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
            return;
        }
        int at = -(i + 1);
        ensureCapacity();
        System.arraycopy(tags, at, tags, at + 1, size - at);
        System.arraycopy(vrs, at, vrs, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    private void append(int tag, VR vr, Object value) {
        ensureCapacity();
        tags[size] = tag;
        vrs[size] = vr;
        values[size] = value;
        size++;
    }

    private void ensureCapacity() {
        if (size == tags.length) {
            int n = tags.length * 2;
            tags = Arrays.copyOf(tags, n);
            vrs = Arrays.copyOf(vrs, n);
            values = Arrays.copyOf(values, n);
        }
    }

    private static final class Access extends DatasetAccess {
        @Override
        public int size(Dataset d) {
            return d.size;
        }

        @Override
        public int tagAt(Dataset d, int index) {
            return d.tags[index];
        }

        @Override
        public VR vrAt(Dataset d, int index) {
            return d.vrs[index];
        }

        @Override
        public Object valueAt(Dataset d, int index) {
            return d.values[index];
        }

        @Override
        public void put(Dataset d, int tag, VR vr, Object value) {
            d.put(tag, vr, value);
        }

        @Override
        public Sequence newSequence(Dataset owner, int expectedItems) {
            return new Sequence(owner, expectedItems);
        }

        @Override
        public List<byte[]> items(Fragments f) {
            return f.rawItems();
        }

        @Override
        public Fragments newFragments(List<byte[]> items) {
            return new Fragments(items);
        }
    }
}
