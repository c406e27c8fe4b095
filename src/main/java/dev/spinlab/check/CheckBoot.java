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
     * no probes; the rest as run's flags give it.
     */
    public static KernelConfig config(int cpus, PreemptModel preempt, long seed, long maxTimeNs, long maxSteps,
                                      PreprocessorOptions pp, List<KernelConfig.IrqDevice> irqs, int rx) {
        // lockdep keeps held-lock stacks per task on the Java side, which the branching search
        // would mix up across paths: check runs without it for now (run keeps it)
        return new KernelConfig(cpus, preempt, seed, maxTimeNs, 0, maxSteps, pp, irqs, LockdepMode.OFF, rx,
                List.of());
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
        return new Simulation(k, false).run(
                () -> k.bootDone() && k.programsStarted() == k.programNames().size()).end();
    }
}
