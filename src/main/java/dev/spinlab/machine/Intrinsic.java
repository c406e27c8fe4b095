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

    /** The primitive body with its effects declared beside it. */
    static Intrinsic declared(Effects effects, Intrinsic body) {
        return new Intrinsic() {
            @Override
            public long call(CallEnv env, long[] args) {
                return body.call(env, args);
            }

            @Override
            public Effects effects() {
                return effects;
            }
        };
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
