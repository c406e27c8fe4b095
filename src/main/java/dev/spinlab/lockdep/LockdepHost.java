package dev.spinlab.lockdep;

import dev.spinlab.kc.interp.StackEntry;
import java.util.List;

/**
 * What the validator needs from the kernel it observes, at the moment of an intrinsic call:
 * the current task and CPU state, memory reads, code addresses and stacks, and the kernel's
 * output. Lockdep only reads through it, except the kernel's debug_locks flag, which its first
 * report clears as the kernel's does.
 */
public interface LockdepHost {
    /** The current task (task_struct address). */
    long currentTask();

    String comm(long task);

    int pid(long task);

    /** The calling CPU's preempt_count. */
    int preemptCount();

    /** The calling CPU's irq flag (hardirqs enabled). */
    boolean irqsEnabled();

    /**
     * Whether serving a softirq is a lockdep context of its own (IN-SOFTIRQ usage, the
     * softirq wait context). Not under PREEMPT_RT, where softirqs run in task context and
     * lockdep does no softirq accounting (upstream "lockdep: Remove softirq accounting on
     * PREEMPT_RT": lockdep_softirq_enter/exit are empty there).
     */
    default boolean softirqContextTracked() {
        return true;
    }

    /** A little-endian load of size bytes (1, 2, 4, 8) of kernel memory. */
    long load(long addr, int size);

    /** The NUL-terminated string at addr, or null for a NULL pointer. */
    String cString(long addr);

    /** The name of the global object containing addr (a static lock), or null. */
    String objectName(long addr);

    /**
     * A code address on the current call stack: {@code up} = 0 is the call site in the
     * function that called the intrinsic, 1 the call site in its caller, ...; 0 when there is
     * no such frame.
     */
    long ip(int up);

    /** {@code func+0xoff/0xlen [module]} for a code address, as %pS prints it. */
    String symbol(long ip);

    /** The C function and line of a code address (the frame a held lock's acquisition ip is in), or null. */
    default StackEntry frameAt(long ip) {
        return null;
    }

    /** The current kernel call stack, innermost first, for findings. */
    List<StackEntry> stack();

    /** One line per frame of the current kernel stack: {@code func+0x../0x.. (file:line)}. */
    List<String> traceLines();

    /** dump_stack()'s text for the current context. */
    String dumpStack();

    /** print_kernel_ident(): release, version and taint, e.g. {@code 6.6.0-spinlab #1 Not tainted}. */
    String kernelIdent();

    /** Prints text into the kernel log (one record per line, blank lines kept). */
    void print(String text);

    /** The kernel's debug_locks flag (lib/debug_locks.c): lock debugging still reports. */
    boolean debugLocks();

    /** debug_locks_off(): clears debug_locks; whether it was set (so this report is the first). */
    boolean debugLocksOff();

    /** Records a finding of the run. */
    void finding(String kind, String message, List<StackEntry> stack);

    /**
     * Records a finding with the lock classes it is about (sorted, distinct): the kind and the
     * classes tell two reports apart whatever order their dependencies were found in.
     */
    default void finding(String kind, String message, List<StackEntry> stack, List<String> locks) {
        finding(kind, message, stack);
    }

    /** ... and the acquisitions the report is about, as data ({@link LockSite}). */
    default void finding(String kind, String message, List<StackEntry> stack, List<String> locks, List<LockSite> sites) {
        finding(kind, message, stack, locks);
    }
}
