package dev.spinlab.kernel;

/**
 * The kernel's preemption models (kernel/Kconfig.preempt). NONE: only explicit schedule() and
 * return to user space switch tasks. VOLUNTARY: also might_sleep()/cond_resched() points.
 * FULL (CONFIG_PREEMPT): also preempt_enable() reaching zero and return from interrupt.
 */
public enum PreemptModel {
    NONE, VOLUNTARY, FULL;

    public static PreemptModel parse(String s) {
        switch (s) {
            case "none": return NONE;
            case "voluntary": return VOLUNTARY;
            case "full": return FULL;
            case "rt":
                throw new IllegalArgumentException("--preempt rt (PREEMPT_RT sleeping spinlocks) is not modelled yet");
            default:
                throw new IllegalArgumentException("unknown preemption model '" + s + "' (use none, voluntary or full)");
        }
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
