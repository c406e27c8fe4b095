package dev.spinlab.check;

import dev.spinlab.machine.Fingerprint;
import dev.spinlab.machine.MachineState;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Implementation notes.
 *
 * A CPU's local future (InterleavingReduction) is a function of what its local search can
 * see: the CPU's own registers and the contexts it runs or can switch to (with their stacks,
 * which no footprint records), the devices' budgets and the timers (which decide the events
 * aimed at it), and the words of memory and registers its steps access, all of which its
 * footprint records. The other CPUs are frozen and only what they left in those words matters.
 * So a search is remembered under a key made of the first part, with the values the
 * second part had, and a later state with the same key and the same values gets its answer
 * without a search: the local search there would take the same steps and compute the same
 * footprint. Most searches are redone after another CPU wrote a word the future reads (a lock
 * word another CPU took a ticket of), and the search space revisits each pair of a CPU's state
 * and that word's value many times over.
 *
 * The hits are exact, so the answers, and the search, do not depend on what is remembered
 * (nor on the order states are expanded in, nor the thread count). The exactness rests on the
 * footprints recording every access a step depends on (the same premise as every reduction of
 * check: an intrinsic's declared effects), plus the few things a local search reads outside
 * footprints, kept in the key or among the checked words (InterleavingReduction.searchLocally:
 * the handler runs of the interrupts reduction inside the search, the words a stuck wait loop
 * reads). The kernels of a search's threads are booted alike, so their states mean the same and
 * one memo serves them all. Under the private-data reduction a step's hidden accesses are not in its footprint,
 * so the model does not use this cache then.
 */
/**
 * Local futures remembered by what they depend on (see the notes above); one for the models of
 * all the search's threads (KernelModel.shareLocalFutures), so it is safe to use from several.
 */
final class LocalFutureMemo {
    /** Entries one key keeps (the latest replace the oldest): the values a future read vary. */
    static final int ENTRIES_PER_KEY = 8;
    /** Checked words the cache holds at most (two longs each); past it, nothing more is remembered. */
    static final long MAX_WORDS = 2_000_000;

    /** A future with the words it depends on and their values where it was searched. */
    private record Entry(long[] words, long[] values, Footprint future) {
        boolean holdsIn(MachineState m, boolean relativeTickets) {
            for (int i = 0; i < words.length; i++) {
                if (Footprint.valueIn(m, words[i], relativeTickets) != values[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final KernelEvents events;
    /** Per key its entries, newest first; an array is never changed once in the map (threads read it). */
    private final ConcurrentHashMap<Long, Entry[]> entries = new ConcurrentHashMap<>();
    private final AtomicLong storedWords = new AtomicLong();
    /** Searches answered from the cache, and searches run (for tests and diagnostics). */
    final AtomicLong hits = new AtomicLong();
    final AtomicLong misses = new AtomicLong();

    /**
     * Code ids of the arch ticket lock's functions (arch_spin_*, asm/spinlock.h): a context in
     * one of them may hold a copy of a lock's tickets in a register.
     */
    private final java.util.BitSet ticketCode;

    LocalFutureMemo(KernelEvents events) {
        this.events = events;
        this.ticketCode = events.functionsNamed(name -> name.startsWith("arch_spin_"));
    }

    /**
     * The key of the CPU's side of m: its registers and stack of contexts, the devices'
     * budgets, the timers, and every context no other CPU runs (the CPU runs them or may switch
     * to them): its registers and frames, and for one that can still run the memory blocks of
     * its live stack (its words are no footprint's). Its lowest bit says whether ticket locks
     * are checked by the difference of their tickets (relativeTickets): when none of those
     * contexts is in the ticket lock's own code, none holds a copy of a lock's tickets, and two
     * lock words with the same difference make the same search (the ticket code compares
     * tickets with each other and adds one to them), so a held lock matches at other counts.
     */
    long key(MachineState m, int cpu) {
        long h = Fingerprint.mix(0x5eed + cpu);
        h = Fingerprint.mix(h ^ m.irqEnabled[cpu]) + m.preemptCount[cpu];
        h = Fingerprint.mix(h ^ m.eventFlag[cpu]) + m.exclusive[cpu];
        h = Fingerprint.mix(h ^ m.pendingIrq[cpu]) + m.nesting(cpu);
        for (int level = 0; level < m.nesting(cpu); level++) {
            h = Fingerprint.mix(h ^ m.contextAt(cpu, level));
        }
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(18, m.deviceEvents, m.deviceEvents.length));
        h = Fingerprint.mix(h ^ events.timerKey(m)) + m.contextCount();
        boolean inTicketCode = false;
        long others = othersContexts(m, cpu);
        for (int id = 0; id < m.contextCount(); id++) {
            if (id < 64 && (others & (1L << id)) != 0) {
                continue;
            }
            h = Fingerprint.mix(h ^ m.contextFingerprint(id)) + id;
            dev.spinlab.machine.ExecContext c = m.peekContext(id);
            if (c.status.canRun()) {
                h = Fingerprint.mix(h ^ m.mem.blocksHash(c.sp, c.stackHi));
                inTicketCode |= inTicketCode(c);
            }
        }
        return (h & ~1L) | (inTicketCode ? 0 : 1);
    }

    /** Whether the key says its checked words compare ticket locks by their difference. */
    private static boolean relativeTickets(long key) {
        return (key & 1) != 0;
    }

    /** Whether one of c's frames is in the ticket lock's code. */
    private boolean inTicketCode(dev.spinlab.machine.ExecContext c) {
        for (int fb = 0; fb < c.frameTop; fb += dev.spinlab.machine.ExecContext.FRAME_WORDS) {
            if (ticketCode.get((int) c.frames[fb + dev.spinlab.machine.ExecContext.F_FN])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The contexts on the other CPUs' stacks, a bit per id (ids from 64 on are never left out:
     * that only makes keys differ more).
     */
    private static long othersContexts(MachineState m, int cpu) {
        long mask = 0;
        for (int k = 0; k < m.ncpu; k++) {
            for (int level = 0; k != cpu && level < m.nesting(k); level++) {
                int id = m.contextAt(k, level);
                mask |= id < 64 ? 1L << id : 0;
            }
        }
        return mask;
    }

    /** The future remembered under key whose checked words all hold in m, or null. */
    Footprint lookup(long key, MachineState m) {
        Entry[] es = entries.get(key);
        if (es != null) {
            for (Entry e : es) {
                if (e != null && e.holdsIn(m, relativeTickets(key))) {
                    hits.incrementAndGet();
                    return e.future();
                }
            }
        }
        misses.incrementAndGet();
        return null;
    }

    /**
     * Remembers future (a search's answer from m, possibly InterruptsReduction.FAIL_MARK) under
     * key, checked by the words of searched (everything the search's steps accessed) and deps
     * (what else it read), unless one of them has no value to check or the cache is full.
     */
    void remember(long key, MachineState m, Footprint future, Footprint searched, Footprint deps) {
        if (storedWords.get() >= MAX_WORDS) {
            return;
        }
        LongHashSet all = new LongHashSet();
        searched.forEachWord((w, write) -> all.add(w));
        deps.forEachWord((w, write) -> all.add(w));
        long[] words = new long[all.size()];
        int[] n = {0};
        all.forEach(w -> words[n[0]++] = w);
        long[] values = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            values[i] = Footprint.valueIn(m, words[i], relativeTickets(key));
            if (values[i] == Footprint.NO_VALUE) {
                return;
            }
        }
        Entry added = new Entry(words, values, future);
        entries.compute(key, (k, old) -> {
            Entry[] es = new Entry[ENTRIES_PER_KEY];
            es[0] = added; // newest first, the oldest dropped
            if (old != null) {
                System.arraycopy(old, 0, es, 1, ENTRIES_PER_KEY - 1);
                if (old[ENTRIES_PER_KEY - 1] != null) {
                    storedWords.addAndGet(-old[ENTRIES_PER_KEY - 1].words().length);
                }
            }
            return es;
        });
        storedWords.addAndGet(words.length);
    }
}
