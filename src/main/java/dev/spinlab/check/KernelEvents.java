package dev.spinlab.check;

import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.ir.IrFunction;
import dev.spinlab.kc.ir.Op;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kernel.Choice;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.kernel.Transition;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;

/*
 * Implementation notes.
 *
 * What can happen next in a state of check's kernel model (KernelModel's choices), as action
 * codes: a CPU's number for its next step, TIMER for the earliest armed timer's tick, an event
 * code for a device raising its line on a CPU (eth0's peer is the last device). The codes are
 * the trace's language: a trace's choice is an index into this list, so replay needs no
 * reduction to agree. Each code stands for a kernel.Choice (choice), which the one transition
 * function applies.
 */
final class KernelEvents {
    static final int TIMER = -1;
    static final int EVENT_BASE = -2;
    static final int IRQ_TIMER = Simulation.IRQ_TIMER;
    private static final int TIMER_SOFTIRQ = 1;
    /** preempt_count bits that make in_task() false (include/linux/preempt.h: NMI, HARDIRQ, SOFTIRQ_OFFSET). */
    private static final int NOT_IN_TASK = 0xf00000 | 0xf0000 | 1 << 8;

    private final Kernel k;
    private final Interpreter interp;
    private final Transition transition;
    private final boolean irqAnyCpu;
    /** The spin-waits reduction: a wfe waiter wakes when its loop would go somewhere; null: on the event register. */
    private final SpinWaits spinWaits;
    private final long jiffies;
    private final long hrtimerCompare;
    /** Code ids of the __wfe and __wfi intrinsics (see canStep). */
    private final int wfeId;
    private final int wfiId;
    /** Code id of the cpu_relax intrinsic: a CPU about to call it polls (SpinWaits). */
    private final int relaxId;
    /** irq_stat[]: each CPU's softirq pending mask is the first field of its entry. */
    private final long softirqPending;
    private final long irqStatSize;
    /** Event sources: --irq lines in order, then eth0 (irq 19) when --rx packets are configured. */
    final int[] eventLines;

    /**
     * Whether a run from `before` to `after` armed a timer: a timer_list queued, moved to
     * another CPU or given another expiry (kernel/time/timer.c), or a CPU's clock event compare
     * register set (hrtimer.c). That enables a choice (the timer firing) which no choice of the
     * state before can show a conflict with. A timer that only went away (fired, deleted) enables
     * nothing; a timer firing that is offered already reads every base, so a run that moves it
     * conflicts with that choice anyway.
     */
    boolean armsTimer(MachineState before, MachineState after) {
        long[] was = transition.timers().armed(before);
        long[] now = transition.timers().armed(after);
        for (int i = 0; i < now.length; i += 3) {
            boolean old = false;
            for (int j = 0; j < was.length && !old; j += 3) {
                old = was[j] == now[i] && was[j + 1] == now[i + 1] && was[j + 2] == now[i + 2];
            }
            if (!old) {
                return true;
            }
        }
        for (int cpu = 0; cpu < before.ncpu; cpu++) {
            long a = before.mem.load(hrtimerCompare + 8L * cpu, 8, false);
            long b = after.mem.load(hrtimerCompare + 8L * cpu, 8, false);
            if (b != 0 && a != b) {
                return true;
            }
        }
        return false;
    }

    KernelEvents(Kernel k, Transition transition, boolean irqAnyCpu, SpinWaits spinWaits) {
        this.k = k;
        this.spinWaits = spinWaits;
        this.interp = k.interpreter();
        this.transition = transition;
        this.irqAnyCpu = irqAnyCpu;
        this.jiffies = k.globalAddress("jiffies");
        this.hrtimerCompare = k.globalAddress("spinlab_hrtimer_compare");
        this.wfeId = intrinsicId("__wfe");
        this.wfiId = intrinsicId("__wfi");
        this.relaxId = intrinsicId("cpu_relax");
        this.softirqPending = k.globalAddress("irq_stat");
        this.irqStatSize = ((ArrayType) k.globalType("irq_stat")).element().size();
        List<KernelConfig.IrqDevice> irqs = k.config().irqs();
        int n = irqs.size() + (k.config().rxPackets() > 0 ? 1 : 0);
        this.eventLines = new int[n];
        for (int i = 0; i < irqs.size(); i++) {
            eventLines[i] = irqs.get(i).line();
        }
        if (k.config().rxPackets() > 0) {
            eventLines[n - 1] = dev.spinlab.kernel.SpinlabNic.IRQ;
        }
    }

    /** Code ids of the compiled functions (not intrinsics) whose names pass the test. */
    java.util.BitSet functionsNamed(java.util.function.Predicate<String> test) {
        java.util.BitSet out = new java.util.BitSet();
        for (int id = 0; id < interp.code().size(); id++) {
            if (interp.code().entry(id).fn() != null && test.test(interp.code().entry(id).name())) {
                out.set(id);
            }
        }
        return out;
    }

