package org.netdicom.data.internal;

import java.util.Arrays;

/**
 * A map from {@code int} keys to objects by open addressing with linear probing: no boxing on
 * look-up, which the codec does once per element. Built once and then only read; not thread-safe
 * while it is being filled.
 */
public final class IntMap<V> {
    private static final int FREE = 0;

    private int[] keys;
    private Object[] values;
    private boolean hasZeroKey;
    private Object zeroValue;
    private int size;

    public IntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new int[capacity];
        values = new Object[capacity];
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    public V get(int key) {
        if (key == FREE) {
            return hasZeroKey ? (V) zeroValue : null;
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == FREE) {
                return null;
            }
        }
    }

    /** Stores {@code value} under {@code key}, replacing an earlier value. */
    public void put(int key, V value) {
        if (key == FREE) {
            if (!hasZeroKey) {
                size++;
            }
            hasZeroKey = true;
            zeroValue = value;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            if (keys[i] == FREE) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int zero = hasZeroKey ? 1 : 0;
        size = zero;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                @SuppressWarnings("unchecked")
                V v = (V) oldValues[i];
                put(oldKeys[i], v);
            }
        }
        Arrays.fill(oldValues, null);
    }
}
