package dev.spinlab.kernel;

import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.machine.ChoiceSource;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.SeededChoices;
import java.util.Arrays;

/*
 * Implementation notes.
 *
 * Runs the booted kernel: a seeded policy that picks the system's next choice (kernel.Choice)
 * and applies it through the one transition function (Transition) that check and replay use
 * too; the policy owns run's clock and when each timed event comes. Every CPU has a periodic
 * tick (HZ = 100); a pending interrupt is taken at the next step boundary of a CPU whose
 * interrupts are enabled, by calling handle_arch_irq() on top of what it runs. Which CPU
 * steps next is a seeded choice among those that can make progress. Each step costs
 * STEP_NS of that CPU's time; CPUs run in parallel, so the clock advances STEP_NS / ncpu
 * per step. When no CPU can run (all wait in wfe/wfi), the clock jumps to the next tick.
 * A CPU blocked in wfe/wfi is not chosen again until an interrupt is pending for it or
 * another CPU made progress (which may have sent an event).
 *
 * A busy-wait without wfe (a flag polled with cpu_relax(), synchronize_irq()'s wait on a
 * handler) has a step every time, and at STEP_NS a step the 20 s a lockup detector needs
 * were 2*10^8 steps, past --max-steps. Its rounds are skipped instead (SpinSkip): when every
 * CPU that can step has come back to a state it was in, with nothing any step or event could
 * see changed meanwhile (memory, the CPUs' registers, what the kernel printed or found, the
 * clock unread), each would go on round and round until the next timed event, so the clock
 * jumps there, as it does when every CPU waits in wfe. The skipped rounds are no steps.
 */
public final class Simulation {
    public static final long TICK_NS = 10_000_000L;
    public static final long STEP_NS = 100L;
    public static final int IRQ_TIMER = 30;
    /** The per-CPU clock event device of high-resolution timers (kernel/time/hrtimer.c). */
    public static final int IRQ_HRTIMER = 29;

    /**
     * How a run ended. ALL_EXITED: every program exited (and, when the run waits for the
     * kernel, the kernel went idle and the modules were unloaded); IDLE: no programs, the
     * kernel went idle and the modules were unloaded; MAX_TIME: --max-time reached with no
     * program running (the normal end of a module whose timer keeps re-arming); BOOTED: no
     * programs, modules loaded and every CPU idle (runs that do not unload); PANIC, RESTART:
     * panic() or emergency_restart() stopped the machine.
     */
    public enum End { ALL_EXITED, IDLE, MAX_TIME, BOOTED, SOFT_LOCKUP, HARD_LOCKUP, OOPS, PANIC, RESTART, TIME_BOUND, STEP_BOUND, STOPPED }

    /** @param undelivered requested device events (--irq, --rx) not delivered when the run ended */
    public record Result(End end, long timeNs, long steps, Fault oops, int undelivered) {
        public Result(End end, long timeNs, long steps, Fault oops) {
            this(end, timeNs, steps, oops, 0);
        }
    }

    /** After --max-time, how long the modules' unloading may take before the run is cut. */
    public static final long UNLOAD_GRACE_NS = 1_000_000_000L;
    /** The console's line (init/main.c's SPINLAB_CONSOLE_IRQ): the end of a run types rmmod there. */
    static final int IRQ_CONSOLE = 0;
    /** Set once the console was asked for rmmod; the time --max-time forced it, or -1. */
    private boolean unloadRequested;
    private long unloadForcedAt = -1;

    private final Kernel k;
    private final MachineState s;
    private final long[] nextTick;
    private final Transition transition;
    /** Hears every choice the run makes (see record), or null. */
    private java.util.function.Consumer<Choice> recorder;
    /** Per CPU: the time of the next watchdog NMI (the hard-lockup detector's perf counter). */
    private final long[] nextNmi;
    /** watchdog_thresh: the hard-lockup detector's period. */
    public static final long NMI_PERIOD_NS = 10_000_000_000L;
    /**
     * Per --irq device: the time of its next interrupt. How many each still has to raise, and
     * how many echo requests eth0's peer still has to send, are the machine's state
     * (MachineState.deviceEvents: the --irq lines in order, then eth0); the times are the
     * run's clock, which the state leaves out as it leaves out timeNs.
     */
    private final long[] irqNext;
    /** Whether the devices deliver their events (false: check's boot, which offers them as choices). */
    private final boolean devices;
    private long rxNext = -1;
    /** Per CPU: the pending lines at the previous look (see run: waking a CPU in wfi). */
    private final long[] lastPending;
    private ChoiceSource choices;
    private final SpinSkip spins;
    /** Whether busy-wait rounds are skipped (see the notes; off only to test that it changes nothing but steps). */
    private boolean skipSpins = true;