    private int intrinsicId(String name) {
        for (int id = 0; id < interp.code().size(); id++) {
            if (interp.code().entry(id).fn() == null && name.equals(interp.code().entry(id).name())) {
                return id;
            }
        }
        return -1;
    }

    List<Integer> computeActions(KState s) {
        MachineState m = s.machine();
        List<Integer> out = new ArrayList<>();
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            if (canStep(m, cpu)) {
                out.add(cpu);
            }
        }
        if (timerCanFire(m)) {
            out.add(TIMER);
        }
        for (int d = 0; d < eventLines.length; d++) {
            for (int cpu = 0; cpu < m.ncpu; cpu++) {
                if (deviceCanRaise(m, d, cpu)) {
                    out.add(eventCode(d, cpu));
                }
            }
        }
        return out;
    }

    /**
     * The choices of computeActions that are the CPU's own — its step and the events aimed at
     * it, in the same order — without testing the other CPUs (a local search freezes them, and
     * testing a waiting CPU runs a round of its wait loop).
     */
    List<Integer> movesOf(MachineState m, int cpu) {
        List<Integer> out = new ArrayList<>(2);
        if (canStep(m, cpu)) {
            out.add(cpu);
        }
        if (timerCanFire(m) && earliestTimer(m)[0] == cpu) {
            out.add(TIMER);
        }
        for (int d = 0; d < eventLines.length; d++) {
            if (deviceCanRaise(m, d, cpu)) {
                out.add(eventCode(d, cpu));
            }
        }
        return out;
    }

    static int eventCode(int device, int cpu) {
        return EVENT_BASE - device * KernelConfig.MAX_CPUS - cpu;
    }

    static int eventDevice(int code) {
        return (EVENT_BASE - code) / KernelConfig.MAX_CPUS;
    }

    static int eventCpu(int code) {
        return (EVENT_BASE - code) % KernelConfig.MAX_CPUS;
    }

    /**
     * Whether stepping the CPU can change anything: its context runs, or it waits and what it
     * waits for has come. A context blocked in wfe wakes on the event register or an
     * interrupt it can take; one in wfi (the idle loop) on any pending interrupt, masked or
     * not; one blocked elsewhere only on an interrupt it can take.
     */
    boolean canStep(MachineState m, int cpu) {
        int ctx = m.currentContext(cpu);
        if (ctx < 0) {
            return false;
        }
        ExecContext c = m.peekContext(ctx);
        if (c.status == ExecContext.Status.RUNNABLE) {
            // under spin-waits a polling CPU moves only when its next round would go somewhere
            return spinWaits == null || !waitsInLoop(m, cpu) || !spinWaits.iterate(m, cpu).stutter();
        }
        if (c.status != ExecContext.Status.BLOCKED) {
            return false;
        }
        int in = blockedIn(c);
        if (in == wfiId) {
            return m.pendingIrq[cpu] != 0; // wfi wakes on a pending interrupt even while masked (ARM)
        }
        if (m.interruptDeliverable(cpu)) {
            return true;
        }
        if (in != wfeId) {
            return false;
        }
        return spinWaits != null ? !spinWaits.iterate(m, cpu).stutter() : m.eventFlag[cpu] != 0;
    }

    /** Whether the CPU's context waits in wfe, which the event register (or an interrupt it can take) ends. */
    boolean waitsInWfe(MachineState m, int cpu) {
        return waitsIn(m, cpu, wfeId);
    }

    /**
     * Whether the CPU is in a wait loop the spin-waits reduction judges (SpinWaits): blocked in
     * wfe or about to call cpu_relax(), with no interrupt it would take first.
     */
    boolean waitsInLoop(MachineState m, int cpu) {
        return !m.interruptDeliverable(cpu) && (waitsInWfe(m, cpu) || pollsAt(m, cpu));
    }

    /** Whether the CPU's context is about to call cpu_relax(): it polls in a busy-wait (SpinWaits). */
    boolean pollsAt(MachineState m, int cpu) {
        int ctx = m.currentContext(cpu);
        if (ctx < 0 || relaxId < 0) {
            return false;
        }
        ExecContext c = m.peekContext(ctx);
        return c.status == ExecContext.Status.RUNNABLE && blockedIn(c) == relaxId;
    }

    /** The code id of the intrinsic a blocked context waits in (or a runnable one is about to call), or -1. */
    int blockedIn(ExecContext c) {
        int fb = c.frameTop - ExecContext.FRAME_WORDS;
        if (fb < 0) {
            return -1;
        }
        IrFunction fn = interp.code().entry((int) c.frames[fb + ExecContext.F_FN]).fn();
        int pc = (int) c.frames[fb + ExecContext.F_PC];
        if (fn == null || pc < 0 || pc + Op.WIDTH > fn.code.length || fn.code[pc] != Op.CALL) {
            return -1;
        }
        int base = (int) c.frames[fb + ExecContext.F_REGBASE];
        return interp.code().idOf(c.regs[base + fn.code[pc + 2]]);
    }

    /**
     * Whether the tick that runs the earliest armed timer can come now: its line is not already
     * pending, and either jiffies has not reached its expiry yet (the tick moves time there) or
     * the timer softirq is not already raised on its CPU and that CPU is in task context with
     * interrupts enabled or waits in wfi (a timer armed in the past still needs a tick; with
     * interrupts masked it would only pend until the CPU unmasks, where it can come anyway; in
     * the timer softirq it would only raise it again). Further ticks would only repeat the timer
     * interrupt without changing what runs.
     */
    boolean timerCanFire(MachineState m) {
        long[] t = earliestTimer(m);
        if (t == null || (m.pendingIrq[(int) t[0]] & (1L << IRQ_TIMER)) != 0) {
            return false;
        }
        long now = m.mem.load(jiffies, 8, false);
        if (Long.compareUnsigned(t[1], now) > 0) {
            return true;
        }
        int cpu = (int) t[0];
        return (m.mem.load(softirqPending + irqStatSize * cpu, 4, false) & (1L << TIMER_SOFTIRQ)) == 0
                && inTask(m, cpu) && (m.irqEnabled[cpu] != 0 || waitsInWfi(m, cpu));
    }

    /** in_task(): the CPU serves no NMI, hardirq or softirq. */
    static boolean inTask(MachineState m, int cpu) {
        return (m.preemptCount[cpu] & NOT_IN_TASK) == 0;
    }

    /** Whether the CPU's context waits in wfi (the idle loop), which a pending interrupt wakes even masked. */
    boolean waitsInWfi(MachineState m, int cpu) {
        return waitsIn(m, cpu, wfiId);
    }

    /** Whether the CPU's context is blocked in the intrinsic with this code id. */
    private boolean waitsIn(MachineState m, int cpu, int intrinsic) {
        int ctx = m.currentContext(cpu);
        if (ctx < 0) {
            return false;
        }
        ExecContext c = m.peekContext(ctx);
        return c.status == ExecContext.Status.BLOCKED && blockedIn(c) == intrinsic;
    }

    /**
     * Everything the timer events and the handler runs' timer test read in m (timerCanFire,
     * earliestTimer, armsTimer) as one hash: the armed timers, jiffies, each CPU's pending
     * softirqs and clock event compare register. A local search's events depend on them
     * (LocalFutureMemo's key).
     */
    long timerKey(MachineState m) {
        long[] armed = transition.timers().armed(m);
        long h = dev.spinlab.machine.Fingerprint.ofArray(21, armed, armed.length);
        h = dev.spinlab.machine.Fingerprint.mix(h ^ m.mem.load(jiffies, 8, false));
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            h = dev.spinlab.machine.Fingerprint.mix(h ^ m.mem.load(softirqPending + irqStatSize * cpu, 4, false));
            h = dev.spinlab.machine.Fingerprint.mix(h ^ m.mem.load(hrtimerCompare + 8L * cpu, 8, false));
        }
        return h;
    }

    /** {cpu, expiry} of the earliest armed timer, or null. */
    long[] earliestTimer(MachineState m) {
        return transition.timers().earliest(m);
    }

    /** Whether event source d is eth0's peer (the last source, present with --rx) rather than an --irq device. */
    boolean isEth0(int d) {
        return d == k.config().irqs().size();
    }

    /** The choice an action code stands for. */
    Choice choice(int action) {
        if (action >= 0) {
            return Choice.CpuStep.of(action);
        }
        if (action == TIMER) {
            return new Choice.TimerFires();
        }
        int d = eventDevice(action);
        return isEth0(d) ? new Choice.PacketArrives(eventCpu(action))
                : new Choice.DeviceRaises(d, eventCpu(action));
    }

    int targetCpu(KState s, int action) {
        if (action == TIMER) {
            return (int) earliestTimer(s.machine())[0];
        }
        return eventCpu(action);
    }

    /** Whether an event aimed at the CPU can happen in m (one of computeActions' event choices). */
    boolean eventAimedAt(MachineState m, int cpu) {
        if (timerCanFire(m) && earliestTimer(m)[0] == cpu) {
            return true;
        }
        for (int d = 0; d < eventLines.length; d++) {
            if (deviceCanRaise(m, d, cpu)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether device d can raise its line on the CPU now: it has raises left, it targets that
     * CPU (CPU 0, or any with irqAnyCpu), and the line is not already pending there.
     */
    private boolean deviceCanRaise(MachineState m, int d, int cpu) {
        return m.deviceEvents[d] > 0 && (irqAnyCpu || cpu == 0) && (m.pendingIrq[cpu] & (1L << eventLines[d])) == 0;
    }
}
