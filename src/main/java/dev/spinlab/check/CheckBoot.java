package dev.spinlab.check;

import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.lockdep.LockdepMode;
import java.util.List;

/**
 * How {@code spinlab check} boots the model kernel it explores from, for the command (and
 * replay, which must boot the same system) and for the benchmarks: {@link #config} then
 * {@link Kernel#boot}, then {@link #runToStart} (which boots with "nowatchdog").
 */
public final class CheckBoot {
    private CheckBoot() {}

    /**
     * The configuration check boots with: programs start together (interval 0), no lockdep,
     * no probes; the rest as run's flags give it (for tests and benchmarks that measure the
     * search without lockdep).
     */
    public static KernelConfig config(int cpus, PreemptModel preempt, long seed, long maxTimeNs, long maxSteps,
                                      PreprocessorOptions pp, List<KernelConfig.IrqDevice> irqs, int rx) {
        return config(cpus, preempt, seed, maxTimeNs, maxSteps, pp, irqs, rx, LockdepMode.OFF);
    }

    /**
     * As above with lockdep as asked (run's --no-lockdep / --lockdep-all). Under check lockdep
     * reports every distinct problem whichever mode is asked for, unless it is off: the kernel
     * turns lockdep off at its first report within one uptime, and a search is many uptimes,
     * whose first reports depend on the order it meets them (docs/check.md).
     */
    public static KernelConfig config(int cpus, PreemptModel preempt, long seed, long maxTimeNs, long maxSteps,
                                      PreprocessorOptions pp, List<KernelConfig.IrqDevice> irqs, int rx,
                                      LockdepMode lockdep) {
        return new KernelConfig(cpus, preempt, seed, maxTimeNs, 0, maxSteps, pp, irqs,
                lockdep == LockdepMode.OFF ? LockdepMode.OFF : LockdepMode.ALL, rx, List.of());
    }

    /**
     * Runs a booted kernel deterministically until boot is done and every program has started,
     * the devices silent (their events are the search's choices). STOPPED: ready to explore
     * from {@code k.state()}.
     */
    public static Simulation.End runToStart(Kernel k) {
        // the lockup detectors need a running clock, which check abstracts away (its deadlock
        // property replaces them); their tick work would only add states
        k.nowatchdog();
        // a program already running is held while init can still start the others: otherwise
        // the first of three could be deep in its system calls (a busy-wait delay begun on the
        // running clock, which check then freezes) before the search begins, and the
        // interleavings in which it starts last would never be explored
        int programs = k.programNames().size();
        return new Simulation(k, false).holding(cpu -> k.programsStarted() < programs && k.runsProgram(cpu)).run(
                () -> k.bootDone() && k.programsStarted() == programs).end();
    }
}
