package dev.spinlab.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A free ticket lock is one state whatever its counters (Memory.withFreeTicketLocksAtZero):
 * two memories that differ only in how often a free raw_spinlock_t was taken have one
 * fingerprint; a held lock, a word without SPINLOCK_MAGIC after it, or freed memory keep
 * their bytes in the fingerprint.
 */
class FreeTicketLockTest {
    /** A raw_spinlock_t's arch lock (owner, next) and its magic, as spinlock_types_raw.h lays them out. */
    static Memory withLock(int owner, int next, int magic) {
        Memory m = new Memory();
        long at = m.map(64, 8, 0, Memory.VALID);
        m.store(at + 16, 4, ((long) next << 16) | owner);
        m.store(at + 20, 4, magic & 0xffffffffL);
        m.store(at + 24, 4, 0xffffffffL); // owner_cpu -1
        return m;
    }

    @Test
    void freeLocksTakenADifferentNumberOfTimesAreOneState() {
        Memory five = withLock(5, 5, Memory.SPINLOCK_MAGIC);
        Memory many = withLock(0x33, 0x33, Memory.SPINLOCK_MAGIC);
        assertThat(five.fingerprint()).isEqualTo(many.fingerprint());
        assertThat(five.fingerprint()).isEqualTo(withLock(0, 0, Memory.SPINLOCK_MAGIC).fingerprint());
        assertThat(five.sameAs(many)).as("the bytes still differ").isFalse();
    }

    @Test
    void aHeldLockKeepsItsCounters() {
        // held: next is one ahead of owner; the ticket a waiter holds depends on the counters
        assertThat(withLock(5, 6, Memory.SPINLOCK_MAGIC).fingerprint())
                .isNotEqualTo(withLock(0x33, 0x34, Memory.SPINLOCK_MAGIC).fingerprint());
    }

    /**
     * Memory.wordState, the value a cache checks a word by: a free lock as free; with relative
     * tickets a held lock by the difference of its tickets, modulo 2^16 (next wraps past owner).
     */
    @Test
    void aLockWordsStateIsItsTicketsDifferenceWhenAskedSo() {
        long lock = withLock(5, 6, Memory.SPINLOCK_MAGIC).top() - 64 + 16;
        long held = withLock(5, 6, Memory.SPINLOCK_MAGIC).wordState(lock, true);
        assertThat(withLock(0x33, 0x34, Memory.SPINLOCK_MAGIC).wordState(lock, true)).isEqualTo(held);
        assertThat(withLock(0xffff, 0, Memory.SPINLOCK_MAGIC).wordState(lock, true)).as("wrapped").isEqualTo(held);
        assertThat(withLock(0x33, 0x34, Memory.SPINLOCK_MAGIC).wordState(lock, false))
                .isNotEqualTo(withLock(5, 6, Memory.SPINLOCK_MAGIC).wordState(lock, false));
        assertThat(withLock(5, 7, Memory.SPINLOCK_MAGIC).wordState(lock, true)).as("two tickets out").isNotEqualTo(held);
        assertThat(withLock(5, 5, Memory.SPINLOCK_MAGIC).wordState(lock, false))
                .isEqualTo(withLock(9, 9, Memory.SPINLOCK_MAGIC).wordState(lock, false));
        assertThat(withLock(5, 6, 0x12345678).wordState(lock, true)).as("no magic: data")
                .isNotEqualTo(withLock(0x33, 0x34, 0x12345678).wordState(lock, true));
    }

    @Test
    void withoutTheMagicAfterItAWordIsData() {
        assertThat(withLock(5, 5, 0x12345678).fingerprint()).isNotEqualTo(withLock(0x33, 0x33, 0x12345678).fingerprint());
        // rwlock_t's magic (0xdeaf1eed) guards a reader count, not a ticket pair
        assertThat(withLock(5, 5, 0xdeaf1eed).fingerprint()).isNotEqualTo(withLock(0x33, 0x33, 0xdeaf1eed).fingerprint());
    }

    @Test
    void freedMemoryIsNotALock() {
        Memory a = withLock(5, 5, Memory.SPINLOCK_MAGIC);
        Memory b = withLock(0x33, 0x33, Memory.SPINLOCK_MAGIC);
        long base = a.top() - 64;
        a.setShadow(base, 64, Memory.FREED);
        b.setShadow(base, 64, Memory.FREED);
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }

    /** A free lock whose magic sits at byte magicAt of a 1 KiB-aligned region (a memory block). */
    static Memory withLockAt(int magicAt, int counter) {
        Memory m = new Memory();
        long block = m.map(2048, 1024, 0, Memory.VALID);
        m.store(block + magicAt - 4, 4, ((long) counter << 16) | counter);
        m.store(block + magicAt, 4, Memory.SPINLOCK_MAGIC & 0xffffffffL);
        return m;
    }

    @Test
    void aLockIsFoundAtEveryFourByteOffsetOfABlock() {
        // the scan reads eight bytes at a time: a magic in either half of a word, at the first
        // and last places a block offers, and in the next block, is found
        for (int magicAt : new int[] {4, 8, 12, 16, 508, 512, 1016, 1020, 1028, 2044}) {
            assertThat(withLockAt(magicAt, 0x41).fingerprint()).as("magic at %d", magicAt)
                    .isEqualTo(withLockAt(magicAt, 0).fingerprint());
            assertThat(withLockAt(magicAt, 0x41).fingerprintFromScratch()).as("magic at %d", magicAt)
                    .isEqualTo(withLockAt(magicAt, 0).fingerprintFromScratch());
        }
    }

    @Test
    void theCanonicalHashIsTheCachedOne() {
        Memory m = withLock(7, 7, Memory.SPINLOCK_MAGIC);
        long cached = m.fingerprint();
        assertThat(m.fingerprintFromScratch()).isEqualTo(cached);
    }
}
