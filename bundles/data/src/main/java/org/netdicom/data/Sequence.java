package org.netdicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The value of an SQ element: an ordered list of item datasets, nested to any depth. Items know
 * the dataset that holds the sequence, so that they inherit its Specific Character Set.
 */
public final class Sequence implements Iterable<Dataset> {
    private final List<Dataset> items;
    private final Dataset owner;

    Sequence(Dataset owner, int expectedItems) {
        this.owner = owner;
        this.items = new ArrayList<>(expectedItems);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Dataset get(int index) {
        return items.get(index);
    }

    /** Appends an item and makes this sequence's dataset its parent. */
    public Sequence add(Dataset item) {
        if (item == owner) {
            throw new IllegalArgumentException("a dataset cannot be an item of its own sequence");
        }
        item.setParent(owner);
        items.add(item);
        return this;
    }

    /** Appends a new empty item and returns it. */
    public Dataset addNew() {
        Dataset item = new Dataset();
        add(item);
        return item;
    }

    public Dataset remove(int index) {
        Dataset d = items.remove(index);
        d.setParent(null);
        return d;
    }

    /** The items as an unmodifiable list. */
    public List<Dataset> items() {
        return Collections.unmodifiableList(items);
    }

    @Override
    public Iterator<Dataset> iterator() {
        return items().iterator();
    }

    Sequence copyFor(Dataset newOwner) {
        Sequence s = new Sequence(newOwner, items.size());
        for (Dataset item : items) {
            s.add(item.copy());
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence s && items.equals(s.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return "Sequence with " + items.size() + " items";
    }
}
