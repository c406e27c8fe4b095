package dev.spinlab.machine;

/**
 * Which memory a step may run on through as if it were the context's own stack: words that,
 * as far as the search has seen, only one flow of execution touches or nobody writes (the
 * model checker's private-data reduction, check.PrivateData). The interpreter asks before
 * each access outside the stack and read-only memory, and reports what intrinsics declare
 * (Effects), so that every access of every step is heard, hidden or not.
 *
 * <p>An owner is one flow that never interleaves with itself: a context at one exception
 * depth ({@link #owner}). A task and an interrupt handler running on its stack are two
 * owners, because the handler can land between any two of the task's steps.
 */
public interface PrivateMemory {
    /**
     * Records an access of {@code size} bytes at {@code addr} by {@code owner} and answers
     * whether the access may stay inside the current step (no step boundary before it).
     */
    boolean access(long owner, long addr, long size, boolean write);

    /** A call whose memory effects are not declared: it may have touched anything. */
    void unknown(long owner, String what);

    /** The owner of accesses made by ctx with {@code exceptionDepth} exception frames on it. */
    static long owner(int ctxId, int exceptionDepth) {
        return ((long) ctxId << 8) | exceptionDepth;
    }

    /** The owner for accesses no context makes: devices, the clock, the machine's events. */
    long DEVICE = -1;
}
