package dev.spinlab.kernel;

import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.lockdep.LockdepMode;

/**
 * Machine and kernel settings of a run.
 *
 * @param startIntervalMs simulated time between the starts of successive user programs, so a
 *        second program starts while the first sleeps, as a person starting them from two
 *        terminals would
 * @param rxPackets ICMP echo requests from 10.0.0.2 that eth0 receives at seeded moments
 * @param probes kernel functions whose every entry dumps the stack (--probe)
 */
public record KernelConfig(int cpus, PreemptModel preempt, long seed, long maxTimeNs, long startIntervalMs,
                           long maxSteps, PreprocessorOptions preprocessor, java.util.List<IrqDevice> irqs,
                           LockdepMode lockdep, int rxPackets, java.util.List<String> probes) {
    public static final int MAX_CPUS = 8;

    /**
     * A model device raising irq line {@code line} {@code count} times at arbitrary moments.
     * A doorbell device raises nothing until its driver starts it (spinlab_irqdev_ctrl(), see
     * include/linux/spinlab_irqdev.h), as a driver starts a device by writing its command
     * register; from then on it raises its {@code count} interrupts at any moments until the
     * driver halts it. spinlab table's generated drivers use it (docs/table.md); the command
     * line's --irq devices are free-running.
     */
    public record IrqDevice(int line, int count, boolean doorbell) {
        public IrqDevice(int line, int count) {
            this(line, count, false);
        }

        /** Parses {@code N[:COUNT]} (COUNT defaults to 1). */
        public static IrqDevice parse(String spec) {
            String[] p = spec.split(":", -1); // "5:" has an empty COUNT, not none
            try {
                int line = Integer.parseInt(p[0].trim());
                int count = p.length > 1 ? Integer.parseInt(p[1].trim()) : 1;
                if (line < 2 || line >= 64 || line == 30 || count < 1 || p.length > 2) {
                    throw new NumberFormatException();
                }
                return new IrqDevice(line, count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--irq '" + spec + "': expected N[:COUNT] with N in 2..63"
                        + " (1 is the reschedule IPI, 30 the timer) and COUNT >= 1");
            }
        }
    }

    public KernelConfig(int cpus, PreemptModel preempt, long seed, long maxTimeNs, long startIntervalMs,
                        long maxSteps, PreprocessorOptions preprocessor) {
        this(cpus, preempt, seed, maxTimeNs, startIntervalMs, maxSteps, preprocessor, java.util.List.of());
    }

    /** Lockdep as the kernel runs it (the first report turns it off), no eth0 traffic, no probes. */
    public KernelConfig(int cpus, PreemptModel preempt, long seed, long maxTimeNs, long startIntervalMs,
                        long maxSteps, PreprocessorOptions preprocessor, java.util.List<IrqDevice> irqs) {
        this(cpus, preempt, seed, maxTimeNs, startIntervalMs, maxSteps, preprocessor, irqs, LockdepMode.FIRST);
    }

    public KernelConfig(int cpus, PreemptModel preempt, long seed, long maxTimeNs, long startIntervalMs,
                        long maxSteps, PreprocessorOptions preprocessor, java.util.List<IrqDevice> irqs,
                        LockdepMode lockdep) {
        this(cpus, preempt, seed, maxTimeNs, startIntervalMs, maxSteps, preprocessor, irqs, lockdep, 0,
                java.util.List.of());
    }

    public KernelConfig {
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("--cpus must be between 1 and " + MAX_CPUS + ", got " + cpus);
        }
        if (rxPackets < 0) {
            throw new IllegalArgumentException("--rx must not be negative, got " + rxPackets);
        }
        probes = probes == null ? java.util.List.of() : java.util.List.copyOf(probes);
    }

    public static KernelConfig defaults() {
        return new KernelConfig(2, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 5000, 200_000_000L,
                PreprocessorOptions.defaults());
    }
}
