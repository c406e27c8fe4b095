package dev.spinlab.machine;

/**
 * A primitive implemented in Java and called from interpreted C by name, through the same
 * function table as C functions (DESIGN: one table of intrinsics, one call path). Every call
 * of an intrinsic is a visible step.
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
}
