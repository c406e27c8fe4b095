package dev.spinlab.kernel;

import dev.spinlab.kc.interp.StackEntry;
import java.util.List;

/**
 * Something the kernel reported: a BUG, a WARNING, a soft or hard lockup, an oops, or a leak that
 * spinlab itself detects. {@code kind} is the stable name used in JSON
 * ({@code soft-lockup}, {@code hard-lockup}, {@code scheduling-while-atomic}, {@code sleep-in-atomic},
 * {@code spinlock-recursion}, {@code spinlock-bad-unlock}, {@code spinlock-wrong-owner},
 * {@code preempt-leak-to-user}, {@code rwlock-recursion}, {@code rwlock-bad-magic},
 * {@code rwlock-wrong-owner}, {@code warning}, {@code oops}, and lockdep's
 * {@code lockdep:*} kinds listed in docs/run-json.md).
 */
public record Finding(String kind, int cpu, String task, int pid, String message, long timeNs,
                      List<StackEntry> stack, List<String> locks, String report) {
    /**
     * A finding without lock classes or report text. {@code locks}: the lock classes a lockdep
     * report is about (sorted); {@code report}: lockdep's whole report as the kernel prints it.
     */
    public Finding(String kind, int cpu, String task, int pid, String message, long timeNs, List<StackEntry> stack) {
        this(kind, cpu, task, pid, message, timeNs, stack, List.of(), null);
    }
}
