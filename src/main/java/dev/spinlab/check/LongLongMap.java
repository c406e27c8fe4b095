package dev.spinlab.check;

import java.util.Arrays;

/**
 * An open-addressing map from long to long (no boxing), for the explorer's per-state records
 * keyed by fingerprint: the sleep sets states were reached with, and a level's frontier indices.
 * A missing key reads as the default given to {@link #get}.
 */
final class LongLongMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys = newKeys(16);
    private long[] values = new long[16];
    private int size;
    /** Whether the key EMPTY itself is present (it cannot live in a slot), and its value. */
    private boolean hasEmptyKey;
    private long emptyKeyValue;

    private static long[] newKeys(int n) {
        long[] a = new long[n];
        Arrays.fill(a, EMPTY);
        return a;
    }

    int size() {
        return size + (hasEmptyKey ? 1 : 0);
    }

    long get(long key, long absent) {
        if (key == EMPTY) {
            return hasEmptyKey ? emptyKeyValue : absent;
        }
        int i = slot(key);
        return keys[i] == key ? values[i] : absent;
    }

    void put(long key, long value) {
        if (key == EMPTY) {
            hasEmptyKey = true;
            emptyKeyValue = value;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(key);
        if (keys[i] != key) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = newKeys(oldKeys.length * 2);
        values = new long[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j]);
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static long mix(long v) {
        v *= 0x9E3779B97F4A7C15L;
        return v ^ (v >>> 29);
    }
}
