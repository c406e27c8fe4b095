package dev.spinlab.kernel;

import dev.spinlab.machine.MachineState;

/**
 * Which allocation arena (Memory.reserveArenas) a kmalloc uses under check. Hardirq and softirq
 * context each have one per CPU, task context one per task context that existed when the
 * arenas were reserved (the last 2 * ncpu arenas are the per-CPU ones); anything else, or no
 * arenas at all (run), uses the shared space. Every arena serves one sequential context at a
 * time, so the addresses it hands out do not depend on how other contexts interleave with it:
 * the kernel's slab allocator serves each CPU from its own slabs (mm/slub.c: kmem_cache_cpu);
 * the model goes finer, so that two orders of the same allocations reach the same state.
 */
public final class AllocArenas {
    private AllocArenas() {}

    /** preempt_count fields (include/linux/preempt.h: SOFTIRQ_OFFSET, HARDIRQ_MASK). */
    private static final int SOFTIRQ_OFFSET = 1 << 8;
    private static final int HARDIRQ_MASK = 0xf << 16;

    /** How many arenas check reserves for a machine: its contexts, and two per CPU. */
    public static int count(MachineState s) {
        return s.contextCount() + 2 * s.ncpu;
    }

    /** The arena a kernel allocation on this CPU uses now, or -1 for the shared space. */
    public static int of(MachineState s, int cpu) {
        int perCpuBase = s.mem.arenas() - 2 * s.ncpu;
        if (perCpuBase < 0) {
            return -1;
        }
        int pc = s.preemptCount[cpu];
        if ((pc & HARDIRQ_MASK) != 0) {
            return perCpuBase + s.ncpu + cpu;
        }
        if ((pc & SOFTIRQ_OFFSET) != 0) {
            return perCpuBase + cpu;
        }
        int ctx = s.currentContext(cpu);
        return ctx >= 0 && ctx < perCpuBase ? ctx : -1;
    }
}
