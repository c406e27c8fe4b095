package dev.spinlab.check;

import dev.spinlab.machine.AccessObserver;

/*
 * Implementation notes.
 *
 * What a transition (or a whole interrupt handler run) reads and writes, as 4-byte words of
 * memory plus a few pseudo-words for the machine's per-CPU registers that steps share: the
 * pending-interrupt lines, the wfe event register, the exclusive monitor, the irq mask, the
 * preempt_count slot and which context the CPU runs. Two footprints conflict when one writes a
 * word the other reads or writes, except that two SEVs setting the same event register do not
 * (each leaves it 1, in either order); anything the classification does not know (an intrinsic with
 * effects on Java-side kernel state, a huge range) is "unknown" and conflicts with everything,
 * so an intrinsic that declares no effects (machine.Effects, declared beside each intrinsic)
 * only costs reduction, never soundness.
 *
 * Word granularity is coarser than bytes: two accesses to different bytes of one word
 * conflict here. That too only loses reduction. Four bytes, not eight: a spinlock_t's ticket
 * word and its CONFIG_DEBUG_SPINLOCK magic share an 8-byte word (include/linux/
 * spinlock_types_raw.h), and every spin_lock() reads the magic before it takes a ticket
 * (debug_spin_lock_before), so with 8-byte words each of those reads conflicted with every
 * other CPU's ticket and unlock.
 *
 * Output-only intrinsics (printk and the report intrinsics, console and wire output) have no
 * footprint: the log is not part of the state. A reordering the reduction relies on may
 * therefore print a message with values from an equivalent interleaving.
 */
final class Footprint implements AccessObserver {
    private static final long PSEUDO = Long.MIN_VALUE / 2;

    static long pending(int cpu) { return PSEUDO + 0x100 + cpu; }
    static long event(int cpu) { return PSEUDO + 0x200 + cpu; }
    static long monitor(int cpu) { return PSEUDO + 0x300 + cpu; }
    static long irqMask(int cpu) { return PSEUDO + 0x400 + cpu; }
    static long preempt(int cpu) { return PSEUDO + 0x500 + cpu; }
    static long context(int cpu) { return PSEUDO + 0x600 + cpu; }
    static final long HEAP = PSEUDO + 0x700;
    /** An allocation arena's pointer (Memory.reserveArenas). */
    static long heap(int arena) { return PSEUDO + 0x800 + arena; }
    /** The machine's table of contexts: a new context's id depends on the creation order. */
    static final long CONTEXTS = PSEUDO + 0x701;

    /** What valueIn answers for a word whose value it cannot tell (never a memory word's: see Memory.wordState). */
    static final long NO_VALUE = Long.MIN_VALUE;

    /**
     * The value of a footprint's word in m: a memory word's bytes and mapping
     * (Memory.wordState, ticket locks relative with relativeTickets), a pseudo-word's register; NO_VALUE for one it cannot tell. Two
     * machines that agree on every word of a run's footprint (and on the CPU's own state) run
     * it alike: LocalFutureMemo checks its entries so.
     */
    static long valueIn(dev.spinlab.machine.MachineState m, long word, boolean relativeTickets) {
        if (word >= 0) {
            return m.mem.wordState(word << WORD_BITS, relativeTickets);
        }
        long p = word - PSEUDO;
        int kind = (int) (p >>> 8);
        int i = (int) (p & 0xff);
        if (kind >= 1 && kind <= 6 && i >= m.ncpu) {
            return NO_VALUE;
        }
        return switch (kind) {
            case 1 -> m.pendingIrq[i];
            case 2 -> m.eventFlag[i];
            case 3 -> m.exclusive[i];
            case 4 -> m.irqEnabled[i];
            case 5 -> m.preemptCount[i];
            case 6 -> contextsOf(m, i);
            case 7 -> i == 0 ? m.mem.top() : i == 1 ? m.contextCount() : NO_VALUE;
            case 8 -> i < m.mem.arenas() ? m.mem.arenaPointer(i) : NO_VALUE;
            default -> NO_VALUE;
        };
    }

