package dev.spinlab.machine;

/**
 * What a call of an intrinsic touches besides the interpreted code's own accesses, declared
 * beside the intrinsic (Intrinsic.declared): the memory it reads and writes itself, the
 * machine registers (Register) it uses. Told to an observer before the call runs, from the
 * machine as it is then. An intrinsic without a declaration is unknown to observers (a model
 * checker then treats its step as conflicting with everything: sound, never reduced).
 */
@FunctionalInterface
public interface Effects {
    /** Nothing beyond its result: a pure helper, a barrier, or output (the log is not state). */
    Effects NONE = (m, cpu, args, obs) -> { };

    void declare(MachineState m, int cpu, long[] args, AccessObserver obs);

    /** Reads and writes a register of the calling CPU. */
    static Effects updates(Register r) {
        return (m, cpu, a, obs) -> {
            obs.register(r, cpu, false);
            obs.register(r, cpu, true);
        };
    }

    /** Reads a register of the calling CPU. */
    static Effects reads(Register r) {
        return (m, cpu, a, obs) -> obs.register(r, cpu, false);
    }

    /** Writes a register of the calling CPU. */
    static Effects writes(Register r) {
        return (m, cpu, a, obs) -> obs.register(r, cpu, true);
    }

    /** Reads and writes size bytes at the address in argument arg (an atomic read-modify-write). */
    static Effects readsWrites(int arg, int size) {
        return (m, cpu, a, obs) -> {
            obs.range(a[arg], size, false);
            obs.range(a[arg], size, true);
        };
    }
}
