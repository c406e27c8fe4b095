package dev.spinlab.machine;

/**
 * The machine's per-CPU registers and allocation pointers that steps share besides memory,
 * named for observers (a model checker's footprints): which lines are pending, the wfe event
 * register, the exclusive monitor, the irq mask (PSTATE.I), the preempt_count slot, which
 * context a CPU runs; the heap's bump pointer, one allocation arena's pointer and the table
 * of contexts (a new context's id depends on the order of creation).
 */
public enum Register {
    PENDING, EVENT, MONITOR, IRQ_MASK, PREEMPT, CONTEXT, HEAP, ARENA, CONTEXTS;

    /** Whether the register is one CPU's (index: the CPU) rather than the machine's. */
    public boolean perCpu() {
        return ordinal() <= CONTEXT.ordinal();
    }
}