    /** A CPU's stack of contexts as one value (what Footprint.context names). */
    private static long contextsOf(dev.spinlab.machine.MachineState m, int cpu) {
        long h = m.nesting(cpu);
        for (int level = 0; level < m.nesting(cpu); level++) {
            h = h * 1_000_003 + m.contextAt(cpu, level);
        }
        return h == NO_VALUE ? NO_VALUE + 1 : h;
    }

    /** log2 of the bytes one memory word of a footprint covers. */
    static final int WORD_BITS = 2;

    private final LongHashSet reads = new LongHashSet();
    private final LongHashSet writes = new LongHashSet();
    /** Words set to 1 without being read (registerSet): they conflict with reads and writes, not with each other. */
    private final LongHashSet sets = new LongHashSet();
    private boolean unknown;
    private String unknownWhy;
    /**
     * Whether the wfe event register's accesses are left out: under the spin-waits reduction
     * it is dead state (SpinWaits), so SEV and wfe touch nothing another CPU's step depends on.
     */
    boolean ignoreEvents;
    /**
     * Plain and marked (READ_ONCE/WRITE_ONCE) accesses of module code, for the data-race
     * monitor: address, size, write, the code id and pc of the access, and whether it is marked.
     */
    record Plain(long addr, long size, boolean write, int fn, int pc, boolean marked) {
        /** Whether the two conflict as KCSAN has it: overlapping, one a write, not both marked. */
        boolean overlaps(Plain o) {
            return addr < o.addr + o.size && o.addr < addr + size && (write || o.write) && !(marked && o.marked);
        }
    }

    private java.util.List<Plain> plain;
    /** Code ids whose plain accesses are kept (module code), or null to keep none. */
    java.util.BitSet watched;

    java.util.List<Plain> plain() {
        return plain == null ? java.util.List.of() : plain;
    }

    Footprint() {
    }

    boolean unknown() {
        return unknown;
    }

    String unknownWhy() {
        return unknownWhy;
    }

    void markUnknown(String why) {
        if (!unknown) {
            unknown = true;
            unknownWhy = why;
        }
    }

    void read(long word) {
        reads.add(word);
    }

    void write(long word) {
        writes.add(word);
    }

    /** Hears a footprint's words: the word index (addr >> WORD_BITS; pseudo-words are negative) and whether written. */
    interface WordVisitor {
        void word(long word, boolean write);
    }

    /** Every word read, then every word written. */
    void forEachWord(WordVisitor v) {
        reads.forEach(w -> v.word(w, false));
        writes.forEach(w -> v.word(w, true));
        sets.forEach(w -> v.word(w, true));
    }

    boolean writesWord(long word) {
        return writes.contains(word) || sets.contains(word);
    }

    @Override
    public void range(long addr, long size, boolean write) {
        if (size <= 0) {
            return;
        }
        if (size > (1 << 20)) {
            markUnknown("a " + size + "-byte block access");
            return;
        }
        for (long w = addr >> WORD_BITS; w <= (addr + size - 1) >> WORD_BITS; w++) {
            if (write) {
                writes.add(w);
            } else {
                reads.add(w);
            }
        }
    }

    @Override
    public void access(long addr, long size, boolean write, int fn, int pc) {
        recordAccess(addr, size, write, fn, pc, false);
    }

    @Override
    public void markedAccess(long addr, long size, boolean write, int fn, int pc) {
        recordAccess(addr, size, write, fn, pc, true);
    }

    private void recordAccess(long addr, long size, boolean write, int fn, int pc, boolean marked) {
        range(addr, size, write);
        if (watched != null && fn >= 0 && watched.get(fn)) {
            if (plain == null) {
                plain = new java.util.ArrayList<>(2);
            }
            plain.add(new Plain(addr, size, write, fn, pc, marked));
        }
    }

