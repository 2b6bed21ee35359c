package org.netdicom.data;

/**
 * A read-only view of one data element of a {@link Dataset}, as handed out while iterating. The
 * value is one of: an encoded value (little endian bytes, read with {@link #bytes()}), a
 * {@link Sequence}, {@link Fragments}, or {@link BulkData} (a value left on disk or in a stream).
 */
public final class Element {
    private final int tag;
    private final VR vr;
    private final Object value;

    Element(int tag, VR vr, Object value) {
        this.tag = tag;
        this.vr = vr;
        this.value = value;
    }

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }

    public boolean isSequence() {
        return value instanceof Sequence;
    }

    public boolean isFragments() {
        return value instanceof Fragments;
    }

    /** The sequence, or {@code null} if this is not an SQ element. */
    public Sequence sequence() {
        return value instanceof Sequence s ? s : null;
    }

    /** The value kept outside the heap, or {@code null} if the value is in memory. */
    public BulkData bulkData() {
        return value instanceof BulkData b ? b : null;
    }

    /** The encapsulated pixel data, or {@code null}. */
    public Fragments fragments() {
        return value instanceof Fragments f ? f : null;
    }

    /** A copy of the encoded value (little endian), or {@code null} for sequences, fragments and bulk data. */
    public byte[] bytes() {
        return value instanceof byte[] b ? b.clone() : null;
    }

    /** The length of the encoded value in memory in bytes; -1 for sequences, fragments and bulk data. */
    public int length() {
        return value instanceof byte[] b ? b.length : -1;
    }

    @Override
    public String toString() {
        return Tag.toString(tag) + " " + vr + " " + (value instanceof byte[] b ? b.length + " bytes" : value);
    }
}
