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
}
