package dev.spinlab.check;

import java.util.Arrays;

/** A small open-addressing set of longs (no boxing): the words a footprint touches. */
final class LongHashSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = newSlots(8);
    private int size;

    private static long[] newSlots(int n) {
        long[] a = new long[n];
        Arrays.fill(a, EMPTY);
        return a;
    }

    int size() {
        return size;
    }

    void add(long v) {
        if ((size + 1) * 2 > slots.length) {
            long[] old = slots;
            slots = newSlots(old.length * 2);
            size = 0;
            for (long o : old) {
                if (o != EMPTY) {
                    insert(o);
                }
            }
        }
        insert(v);
    }

    private void insert(long v) {
        int mask = slots.length - 1;
        int i = (int) mix(v) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == v) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = v;
        size++;
    }

    boolean contains(long v) {
        int mask = slots.length - 1;
        int i = (int) mix(v) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** True when the two sets share an element. */
    boolean intersects(LongHashSet o) {
        LongHashSet small = size <= o.size ? this : o;
        LongHashSet large = small == this ? o : this;
        if (small.size == 0) {
            return false;
        }
        for (long v : small.slots) {
            if (v != EMPTY && large.contains(v)) {
                return true;
            }
        }
        return false;
    }

    void addAll(LongHashSet o) {
        for (long v : o.slots) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    void forEach(java.util.function.LongConsumer f) {
        for (long v : slots) {
            if (v != EMPTY) {
                f.accept(v);
            }
        }
    }

    private static long mix(long v) {
        v *= 0x9E3779B97F4A7C15L;
        return v ^ (v >>> 29);
    }
}
