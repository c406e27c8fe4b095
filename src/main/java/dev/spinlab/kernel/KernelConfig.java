package dev.spinlab.kernel;

import dev.spinlab.kc.pp.PreprocessorOptions;

/**
 * Machine and kernel settings of a run.
 *
 * @param startIntervalMs simulated time between the starts of successive user programs, so a
 *        second program starts while the first sleeps, as a person starting them from two
 *        terminals would
 */
public record KernelConfig(int cpus, PreemptModel preempt, long seed, long maxTimeNs, long startIntervalMs,
                           long maxSteps, PreprocessorOptions preprocessor) {
    public static final int MAX_CPUS = 8;

    public KernelConfig {
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("--cpus must be between 1 and " + MAX_CPUS + ", got " + cpus);
        }
    }

    public static KernelConfig defaults() {
        return new KernelConfig(2, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 5000, 200_000_000L,
                PreprocessorOptions.defaults());
    }
}
