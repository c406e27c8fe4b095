package dev.spinlab.kernel;

/**
 * One move of the system: what {@link Transition#apply} does next. {@code run} picks its
 * choices with a seeded policy over a running clock ({@link Simulation}); {@code check}
 * offers every enabled choice of a state ({@code check.KernelModel}); {@code replay} takes
 * those a trace recorded. The first four are the choices check offers; the rest exist in
 * run's timed world only (the periodic tick, the clock event device, the watchdog's NMI, the
 * console, time passing).
 */
public sealed interface Choice {
    /** The CPU the choice acts on, or -1 for the machine's own (time, the earliest timer, the console). */
    int cpu();

    /**
     * The CPU takes its lowest pending interrupt if its irqs are enabled (the exception entry
     * at an instruction boundary, ARM's), then executes one visible step.
     */
    record CpuStep(int cpu) implements Choice {
        private static final CpuStep[] CACHE = new CpuStep[KernelConfig.MAX_CPUS];

        static {
            for (int i = 0; i < CACHE.length; i++) {
                CACHE[i] = new CpuStep(i);
            }
        }

        /** The shared instance for a CPU (a run makes millions of steps). */
        public static CpuStep of(int cpu) {
            return CACHE[cpu];
        }
    }

    /**
     * Under abstract time (check): the earliest armed timer's tick comes: jiffies moves to its
     * expiry if it has not reached it and the timer interrupt is raised on the timer's CPU.
     */
    record TimerFires() implements Choice {
        @Override
        public int cpu() {
            return -1;
        }
    }

    /** Model device {@code device} (the --irq lines in order) raises its line on a CPU. */
    record DeviceRaises(int device, int cpu) implements Choice {}

    /**
     * eth0's peer sends its next echo request: the NIC writes it into its receive ring (a full
     * ring drops it) and raises irq 19 on a CPU.
     */
    record PacketArrives(int cpu) implements Choice {}

    /** The CPU takes its lowest pending interrupt now (run delivers a deliverable line at once). */
    record TakeInterrupt(int cpu) implements Choice {}

    /** The periodic tick (HZ) raises the timer interrupt on a CPU that runs anything. */
    record Tick(int cpu) implements Choice {}

    /** The CPU's clock event device reaches its compare value: it disarms and raises the hrtimer line. */
    record ClockEvent(int cpu) implements Choice {}

    /** The hard-lockup detector's NMI on a CPU, taken whatever the irq mask says. */
    record Nmi(int cpu) implements Choice {}

    /** A key on the console (the end of a run asks init to unload the modules): the console line on CPU 0. */
    record ConsoleInput() implements Choice {
        @Override
        public int cpu() {
            return 0;
        }
    }

    /** Every CPU waits: the clock jumps to the next timed event. */
    record ClockAdvance(long toNs) implements Choice {
        @Override
        public int cpu() {
            return -1;
        }
    }
}
