package org.netdicom.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The value of encapsulated Pixel Data (PS3.5 A.4): the Basic Offset Table item (possibly empty)
 * followed by the fragments of the compressed frames, kept as they were read. Fragments are not
 * decoded or joined; byte arrays are copied in and out so that the value cannot change behind the
 * dataset's back.
 */
public final class Fragments {
    private final List<byte[]> items; // items.get(0) is the Basic Offset Table

    /** Encapsulated pixel data with an empty Basic Offset Table and no fragments yet. */
    public Fragments() {
        items = new ArrayList<>();
        items.add(new byte[0]);
    }

    Fragments(List<byte[]> itemsIncludingOffsetTable) {
        items = itemsIncludingOffsetTable;
    }

    /** A copy of the Basic Offset Table item's value (empty if there is none). */
    public byte[] offsetTable() {
        return items.get(0).clone();
    }

    public void setOffsetTable(byte[] table) {
        items.set(0, table.clone());
    }

    /** The number of fragments, not counting the Basic Offset Table. */
    public int size() {
        return items.size() - 1;
    }

    /** A copy of fragment {@code index} (0 is the first fragment after the offset table). */
    public byte[] get(int index) {
        return items.get(index + 1).clone();
    }

    public Fragments add(byte[] fragment) {
        items.add(fragment.clone());
        return this;
    }

    /** The items including the offset table, without copying; for the codec only. */
    List<byte[]> rawItems() {
        return items;
    }

    Fragments copy() {
        return new Fragments(new ArrayList<>(items)); // arrays are never modified in place
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments f) || f.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!Arrays.equals(items.get(i), f.items.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (byte[] b : items) {
            h = 31 * h + Arrays.hashCode(b);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Fragments: offset table " + items.get(0).length + " bytes, " + size() + " fragments";
    }
}
