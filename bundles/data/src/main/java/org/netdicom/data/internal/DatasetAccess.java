package org.netdicom.data.internal;

import java.util.List;
import org.netdicom.data.Dataset;
import org.netdicom.data.Fragments;
import org.netdicom.data.Sequence;
import org.netdicom.data.VR;

/**
 * The codec's door into the data model: element access without copying values, which the public
 * API does not offer (it copies byte arrays in and out). Installed once by {@link Dataset}'s class
 * initialiser; this package is private to the bundle.
 */
public abstract class DatasetAccess {
    private static volatile DatasetAccess instance;

    /** Called once by the data model; a second call fails. */
    public static synchronized void install(DatasetAccess access) {
        if (instance != null) {
            throw new IllegalStateException("already installed");
        }
        instance = access;
    }

    public static DatasetAccess get() {
        DatasetAccess a = instance;
        if (a == null) {
            try {
                Class.forName(Dataset.class.getName(), true, Dataset.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = instance;
        }
        return a;
    }

    public abstract int size(Dataset d);

    public abstract int tagAt(Dataset d, int index);

    public abstract VR vrAt(Dataset d, int index);

    /** A {@code byte[]} (not to be modified), a {@link Sequence} or {@link Fragments}. */
    public abstract Object valueAt(Dataset d, int index);

    /** Adds or replaces an element taking ownership of {@code value} without copying it. */
    public abstract void put(Dataset d, int tag, VR vr, Object value);

    /** A new empty sequence owned by {@code owner}, not yet put into it. */
    public abstract Sequence newSequence(Dataset owner, int expectedItems);

    /** The items of encapsulated pixel data, offset table first, not copied. */
    public abstract List<byte[]> items(Fragments f);

    /** Encapsulated pixel data taking ownership of the list (offset table first). */
    public abstract Fragments newFragments(List<byte[]> items);
}
