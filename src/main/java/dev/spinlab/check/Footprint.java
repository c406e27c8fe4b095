package dev.spinlab.check;

import dev.spinlab.kc.rt.Heap;
import dev.spinlab.machine.AccessObserver;
import dev.spinlab.machine.MachineState;
import java.util.HashMap;
import java.util.Map;

/*
 * Implementation notes.
 *
 * What a transition (or a whole interrupt handler run) reads and writes, as 8-byte words of
 * memory plus a few pseudo-words for the machine's per-CPU registers that steps share: the
 * pending-interrupt lines, the wfe event register, the exclusive monitor, the irq mask, the
 * preempt_count slot and which context the CPU runs. Two footprints conflict when one writes a
 * word the other reads or writes; anything the classification does not know (an intrinsic with
 * effects on Java-side kernel state, a huge range) is "unknown" and conflicts with everything,
 * so a gap in the table only costs reduction, never soundness.
 *
 * Word granularity is coarser than bytes: two accesses to different bytes of one word
 * conflict here. That too only loses reduction.
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

    private final LongHashSet reads = new LongHashSet();
    private final LongHashSet writes = new LongHashSet();
    private boolean unknown;
    private String unknownWhy;
    /**
     * Plain (non-atomic) accesses of module code, for the data-race monitor: address, size,
     * write, and the code id and pc of the access.
     */
    record Plain(long addr, long size, boolean write, int fn, int pc) {
        boolean overlaps(Plain o) {
            return addr < o.addr + o.size && o.addr < addr + size && (write || o.write);
        }
    }

    private java.util.List<Plain> plain;
    /** Code ids whose plain accesses are kept (module code), or null to keep none. */
    java.util.BitSet watched;

    java.util.List<Plain> plain() {
        return plain == null ? java.util.List.of() : plain;
    }

    /** The CPU whose step is being recorded and its machine (for intrinsic arguments). */
    int cpu;
    MachineState machine;

    Footprint(int cpu, MachineState machine) {
        this.cpu = cpu;
        this.machine = machine;
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

    boolean writesWord(long word) {
        return writes.contains(word);
    }

    void range(long addr, long size, boolean write) {
        if (size <= 0) {
            return;
        }
        if (size > (1 << 20)) {
            markUnknown("a " + size + "-byte block access");
            return;
        }
        for (long w = addr >> 3; w <= (addr + size - 1) >> 3; w++) {
            if (write) {
                writes.add(w);
            } else {
                reads.add(w);
            }
        }
    }

    /**
     * Records what formatting a[fmt] with arguments from a[first] reads: the format string and
     * each %s argument's string. A conversion that reads memory some other way (%n, %p with an
     * extension) makes the footprint unknown. Returns an upper bound of the output's length
     * (with its NUL), for sprintf.
     */
    long formatReads(long[] a, int fmt, int first) {
        long n = strSize(a[fmt], Long.MAX_VALUE);
        range(a[fmt], n, false);
        if (machine == null || unknown) {
            markUnknown("format without a machine");
            return 1 << 21;
        }
        byte[] s = machine.mem.cString(a[fmt], 1 << 16);
        int ai = first;
        long out = s.length + 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] != '%') {
                continue;
            }
            int j = i + 1;
            while (j < s.length && "-+ #0".indexOf(s[j]) >= 0) {
                j++;
            }
            for (int part = 0; part < 2; part++) { // width, then precision after a '.'
                if (part == 1) {
                    if (j >= s.length || s[j] != '.') {
                        break;
                    }
                    j++;
                }
                if (j < s.length && s[j] == '*') {
                    ai++;
                    j++;
                }
                while (j < s.length && Character.isDigit(s[j])) {
                    out += 1000;
                    j++;
                }
            }
            while (j < s.length && "hlztjL".indexOf(s[j]) >= 0) {
                j++;
            }
            if (j >= s.length) {
                break;
            }
            char conv = (char) s[j];
            i = j;
            if (conv == '%') {
                continue;
            }
            if (conv == 'n' || (conv == 'p' && j + 1 < s.length && Character.isLetter(s[j + 1]))) {
                markUnknown("format conversion %" + conv);
                return 1 << 21;
            }
            long arg = ai < a.length ? a[ai] : 0;
            ai++;
            if (conv == 's' && arg != 0) {
                long len = strSize(arg, Long.MAX_VALUE);
                range(arg, len, false);
                out += len;
            } else {
                out += 64; // a number or pointer in any base
            }
        }
        return out;
    }

    /** Bytes of the C string at addr including its NUL, at most max (what str* functions touch). */
    long strSize(long addr, long max) {
        if (machine == null) {
            return 1 << 21; // unknown: large enough to be marked unknown by range()
        }
        try {
            long n = machine.mem.cString(addr, (int) Math.min(max, 1 << 20)).length;
            return Math.min(n + 1, max);
        } catch (RuntimeException e) {
            return 1 << 21; // a bad pointer: the call will fault; stay conservative
        }
    }

    @Override
    public void access(long addr, long size, boolean write, int fn, int pc) {
        range(addr, size, write);
        if (watched != null && fn >= 0 && watched.get(fn)) {
            if (plain == null) {
                plain = new java.util.ArrayList<>(2);
            }
            plain.add(new Plain(addr, size, write, fn, pc));
        }
    }

    @Override
    public void register(dev.spinlab.machine.Register r, int index, boolean write) {
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

    @Override
    public void intrinsic(String name, long[] args) {
        Effect e = EFFECTS.get(name);
        if (e == null) {
            markUnknown("intrinsic " + name);
        } else {
            e.apply(this, args);
        }
    }

    void addAll(Footprint o) {
        reads.addAll(o.reads);
        writes.addAll(o.writes);
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
        Footprint f = new Footprint(cpu, machine);
        f.reads.addAll(reads);
        writes.forEach(w -> {
            for (long r : restored) {
                if (r == w) {
                    return;
                }
            }
            f.writes.add(w);
        });
        f.unknown = unknown;
        f.unknownWhy = unknownWhy;
        f.plain = plain;
        return f;
    }

    /** Whether o records the same words read and written (and the same unknown flag). */
    boolean sameWords(Footprint o) {
        return unknown == o.unknown && sameSet(reads, o.reads) && sameSet(writes, o.writes);
    }

    private static boolean sameSet(LongHashSet x, LongHashSet y) {
        if (x.size() != y.size()) {
            return false;
        }
        boolean[] all = {true};
        x.forEach(w -> all[0] &= y.contains(w));
        return all[0];
    }

    /** True when the two cannot be assumed to commute. */
    boolean conflicts(Footprint o) {
        if (unknown || o.unknown) {
            return true;
        }
        return writes.intersects(o.writes) || writes.intersects(o.reads) || reads.intersects(o.writes);
    }

    private interface Effect {
        void apply(Footprint f, long[] a);
    }

    private static final Map<String, Effect> EFFECTS = new HashMap<>();

    private static void none(String... names) {
        for (String n : names) {
            EFFECTS.put(n, (f, a) -> { });
        }
    }

    static {
        // per-CPU machine registers (KernelIntrinsics, ArchIntrinsics)
        EFFECTS.put("preempt_count", (f, a) -> f.read(preempt(f.cpu)));
        for (String n : new String[] {"__preempt_count_add", "__preempt_count_sub", "preempt_count_set"}) {
            EFFECTS.put(n, (f, a) -> {
                f.read(preempt(f.cpu));
                f.write(preempt(f.cpu));
            });
        }
        for (String n : new String[] {"arch_local_irq_disable", "arch_local_irq_enable", "arch_local_irq_restore"}) {
            EFFECTS.put(n, (f, a) -> f.write(irqMask(f.cpu)));
        }
        EFFECTS.put("arch_local_save_flags", (f, a) -> f.read(irqMask(f.cpu)));
        EFFECTS.put("get_current", (f, a) -> f.read(context(f.cpu)));
        EFFECTS.put("__switch_to", (f, a) -> f.write(context(f.cpu)));
        EFFECTS.put("__wfi", (f, a) -> f.read(pending(f.cpu)));
        EFFECTS.put("__send_ipi", (f, a) -> f.write(pending((int) a[0])));
        EFFECTS.put("__ldrex", (f, a) -> {
            f.range(a[0], 4, false);
            f.write(monitor(f.cpu));
        });
        EFFECTS.put("__strex", (f, a) -> {
            f.read(monitor(f.cpu));
            f.write(monitor(f.cpu));
            f.range(a[1], 4, true);
        });
        EFFECTS.put("__clrex", (f, a) -> f.write(monitor(f.cpu)));
        EFFECTS.put("__wfe", (f, a) -> {
            f.read(event(f.cpu));
            f.write(event(f.cpu));
        });
        EFFECTS.put("__sev", (f, a) -> {
            for (int c = 0; c < f.machine.ncpu; c++) {
                f.write(event(c));
            }
        });
        for (int size : new int[] {4, 8}) {
            for (String op : new String[] {"xchg", "cmpxchg", "fetch_add"}) {
                EFFECTS.put("__spinlab_" + op + size * 8, (f, a) -> {
                    f.range(a[0], size, false);
                    f.range(a[0], size, true);
                });
            }
        }
        for (String n : new String[] {"__spinlab_test_and_set_bit", "__spinlab_clear_bit"}) {
            EFFECTS.put(n, (f, a) -> {
                long word = a[1] + (a[0] / 64) * 8;
                f.range(word, 8, false);
                f.range(word, 8, true);
            });
        }
        // allocation: the kernel's from its context's arena under check (which one depends on
        // the CPU's context and preempt_count: AllocArenas), else from the shared space, whose
        // bump pointer every such allocation moves
        for (String n : new String[] {"__spinlab_kmalloc", "__spinlab_kasprintf"}) {
            EFFECTS.put(n, (f, a) -> {
                int arena = dev.spinlab.kernel.AllocArenas.of(f.machine, f.cpu);
                f.read(preempt(f.cpu));
                f.read(context(f.cpu));
                f.read(arena >= 0 ? heap(arena) : HEAP);
                f.write(arena >= 0 ? heap(arena) : HEAP);
            });
        }
        for (String n : new String[] {"malloc", "calloc"}) {
            EFFECTS.put(n, (f, a) -> {
                f.read(HEAP);
                f.write(HEAP);
            });
        }
        for (String n : new String[] {"__spinlab_kfree", "free"}) {
            EFFECTS.put(n, (f, a) -> {
                long size = Heap.liveBlockSize(f.machine.mem, a[0]);
                if (size < 0) {
                    f.markUnknown("free of a non-block");
                } else {
                    f.range(a[0] - 24, size + 24, true);
                }
            });
        }
        // memory functions of the C library the kernel links
        EFFECTS.put("memcpy", (f, a) -> {
            f.range(a[1], a[2], false);
            f.range(a[0], a[2], true);
        });
        EFFECTS.put("memmove", EFFECTS.get("memcpy"));
        EFFECTS.put("memset", (f, a) -> f.range(a[0], a[2], true));
        // the user-copy primitives (kernel/UserAccessIntrinsics): (to, from, n) like memcpy;
        // a copy that stops at a fault touches less, never more
        EFFECTS.put("raw_copy_from_user", EFFECTS.get("memcpy"));
        EFFECTS.put("raw_copy_to_user", EFFECTS.get("memcpy"));
        EFFECTS.put("__clear_user", (f, a) -> f.range(a[0], a[1], true));
        EFFECTS.put("memcmp", (f, a) -> {
            f.range(a[0], a[2], false);
            f.range(a[1], a[2], false);
        });
        // string functions: the bytes they read and write, measured on the machine before the call
        EFFECTS.put("strlen", (f, a) -> f.range(a[0], f.strSize(a[0], Long.MAX_VALUE), false));
        EFFECTS.put("atoi", EFFECTS.get("strlen"));
        EFFECTS.put("strchr", EFFECTS.get("strlen"));
        EFFECTS.put("strcmp", (f, a) -> {
            f.range(a[0], f.strSize(a[0], Long.MAX_VALUE), false);
            f.range(a[1], f.strSize(a[1], Long.MAX_VALUE), false);
        });
        EFFECTS.put("strncmp", (f, a) -> {
            f.range(a[0], f.strSize(a[0], a[2]), false);
            f.range(a[1], f.strSize(a[1], a[2]), false);
        });
        EFFECTS.put("strcpy", (f, a) -> {
            long n = f.strSize(a[1], Long.MAX_VALUE);
            f.range(a[1], n, false);
            f.range(a[0], n, true);
        });
        EFFECTS.put("strncpy", (f, a) -> {
            f.range(a[1], f.strSize(a[1], a[2]), false);
            f.range(a[0], a[2], true);
        });
        // formatted output into a buffer: the format, each %s string, and the buffer
        EFFECTS.put("snprintf", (f, a) -> {
            f.formatReads(a, 2, 3);
            f.range(a[0], a[1], true);
        });
        EFFECTS.put("sprintf", (f, a) -> {
            long n = f.formatReads(a, 1, 2);
            f.range(a[0], n, true);
        });
        // a new context (kthread, process): its stack comes from the address space like a heap
        // block, and its id from the context table
        EFFECTS.put("__spinlab_new_context", (f, a) -> {
            f.read(HEAP);
            f.write(HEAP);
            f.read(CONTEXTS);
            f.write(CONTEXTS);
        });
        // UBSAN's site as FILE:LINE:COL into the handler's buffer (its once-per-site mark in
        // lib/bug.c's record is declared by the intrinsic itself, CallEnv.accessed)
        EFFECTS.put("__spinlab_ubsan_site", (f, a) -> f.range(a[0], a[1], true));
        // the run's output bookkeeping (flushing the process's last line); the exit is in the task
        none("__spinlab_task_exit");
        // lockdep is off under check, and an observer anyway; barriers and helpers change nothing
        none("lock_acquire", "lock_release", "lockdep_softirqs_on", "lockdep_softirqs_off", "lockdep_sys_exit",
                "debug_show_held_locks", "print_irqtrace_events", "raw_smp_processor_id", "local_clock",
                "cpu_relax", "__builtin_ctz", "__dmb", "__dsb");
        // output only: the log and the wire are not part of the state
        none("printk", "dump_stack", "__spinlab_show_regs", "__spinlab_warn", "__spinlab_warn_on", "__spinlab_warn_on_once", "__spinlab_warn_once",
                "__spinlab_console_write", "__spinlab_nic_tx", "__spinlab_finding",
                "printf", "puts", "putchar");
    }
}
