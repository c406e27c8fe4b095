package dev.spinlab.table;

import java.util.Locale;

/**
 * The contexts of the kernel's "Table of minimum requirements"
 * (Documentation/kernel-hacking/locking.rst): two of each kind, A and B. How the generated
 * driver reaches each one is {@link DriverGenerator}'s business; {@link #level} orders them by
 * what may interrupt what on one CPU (a hardirq interrupts a softirq, a softirq runs on the way
 * out of a hardirq on top of user context).
 */
public enum Context {
    HARDIRQ_A(Kind.HARDIRQ, 'A'), HARDIRQ_B(Kind.HARDIRQ, 'B'),
    SOFTIRQ_A(Kind.SOFTIRQ, 'A'), SOFTIRQ_B(Kind.SOFTIRQ, 'B'),
    TASKLET_A(Kind.TASKLET, 'A'), TASKLET_B(Kind.TASKLET, 'B'),
    TIMER_A(Kind.TIMER, 'A'), TIMER_B(Kind.TIMER, 'B'),
    USER_A(Kind.USER, 'A'), USER_B(Kind.USER, 'B');

    /** What runs the access: a system call, a softirq-level handler, or an interrupt handler. */
    public enum Kind {
        HARDIRQ(2, "IRQ Handler"), SOFTIRQ(1, "Softirq"), TASKLET(1, "Tasklet"), TIMER(1, "Timer"),
        USER(0, "User Context");

        /** 0 task, 1 softirq (tasklets and timers run from softirqs), 2 hardirq. */
        final int level;
        /** The kernel table's heading for this kind. */
        final String heading;

        Kind(int level, String heading) {
            this.level = level;
            this.heading = heading;
        }
    }

    public final Kind kind;
    public final char instance;

    Context(Kind kind, char instance) {
        this.kind = kind;
        this.instance = instance;
    }

    public int level() {
        return kind.level;
    }

    /** The command line's name: {@code softirq-A}, {@code user-B}. */
    public String id() {
        return kind.name().toLowerCase(Locale.ROOT) + "-" + instance;
    }

    /** The kernel table's heading: {@code Softirq A}. */
    public String heading() {
        return kind.heading + " " + instance;
    }

    /** The context of kind k and instance A or B. */
    public static Context of(Kind k, char instance) {
        for (Context c : values()) {
            if (c.kind == k && c.instance == instance) {
                return c;
            }
        }
        throw new IllegalArgumentException(k + " " + instance);
    }

    /**
     * Parses a context name: {@code KIND[-A|-B]} with KIND one of hardirq (or irq), softirq,
     * tasklet, timer, user; without an instance, A. Case is ignored.
     */
    public static Context parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        char inst = 'A';
        int dash = t.lastIndexOf('-');
        if (dash > 0 && dash == t.length() - 2 && (t.charAt(dash + 1) == 'a' || t.charAt(dash + 1) == 'b')) {
            inst = Character.toUpperCase(t.charAt(dash + 1));
            t = t.substring(0, dash);
        }
        Kind k = switch (t) {
            case "hardirq", "irq" -> Kind.HARDIRQ;
            case "softirq" -> Kind.SOFTIRQ;
            case "tasklet" -> Kind.TASKLET;
            case "timer" -> Kind.TIMER;
            case "user" -> Kind.USER;
            default -> throw new IllegalArgumentException("'" + s + "': unknown context (expected hardirq, softirq,"
                    + " tasklet, timer or user, optionally with -A or -B, e.g. softirq-B)");
        };
        return of(k, inst);
    }
}
