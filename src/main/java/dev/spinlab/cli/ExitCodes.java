package dev.spinlab.cli;

/** spinlab's exit statuses (a contract: scripts rely on them). */
public final class ExitCodes {
    private ExitCodes() {}

    /** The run or check found nothing wrong. */
    public static final int CLEAN = 0;
    /** Findings: a fault, a BUG, a WARNING, a deadlock. */
    public static final int FINDINGS = 1;
    /** Bad input or usage: a C error, an unknown option. */
    public static final int BAD_INPUT = 2;
    /** A bound (steps, states, time, memory) was reached before the answer. */
    public static final int BOUND = 3;
    /** The exit-status paragraph of run's and check's --help: one rule for both. */
    static final String HELP = "Exit status: 0 no findings; 1 findings (a BUG, WARNING, oops, lockup,"
            + " fault, deadlock or data race), also when a bound was reached after them; 2 bad input;"
            + " 3 a bound (time, steps, states, depth, memory) was reached before any finding;"
            + " 70 internal error.";

    /** A bug in spinlab itself. */
    public static final int INTERNAL = 70;
}
