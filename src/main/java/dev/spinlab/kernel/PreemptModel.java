package dev.spinlab.kernel;

/**
 * The kernel's preemption models (kernel/Kconfig.preempt). NONE: only explicit schedule() and
 * return to user space switch tasks. VOLUNTARY: also might_sleep()/cond_resched() points.
 * FULL (CONFIG_PREEMPT): also preempt_enable() reaching zero and return from interrupt.
 * RT (CONFIG_PREEMPT_RT): FULL's preemption points, and the model kernel's C is built with
 * CONFIG_PREEMPT_RT (sleeping spinlock_t, threaded interrupt handlers, softirqs in task
 * context, SCHED_FIFO priorities with priority inheritance: docs/kernel.md).
 */
public enum PreemptModel {
    NONE, VOLUNTARY, FULL, RT;

    public static PreemptModel parse(String s) {
        switch (s) {
            case "none": return NONE;
            case "voluntary": return VOLUNTARY;
            case "full": return FULL;
            case "rt": return RT;
            default:
                throw new IllegalArgumentException("unknown preemption model '" + s + "' (use none, voluntary, full or rt)");
        }
    }

    /** CONFIG_PREEMPTION: preempt_enable() and the return from an interrupt may reschedule. */
    public boolean preemptible() {
        return this == FULL || this == RT;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
