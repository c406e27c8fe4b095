package dev.spinlab.machine;

/**
 * Hears every visible operation a step performs: each shared-memory access (outside the
 * context's own stack) and each intrinsic call with its arguments. The model checker's
 * reductions and its data-race monitor build a step's footprint from these; like every
 * observer it never steers the machine.
 */
public interface AccessObserver {
    /**
     * A load (write false) or store (write true) of {@code size} bytes at {@code addr}, by the
     * instruction at {@code pc} of the function with code id {@code fn}.
     */
    void access(long addr, long size, boolean write, int fn, int pc);

    /** A call of the intrinsic {@code name}, before it runs. */
    void intrinsic(String name, long[] args);

    /**
     * A read (write false) or write of a machine register by the step: for a per-CPU register
     * index is the CPU, for ARENA the arena, otherwise 0. Devices and the transition itself
     * declare theirs (delivering an interrupt writes PENDING and CONTEXT).
     */
    default void register(Register r, int index, boolean write) {}
}
