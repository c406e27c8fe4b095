package dev.spinlab.check;

import java.util.concurrent.atomic.AtomicLongArray;

/*
 * Implementation notes.
 *
 * The visited-state store of the search: a fixed-capacity open-addressing hash set of 64-bit
 * fingerprints (linear probing, lock-free insertion with compare-and-set), 8 bytes a state, so
 * millions of states fit in a few tens of MiB and worker threads insert concurrently. The
 * value 0 marks an empty slot, so a fingerprint of 0 is stored as 1 (one more collision among
 * 2^64). Capacity is fixed up front from the state bound; a full table reports itself instead
 * of growing, which the explorer turns into "bound reached".
 */
public final class FingerprintSet {
    private final AtomicLongArray slots;
    private final int mask;
    private final long maxEntries;
    private final java.util.concurrent.atomic.AtomicLong size = new java.util.concurrent.atomic.AtomicLong();

    /** Outcome of an insertion. */
    public enum Added { NEW, PRESENT, FULL }

    public FingerprintSet(long maxEntries) {
        long cap = Long.highestOneBit(Math.max(16, maxEntries * 2 - 1)) << 1;
        if (cap > (1L << 30)) {
            cap = 1L << 30;
        }
        this.slots = new AtomicLongArray((int) cap);
        this.mask = (int) cap - 1;
        this.maxEntries = Math.min(maxEntries, cap * 3 / 4);
    }

    /** Bytes this set occupies. */
    public static long bytesFor(long maxEntries) {
        long cap = Long.highestOneBit(Math.max(16, maxEntries * 2 - 1)) << 1;
        return Math.min(cap, 1L << 30) * 8;
    }

    public Added add(long fp) {
        long key = fp == 0 ? 1 : fp;
        int i = (int) (mix(key) & mask);
        while (true) {
            long cur = slots.get(i);
            if (cur == key) {
                return Added.PRESENT;
            }
            if (cur == 0) {
                if (size.get() >= maxEntries) {
                    return Added.FULL;
                }
                if (slots.compareAndSet(i, 0, key)) {
                    size.incrementAndGet();
                    return Added.NEW;
                }
                continue; // lost the race for this slot: look at it again
            }
            i = (i + 1) & mask;
        }
    }

    public boolean contains(long fp) {
        long key = fp == 0 ? 1 : fp;
        int i = (int) (mix(key) & mask);
        while (true) {
            long cur = slots.get(i);
            if (cur == key) {
                return true;
            }
            if (cur == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    public long size() {
        return size.get();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        return z ^ (z >>> 33);
    }
}
