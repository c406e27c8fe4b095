package dev.spinlab.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-lockdep} and {@code --lockdep-all}, shared by run and check: lockdep is on by
 * default in both (CONFIG_PROVE_LOCKING), and a manifest's {@code lockdep:} applies when neither
 * is given.
 */
public final class LockdepOptions {
    @Option(names = "--no-lockdep", order = 60,
            description = "Without lockdep, the lock validator (CONFIG_PROVE_LOCKING off).")
    boolean noLockdep;

    @Option(names = "--lockdep-all", order = 61,
            description = "Keep lockdep on after its first report and report every distinct problem"
                    + " (the kernel turns lockdep off at its first report; check always reports"
                    + " every distinct one).")
    boolean lockdepAll;
}
