package dev.spinlab.machine;

/**
 * A primitive implemented in Java and called from interpreted C by name, through the same
 * function table as C functions (DESIGN: one table of intrinsics, one call path). Every call
 * of an intrinsic is a visible step, except an {@link Observer}'s.
 */
@FunctionalInterface
public interface Intrinsic {
    /** Runs the primitive; returns the C return value (ignored for void). */
    long call(CallEnv env, long[] args);

    /** What a call touches besides its result (see Effects), or null: not declared, unknown. */
    default Effects effects() {
        return null;
    }

    /**
     * When a call may run inside the calling CPU's step under check instead of being a visible
     * operation of its own (the cpu-local reduction; run keeps every call visible): never, with
     * the CPU's interrupts masked, always, or (MEMORY) when every byte its Effects declare is
     * one the step could access without a visible operation itself — the context's stack,
     * read-only memory, data the private-data reduction hides — and its registers are the
     * flow's own (its allocation arena; reading the current context or preempt_count). See
     * {@link #cpuLocal}. EVENTS_DEAD: when the wfe event registers are dead state (check's
     * spin-waits: a waiter moves when what its loop reads changes, and the registers are cleared
     * after every transition), so a call whose whole effect is on them changes nothing any step
     * can tell (SEV).
     */
    enum CpuLocality { NEVER, IRQS_OFF, ALWAYS, MEMORY, EVENTS_DEAD }

    /** NEVER unless declared with {@link #cpuLocal}. */
    default CpuLocality cpuLocality() {
        return CpuLocality.NEVER;
    }

    /**
     * A primitive that touches nothing but the calling CPU's own registers (its preempt_count,
     * its irq mask, its current context) or nothing at all (a barrier of this sequentially
     * consistent machine): no other CPU's step and no event reads or writes what it touches,
     * so it commutes with all of them. With IRQS_OFF it is local only while the CPU's
     * interrupts are masked, because a handler arriving just before it could see the
     * difference (local_bh_disable's count decides whether the handler's exit runs softirqs);
     * ALWAYS for a call whose result and effect no handler can change or observe. MEMORY is
     * for a call whose whole effect is the memory its Effects declare (a copy, a string
     * compare, copy_from_user): with all of it local, the call is as local as the loads and
     * stores it stands for. The body must never block, exit, switch context or report.
     */
    static Intrinsic cpuLocal(CpuLocality when, Effects effects, Intrinsic body) {
        return new Intrinsic() {
            @Override
            public long call(CallEnv env, long[] args) {
                return body.call(env, args);
            }

            @Override
            public Effects effects() {
                return effects;
            }

            @Override
            public CpuLocality cpuLocality() {
                return when;
            }
        };
    }

    /** The primitive body with its effects declared beside it (every call a visible operation). */
    static Intrinsic declared(Effects effects, Intrinsic body) {
        return cpuLocal(CpuLocality.NEVER, effects, body);
    }

    /**
     * An intrinsic that only observes: it never writes the machine, blocks or exits (a
     * debugging hook such as lockdep's held-lock-freed check), so its call is local, run inside
     * the current step like a C function's call, and adding one to the model kernel's C moves no
     * run's clock. It may read the machine and return a value computed from the observer's own
     * state (lockdep's held locks); it is not reported to an {@link AccessObserver}. (A
     * lockdep report made in one clears the kernel's debug_locks under run, as every lockdep
     * report does; under check lockdep reports every problem and writes nothing.)
     */
    @FunctionalInterface
    interface Observer extends Intrinsic {
        /** An observer touches nothing a search tells states apart by. */
        @Override
        default Effects effects() {
            return Effects.NONE;
        }
    }
}
