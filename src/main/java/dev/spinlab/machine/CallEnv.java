package dev.spinlab.machine;

/** What an {@link Intrinsic} may see and do while it runs on a CPU. */
public interface CallEnv {
    MachineState state();

    default Memory memory() { return state().mem; }

    /** The CPU executing the call. */
    int cpu();

    /** The context making the call. */
    ExecContext context();

    /**
     * The call cannot complete now (e.g. {@code wfe} with no event): the context stays at the
     * call and retries it at its next step; the return value is ignored.
     */
    void block();

    /** The calling context ends with this status (C's {@code exit}). */
    void exit(int status);

    /** Bytes written by the program to its standard output. */
    void output(byte[] bytes);

    /**
     * Declares an access of kernel memory the intrinsic makes itself (its loads and stores do
     * not go through the interpreter), so that observers (a model checker's footprints) hear
     * of it as of the interpreted code's accesses.
     */
    default void accessed(long addr, long size, boolean write) {}

    /** Name of the function that called the intrinsic, for messages. */
    String callerName();

    /** Where the call is in the caller's source, as FILE:LINE:COL (for reports that name it). */
    default String callSite() {
        return callerName();
    }
}
