package dev.spinlab.lockdep;

import dev.spinlab.kc.interp.StackEntry;
import java.util.List;

/**
 * One acquisition a lockdep report is about, as data: the lock class, how lockdep saw it (a
 * usage such as {@code SOFTIRQ-ON-W} or {@code IN-SOFTIRQ-W}, {@code held} / {@code acquire}
 * for the two ends of a new dependency, {@code held FUNC+0xOFF/0xLEN [MOD]} for a lock held
 * on return to user space, with its acquisition address as %pS prints it) and the kernel
 * stack of that acquisition, innermost first (the stack its report prints as text; empty
 * when lockdep keeps only the address). What fix advice is derived from.
 */
public record LockSite(String lock, String usage, List<StackEntry> stack) {
    public static final String HELD = "held";
    public static final String ACQUIRE = "acquire";

    public LockSite {
        stack = stack == null ? List.of() : List.copyOf(stack);
    }
}
