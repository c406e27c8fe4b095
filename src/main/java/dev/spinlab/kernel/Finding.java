package dev.spinlab.kernel;

import dev.spinlab.kc.interp.StackEntry;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Something spinlab found: a report of the model kernel (a BUG, a WARNING, a lockup, an oops),
 * of lockdep, of spinlab's own checks, or of the model checker (a deadlock, a data race).
 *
 * @param kind    what it is (the one list: {@link FindingKind})
 * @param message the report's headline as the kernel prints it
 * @param where   the C location it is about: the driver (module) frame nearest the top of the
 *                stack, else the top frame; {@link Where#NONE} without a stack
 * @param context where it happened: CPU, task, preempt_count and irq flag at the report
 * @param timeNs  the machine's clock at the report
 * @param stack   the kernel stack at the report, innermost first
 * @param locks   the lock classes a lockdep report is about (sorted, distinct), else empty
 * @param report  lockdep's whole report as the kernel prints it, or null
 * @param sites   the acquisitions a lockdep report is about, as data (its usages' and
 *                dependencies' stacks), else empty: what fix advice is derived from
 */
public record Finding(FindingKind kind, String message, Where where, Context context, long timeNs,
                      List<StackEntry> stack, List<String> locks, String report,
                      List<dev.spinlab.lockdep.LockSite> sites) {

    /** A C location: file, line and function. */
    public record Where(String file, int line, String function) {
        public static final Where NONE = new Where("?", 0, "?");

        @Override
        public String toString() {
            return function + " (" + file + ":" + line + ")";
        }
    }

    /** The execution context of a report. */
    public record Context(int cpu, String task, int pid, int preemptCount, boolean irqsEnabled) {
        public static Context none(int cpu) {
            return new Context(cpu, "?", 0, 0, true);
        }
    }

    public Finding {
        stack = stack == null ? List.of() : List.copyOf(stack);
        locks = locks == null ? List.of() : List.copyOf(locks);
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    /** A finding without acquisition sites. */
    public Finding(FindingKind kind, String message, Where where, Context context, long timeNs,
                   List<StackEntry> stack, List<String> locks, String report) {
        this(kind, message, where, context, timeNs, stack, locks, report, List.of());
    }

    /** A finding without lock classes or report text. */
    public Finding(FindingKind kind, String message, Where where, Context context, long timeNs, List<StackEntry> stack) {
        this(kind, message, where, context, timeNs, stack, List.of(), null);
    }

    /** A finding with no stack, location or context: a model's own (tests' toy models). */
    public static Finding of(FindingKind kind, String message) {
        return new Finding(kind, message, Where.NONE, Context.none(-1), 0, List.of());
    }

    public int cpu() {
        return context.cpu();
    }

    public String task() {
        return context.task();
    }

    public int pid() {
        return context.pid();
    }

    /** The one-line form: {@code kind: message}, and a lockdep report's classes in brackets. */
    public String headline() {
        String h = kind.id + ": " + message;
        return locks.isEmpty() ? h : h + " [" + String.join(", ", locks) + "]";
    }

    /** This finding at another time (a replay's clock). */
    public Finding at(long ns) {
        return new Finding(kind, message, where, context, ns, stack, locks, report, sites);
    }

    /**
     * What tells findings apart, as a search records them (one trace each): the kind, the
     * location (not for lockdep's reports: their lock classes say what they are about), the message (an inconsistent lock state's two usages in a fixed order, since
     * paths meet them in either) and the lock classes. Reports that differ only in the task or
     * CPU they name (a WARNING in the idle task and in a program's) are two findings.
     */
    public String key() {
        String m = withUsagesInOrder(message);
        // a lockdep report is about its lock classes: which acquisition completed it (its
        // location) depends on the order the search met the paths, as it does over an uptime
        String at = kind.origin == FindingKind.Origin.LOCKDEP ? "" : where.file() + ":" + where.line();
        return kind.id + "|" + at + "|" + m + "|" + String.join(",", locks);
    }

    /**
     * An inconsistent lock state's two usages ({@code inconsistent {A} -> {B} usage}) in a fixed
     * order, as {@code inconsistent {A} and {B} usage}: paths meet them in either order.
     */
    public static String withUsagesInOrder(String message) {
        java.util.regex.Matcher u = USAGE_PAIR.matcher(message);
        if (!u.find()) {
            return message;
        }
        String a = u.group(1);
        String b = u.group(2);
        return message.substring(0, u.start()) + "inconsistent {" + (a.compareTo(b) < 0 ? a + "} and {" + b
                : b + "} and {" + a) + "} usage" + message.substring(u.end());
    }

    /**
     * The key without what a path or search order decides: pids, CPU numbers and hex values
     * (addresses, counts). Searches that complete report the same set of these, whatever
     * their order (bfs, dfs, threads).
     */
    public String signature() {
        String m = HEX.matcher(key()).replaceAll("#");
        m = PIDS.matcher(m).replaceAll("/#");
        return CPUS.matcher(m).replaceAll("CPU#");
    }

    private static final Pattern USAGE_PAIR = Pattern.compile("inconsistent \\{([^}]*)\\} -> \\{([^}]*)\\} usage");
    private static final Pattern HEX = Pattern.compile("\\b(0x)?[0-9a-f]{8,16}\\b");
    private static final Pattern PIDS = Pattern.compile("/\\d+\\b");
    private static final Pattern CPUS = Pattern.compile("CPU#?\\d+");

    /** The innermost frame of stack in a module's code (isModule), else the innermost frame. */
    public static Where nearestDriverFrame(List<StackEntry> stack, java.util.function.Predicate<String> isModuleFile) {
        if (stack == null || stack.isEmpty()) {
            return Where.NONE;
        }
        StackEntry pick = stack.get(0);
        for (StackEntry e : stack) {
            if (isModuleFile.test(e.loc().file())) {
                pick = e;
                break;
            }
        }
        return new Where(pick.loc().file(), pick.loc().line(), pick.function());
    }
}