    /** Steps every round of a busy-wait (for tests: the skip must change nothing else). */
    Simulation withoutSpinSkip() {
        skipSpins = false;
        return this;
    }
    /** A device interrupt arrives within this long after the previous one (uniformly). */
    static final long IRQ_WINDOW_NS = 100_000_000L;

    public Simulation(Kernel k) {
        this(k, true);
    }

    /**
     * With devices false, the model devices and eth0's peer stay silent: check boots this way
     * and offers their events as choices of its own.
     */
    public Simulation(Kernel k, boolean devices) {
        this.k = k;
        this.s = k.state;
        this.nextTick = new long[s.ncpu];
        Arrays.fill(nextTick, TICK_NS);
        this.transition = new Transition(k, Transition.runStepNs(s.ncpu), Transition.OnFault.KERNEL);
        this.nextNmi = new long[s.ncpu];
        Arrays.fill(nextNmi, NMI_PERIOD_NS);
        this.devices = devices;
        this.irqNext = new long[k.config.irqs().size()];
        Arrays.fill(irqNext, -1);
        this.lastPending = new long[s.ncpu];
        this.spins = new SpinSkip(k);
    }

    /** The clock event device's compare register of a CPU: 0 (off) or when to interrupt. */
    private long hrtimerEvent(int cpu) {
        return transition.clockEventCompare(s, cpu);
    }

    /**
     * Moves the machine by one choice through the one transition function, and records the
     * choice when asked ({@link #record}).
     */
    private Interpreter.Outcome apply(Choice c) {
        if (recorder != null) {
            recorder.accept(c);
        }
        if (!(c instanceof Choice.CpuStep) && !(c instanceof Choice.ClockAdvance)) {
            spins.forgetAll(); // an event may push a handler's frame, which seen() does not show
        }
        return transition.apply(s, c, null);
    }

    /**
     * eth0's peer: after boot, an ICMP echo request arrives at a seeded random moment within
     * IRQ_WINDOW_NS of the previous one. The NIC writes it into its receive ring (DMA) and
     * raises its irq on a seeded random CPU; a full ring drops it, as hardware does.
     */
    private void receiveOnEth0() {
        if (!devices || rxLeft() == 0 || !k.bootDone()) {
            return;
        }
        if (rxNext < 0) {
            rxNext = s.timeNs + 1 + choices.choose((int) (IRQ_WINDOW_NS / 1000)) * 1000L;
        }
        if (s.timeNs < rxNext) {
            return;
        }
        rxNext = -1;
        apply(new Choice.PacketArrives(choices.choose(s.ncpu)));
    }

    /**
     * Model devices: after boot, each raises its line at a seeded random moment within
     * IRQ_WINDOW_NS of the previous one, on a seeded random CPU (where it stays pending
     * until that CPU enables interrupts, as with a routed interrupt controller).
     */
    private void raiseDeviceIrqs() {
        if (!devices || !k.bootDone()) {
            return;
        }
        for (int i = 0; i < irqNext.length; i++) {
            if (s.deviceEvents[i] <= 0) {
                continue; // done, or a doorbell device not rung yet
            }
            if (irqNext[i] < 0) {
                irqNext[i] = s.timeNs + 1 + choices.choose((int) (IRQ_WINDOW_NS / 1000)) * 1000L;
            }
            if (s.timeNs >= irqNext[i]) {
                irqNext[i] = -1;
                apply(new Choice.DeviceRaises(i, choices.choose(s.ncpu)));
            }
        }
    }

    /**
     * Hands every choice the run makes, in order, to the recorder: replaying them through
     * the same transition function from the same machine gives the same run (the choices
     * carry everything the seeded policy decided).
     */
    public Simulation record(java.util.function.Consumer<Choice> recorder) {
        this.recorder = recorder;
        return this;
    }

    public Result run() {
        return run(() -> false);
    }

    /** CPUs not to step while another CPU can (see holding); none by default. */
    private java.util.function.IntPredicate held = cpu -> false;

    /**
     * Steps a CPU for which held holds only when no other CPU can step: check's run to its
     * start holds the CPUs that already run a program, so that init starts the others before
     * any of them gets ahead (check explores their interleavings from their first steps).
     */
    public Simulation holding(java.util.function.IntPredicate held) {
        this.held = held;
        return this;
    }

