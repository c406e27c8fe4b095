package dev.spinlab.machine;

/**
 * Hears every visible operation a step performs: each shared-memory access (outside the
 * context's own stack), and for each intrinsic call what it declares it touches (Effects). The model checker's
 * reductions and its data-race monitor build a step's footprint from these; like every
 * observer it never steers the machine.
 */
public interface AccessObserver {
    /**
     * A load (write false) or store (write true) of {@code size} bytes at {@code addr}, by the
     * instruction at {@code pc} of the function with code id {@code fn} (-1 for an access an
     * intrinsic or a device declares, see range).
     */
    void access(long addr, long size, boolean write, int fn, int pc);

    /**
     * As access, for a marked one: READ_ONCE/WRITE_ONCE or an MMIO accessor, aligned and of at
     * most 8 bytes, which KCSAN takes as atomic (two of them never race; one against a plain
     * access does). By default the same as access.
     */
    default void markedAccess(long addr, long size, boolean write, int fn, int pc) {
        access(addr, size, write, fn, pc);
    }

    /**
     * A call of an intrinsic that declares no effects (Intrinsic.effects is null), before it
     * runs: what it touches is unknown.
     */
    default void undeclared(String name) {}

    /** An access an intrinsic or a device declares (no interpreted instruction made it). */
    default void range(long addr, long size, boolean write) {
        access(addr, size, write, -1, 0);
    }

    /**
     * A read (write false) or write of a machine register by the step: for a per-CPU register
     * index is the CPU, for ARENA the arena, otherwise 0. Devices and the transition itself
     * declare theirs (delivering an interrupt writes PENDING and CONTEXT).
     */
    default void register(Register r, int index, boolean write) {}

    /**
     * A write that sets a flag register to 1 whatever it held, reading nothing (ARM's SEV on
     * each CPU's event register): two such sets give the same machine in either order, so an
     * observer that compares steps may let them commute. By default an ordinary write.
     */
    default void registerSet(Register r, int index) {
        register(r, index, true);
    }
}