    @Override
    public void register(dev.spinlab.machine.Register r, int index, boolean write) {
        if (ignoreEvents && r == dev.spinlab.machine.Register.EVENT) {
            return;
        }
        long word = switch (r) {
            case PENDING -> pending(index);
            case EVENT -> event(index);
            case MONITOR -> monitor(index);
            case IRQ_MASK -> irqMask(index);
            case PREEMPT -> preempt(index);
            case CONTEXT -> context(index);
            case HEAP -> HEAP;
            case ARENA -> heap(index);
            case CONTEXTS -> CONTEXTS;
        };
        if (write) {
            write(word);
        } else {
            read(word);
        }
    }

    /** SEV's write of a CPU's event register: commutes with another SEV (both leave it 1). */
    @Override
    public void registerSet(dev.spinlab.machine.Register r, int index) {
        if (ignoreEvents && r == dev.spinlab.machine.Register.EVENT) {
            return;
        }
        if (r != dev.spinlab.machine.Register.EVENT) {
            register(r, index, true);
            return;
        }
        sets.add(event(index));
    }

    @Override
    public void undeclared(String why) {
        markUnknown(why);
    }

    /** Adds the words o reads (not those it writes). */
    void addReads(Footprint o) {
        reads.addAll(o.reads);
        if (o.unknown) {
            markUnknown(o.unknownWhy);
        }
    }

    void addAll(Footprint o) {
        reads.addAll(o.reads);
        writes.addAll(o.writes);
        sets.addAll(o.sets);
        if (o.plain != null) {
            if (plain == null) {
                plain = new java.util.ArrayList<>();
            }
            plain.addAll(o.plain);
        }
        if (o.unknown) {
            markUnknown(o.unknownWhy);
        }
    }

    /**
     * This footprint without its writes of the given pseudo-words: registers of the handler's
     * CPU that hold the same value when the interrupted context runs again, so the
     * interrupted context cannot tell they were written.
     */
    Footprint withoutWrites(long... restored) {
        Footprint f = new Footprint();
        f.reads.addAll(reads);
        copyExcept(writes, f.writes, restored);
        copyExcept(sets, f.sets, restored);
        f.unknown = unknown;
        f.unknownWhy = unknownWhy;
        f.plain = plain;
        return f;
    }

    private static void copyExcept(LongHashSet from, LongHashSet to, long[] except) {
        from.forEach(w -> {
            for (long r : except) {
                if (r == w) {
                    return;
                }
            }
            to.add(w);
        });
    }

    /** Whether o records the same words read, written and set (and the same unknown flag). */
    boolean sameWords(Footprint o) {
        return unknown == o.unknown && sameSet(reads, o.reads) && sameSet(writes, o.writes) && sameSet(sets, o.sets);
    }

    private static boolean sameSet(LongHashSet x, LongHashSet y) {
        if (x.size() != y.size()) {
            return false;
        }
        boolean[] all = {true};
        x.forEach(w -> all[0] &= y.contains(w));
        return all[0];
    }

    /**
     * Whether every write is to a register only the CPU itself reads while no event can come
     * (its exclusive monitor, event register, irq mask and preempt_count): a step that changes
     * nothing another CPU can see.
     */
    boolean writesOnlyPrivateOf(int cpu) {
        if (unknown) {
            return false;
        }
        boolean[] ok = {true};
        writes.forEach(w -> ok[0] &= w == monitor(cpu) || w == event(cpu) || w == irqMask(cpu) || w == preempt(cpu));
        return ok[0];
    }

    /**
     * Whether this (a transition) may change what o (a run computed before it) reads: it
     * writes or sets a word o reads, or either is unknown. When it does not, the run from
     * after the transition reads the same values and makes the same accesses.
     */
    boolean changesWhatIsRead(Footprint o) {
        if (unknown || o.unknown) {
            return true;
        }
        return writes.intersects(o.reads) || sets.intersects(o.reads);
    }

    /** True when the two cannot be assumed to commute. */
    boolean conflicts(Footprint o) {
        if (unknown || o.unknown) {
            return true;
        }
        return writes.intersects(o.writes) || writes.intersects(o.reads) || reads.intersects(o.writes)
                || sets.intersects(o.reads) || sets.intersects(o.writes) || reads.intersects(o.sets)
                || writes.intersects(o.sets);
    }
}