    /** Runs until the run ends or {@code stop} holds at a step boundary (End.STOPPED). */
    public Result run(java.util.function.BooleanSupplier stop) {
        choices = new SeededChoices(k.config.seed());
        boolean[] blocked = new boolean[s.ncpu];
        int[] runnable = new int[s.ncpu];
        while (true) {
            if (stop.getAsBoolean()) {
                return end(End.STOPPED, null);
            }
            if (k.softLockup()) {
                return end(End.SOFT_LOCKUP, null);
            }
            if (k.hardLockup()) {
                return end(End.HARD_LOCKUP, null);
            }
            String halted = k.halted();
            if (halted != null) {
                return end(halted.equals("panic") ? End.PANIC : End.RESTART, null);
            }
            if (!k.unloadsAtEnd() && k.bootDone() && !k.programNames.isEmpty() && k.userProgramsRemaining() == 0) {
                return end(End.ALL_EXITED, null);
            }
            if (s.timeNs >= k.config.maxTimeNs()) {
                boolean noProgram = k.bootDone() && k.userProgramsRemaining() == 0;
                boolean devicesDone = !devices || eventsLeft() == 0;
                // with programs running or requested device events still to come, --max-time is a bound
                if (k.unloadsAtEnd() && noProgram && devicesDone && !unloadRequested) {
                    requestUnload(); // the normal end of a run whose kernel keeps busy: unload now
                    unloadForcedAt = s.timeNs;
                } else if (!k.unloadsAtEnd() || !unloadRequested
                        || s.timeNs >= k.config.maxTimeNs() + UNLOAD_GRACE_NS) {
                    return end(End.TIME_BOUND, null);
                }
            }
            if (s.steps >= k.config.maxSteps()) {
                return end(End.STEP_BOUND, null);
            }
            raiseDeviceIrqs();
            receiveOnEth0();
            for (int cpu = 0; cpu < s.ncpu; cpu++) {
                if (s.timeNs >= nextTick[cpu]) {
                    nextTick[cpu] += TICK_NS;
                    apply(new Choice.Tick(cpu));
                }
                long ev = hrtimerEvent(cpu);
                if (ev != 0 && s.timeNs >= ev && s.currentContext(cpu) >= 0) {
                    apply(new Choice.ClockEvent(cpu));
                }
                if (s.interruptDeliverable(cpu) && s.currentContext(cpu) >= 0) {
                    apply(new Choice.TakeInterrupt(cpu));
                    blocked[cpu] = false;
                }
                // a line that has just become pending wakes a CPU waiting in wfi even while
                // masked (the idle loop waits with interrupts off, as do_idle does): retry it
                if ((s.pendingIrq[cpu] & ~lastPending[cpu]) != 0) {
                    blocked[cpu] = false;
                }
                lastPending[cpu] = s.pendingIrq[cpu];
                // a CPU waiting out a delay goes on when the clock has reached its end
                if (k.delayUntil[cpu] != 0 && s.timeNs >= k.delayUntil[cpu]) {
                    blocked[cpu] = false;
                    k.delayUntil[cpu] = 0; // once: an interrupt taken meanwhile may wait in wfe instead
                }
                if (s.timeNs >= nextNmi[cpu]) {
                    nextNmi[cpu] += NMI_PERIOD_NS;
                    if (s.currentContext(cpu) >= 0) {
                        apply(new Choice.Nmi(cpu)); // an NMI is taken whatever the irq mask says
                        blocked[cpu] = false;
                    }
                }
            }
            int n = 0;
            for (int pass = 0; pass < 2 && n == 0; pass++) {
                for (int cpu = 0; cpu < s.ncpu; cpu++) {
                    int ctx = s.currentContext(cpu);
                    if (ctx >= 0 && !blocked[cpu] && s.context(ctx).status.canRun()
                            && (pass == 1 || !held.test(cpu))) {
                        runnable[n++] = cpu;
                    }
                }
            }
            if (n == 0) {
                boolean devicesDone = !devices || eventsLeft() == 0;
                if (k.unloadsAtEnd()) {
                    if (k.bootDone() && k.userProgramsRemaining() == 0 && devicesDone && work().idle(s)) {
                        if (!unloadRequested) {
                            requestUnload();
                            continue;
                        }
                        if (k.rmmodExited()) {
                            return end(unloadForcedAt >= 0 ? End.MAX_TIME
                                    : k.programNames.isEmpty() ? End.IDLE : End.ALL_EXITED, null);
                        }
                    }
                } else if (k.bootDone() && k.programNames.isEmpty() && devicesDone) {
                    return end(End.BOOTED, null); // modules loaded and every CPU idle
                }
                long next = nextEventNs();
                if (delaying() && next != Long.MAX_VALUE) {
                    // a CPU in a delay is busy: it meets the event (its delay's end included) at
                    // a step boundary, as polling the clock round by round would
                    next = s.timeNs + stepsUntil(next) * Transition.runStepNs(s.ncpu);
                }
                if (next > s.timeNs) {
                    apply(new Choice.ClockAdvance(next));
                }
                continue;
            }
            if (devices && skipSpins && spins.allSpinning(runnable, n)) {
                long next = Math.min(nextEventNs(), k.config.maxTimeNs());
                // the steps up to the first step boundary at or after it, in whole rounds when
                // one CPU spins, so that the rest are stepped and it meets the event where
                // going round would have (several CPUs step in a seeded order: any phase is one)
                long skip = next == Long.MAX_VALUE ? 0 : stepsUntil(next);
                if (n == 1) {
                    skip -= skip % spins.round(runnable[0]);
                }
                if (skip > 0) {
                    apply(new Choice.ClockAdvance(s.timeNs + skip * Transition.runStepNs(s.ncpu)));
                    continue;
                }
            }
            int cpu = runnable[choices.choose(n)];
            Interpreter.Outcome o = apply(Choice.CpuStep.of(cpu));
            if (devices) {
                spins.stepped(cpu, o == Interpreter.Outcome.PROGRESS);
            }
            if (o == Interpreter.Outcome.FAULTED) {
                if (!transition.faultHandled()) {
                    return end(End.OOPS, null); // an oops: the kernel could not go on
                }
                continue;
            }
            if (o == Interpreter.Outcome.BLOCKED) {
                blocked[cpu] = true;
            } else {
                Arrays.fill(blocked, false);
            }
        }
    }

    /** When the next tick, clock event, device interrupt, echo request, NMI or end of a delay comes (MAX_VALUE: none). */
    private long nextEventNs() {
        long next = Long.MAX_VALUE;
        for (long t : nextTick) {
            next = Math.min(next, t);
        }
        for (int c = 0; c < s.ncpu; c++) {
            long ev = hrtimerEvent(c);
            if (ev > s.timeNs) {
                next = Math.min(next, ev);
            }
        }
        for (int i = 0; i < irqNext.length; i++) {
            if (s.deviceEvents[i] > 0 && irqNext[i] > s.timeNs) {
                next = Math.min(next, irqNext[i]);
            }
        }
        if (rxLeft() > 0 && rxNext > s.timeNs) {
            next = Math.min(next, rxNext);
        }
        for (int c = 0; c < s.ncpu; c++) {
            next = Math.min(next, nextNmi[c]);
            if (k.delayUntil[c] > s.timeNs) {
                next = Math.min(next, k.delayUntil[c]); // the end of a CPU's delay (ndelay)
            }
        }
        return next;
    }

    /** Steps from now to the first step boundary at or after t (0 when t has come). */
    private long stepsUntil(long t) {
        long step = Transition.runStepNs(s.ncpu);
        return t <= s.timeNs ? 0 : (t - s.timeNs + step - 1) / step;
    }

    /** Whether a CPU waits out a delay (ndelay's __spinlab_delay_until). */
    private boolean delaying() {
        for (long d : k.delayUntil) {
            if (d != 0) {
                return true;
            }
        }
        return false;
    }

    /** Echo requests eth0's peer still has to send (the last device budget when --rx is given). */
    private int rxLeft() {
        return k.config.rxPackets() > 0 ? s.deviceEvents[s.deviceEvents.length - 1] : 0;
    }

    private int eventsLeft() {
        int n = 0;
        for (int left : s.deviceEvents) {
            n += Math.max(left, 0); // a doorbell device not rung has nothing to deliver
        }
        return n;
    }

    private Result end(End end, Fault oops) {
        k.flushOutput();
        int undelivered = devices ? eventsLeft() : 0;
        return new Result(end, s.timeNs, s.steps, oops, undelivered);
    }

    /**
     * The run is over: the console's line is raised on CPU 0, whose handler wakes init to
     * start rmmod for the modules (init/main.c). Without modules nothing is unloaded: the
     * console is not set up, and the run ends here.
     */
    private void requestUnload() {
        unloadRequested = true;
        apply(new Choice.ConsoleInput());
    }

    private KernelWork work;

    private KernelWork work() {
        if (work == null) {
            work = new KernelWork(k);
        }
        return work;
    }
}
