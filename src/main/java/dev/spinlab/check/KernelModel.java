package dev.spinlab.check;

import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kc.type.PointerType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.kernel.Choice;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.IrFunction;
import dev.spinlab.kc.ir.Op;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.Simulation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/*
 * Implementation notes.
 *
 * The booted model kernel as a Model for the explorer, from the state settle() reaches (init
 * has exited), with the kernel's kmalloc served from per-context arenas (AllocArenas) so that
 * allocations of different contexts commute. Its choices in a state, in this order
 * (a trace's choice is an index into this list, so replay needs no reduction to agree):
 *   - each CPU that can step takes its next visible step (a pending interrupt on a CPU with
 *     interrupts enabled is taken first, as the hardware would);
 *   - when a timer is armed: the earliest timer fires;
 *   - for each model device (--irq) with raises left, where its line is not already pending:
 *     the device raises its line on CPU 0 (on each CPU with irqAnyCpu);
 *   - with echo requests left (--rx): eth0's peer's next packet lands in the receive ring
 *     (DMA) and the NIC raises irq 19 on CPU 0 (on each CPU with irqAnyCpu).
 * Device interrupts go to CPU 0 as a GIC delivers a shared interrupt to the first CPU of its
 * default affinity mask.
 * Time is abstracted: there is no periodic tick; firing a timer sets jiffies to its expiry and
 * raises the timer interrupt on its CPU, so a timer may fire at any point after it is armed,
 * in expiry order, and the state space stays finite. A timer already due gets its tick only
 * while its CPU is in task context (in_task()) and can take it (irqs on, or waiting in wfi):
 * masked, the tick would only pend until the CPU unmasks, where it can come anyway, and in the
 * softirq that runs the timers it would only raise them again. Device events may happen at any point.
 * The clock does not run, so busy-wait delays (mdelay, udelay) return at once: their length
 * only widens windows, and every window is already open to every event at every step.
 * A timer that re-arms itself forever moves jiffies forever: such a search ends at a bound.
 *
 * A CPU waiting in wfe/wfi with no event and no deliverable interrupt has no step (stepping
 * it would change nothing). A state with no choice left while some user process has not
 * exited is a deadlock; the report names every CPU, what it runs and whether it waits. A BUG
 * the kernel reports on a transition (scheduling while atomic, spinlock debug) is recorded with
 * its shortest trace and the search goes on, as the kernel does; a fault (oops) stops that
 * path.
 *
 * Reductions (each can be switched off; ReductionProperties checks they change no verdict):
 *   - user-steps: a process's steps in user mode touch only its own memory, so a run of them
 *     is one transition, ending at its first kernel step (a system call); an interrupt may
 *     still arrive before the run. Memory of a process is private in Linux; spinlab's single
 *     address space shares the globals of a forked child with its parent and the heap's
 *     allocation order with the kernel, and this reduction does not interleave those.
 *   - interrupts: an event (timer, device irq, packet) is not offered in a state when its
 *     whole handler run — computed by running the target CPU alone from the event until the
 *     interrupted context is back, with every access recorded (Footprint) — commutes with the
 *     next step of every CPU and with every other event, does not wake a waiting CPU, and at
 *     least one other choice exists: every run that takes the event now is equivalent to one
 *     that takes a commuting step first and the event after it (a persistent set). A handler
 *     that blocks, faults, switches tasks or does not return within HANDLER_BOUND steps is
 *     never pruned. Handler footprints are reused by a successor whose step does not
 *     conflict with them (the handler then reads the same values and behaves the same).
 *   - interleavings: CPU i's next step with the events aimed at CPU i is a persistent set
 *     when every other CPU's local future (its steps and the events aimed at it, searched
 *     with the other CPUs frozen) conflicts with none of them (InterleavingReduction); an
 *     event in that set whose handler commutes with everything, the other CPUs' futures
 *     included, is dropped from it (pruneKeptEvents).
 *     The explorer's cycle proviso expands a state fully when a kept successor is old.
 *   - sleep-sets: the explorer's (Explorer.bfs); this model names choices (label: a CPU's
 *     step keeps its name until the CPU moves), says two commute when their footprints do not
 *     conflict (independent), and puts the CPU that made the last step first (priority).
 * The footprints also feed the data-race monitor (stateReports).
 *
 * One Kernel instance steps every state of this model (the Interpreter and the kernel's
 * Java-side findings are per kernel): a multi-threaded search uses one KernelModel per thread.
 */
public final class KernelModel implements Model<KernelModel.KState> {
    /** Which reductions the model applies. */
    public record Reductions(boolean userSteps, boolean interrupts, boolean interleavings, boolean sleepSets) {
        public static final Reductions ALL = new Reductions(true, true, true, true);
        public static final Reductions NONE = new Reductions(false, false, false, false);
        private static final List<String> NAMES = List.of("user-steps", "interrupts", "interleavings", "sleep-sets");

        /** Parses "all", "none" or a comma list of user-steps, interrupts, interleavings, sleep-sets. */
        public static Reductions parse(String spec) {
            String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
            if (s.equals("all")) {
                return ALL;
            }
            if (s.equals("none")) {
                return NONE;
            }
            List<String> on = new ArrayList<>();
            for (String p : s.split(",")) {
                if (!NAMES.contains(p.trim())) {
                    throw new IllegalArgumentException("--reductions " + spec
                            + ": expected all, none, or a comma list of " + String.join(", ", NAMES));
                }
                on.add(p.trim());
            }
            return new Reductions(on.contains(NAMES.get(0)), on.contains(NAMES.get(1)), on.contains(NAMES.get(2)),
                    on.contains(NAMES.get(3)));
        }

        public String label() {
            if (equals(ALL)) {
                return "all";
            }
            if (equals(NONE)) {
                return "none";
            }
            boolean[] flags = {userSteps, interrupts, interleavings, sleepSets};
            List<String> on = new ArrayList<>();
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    on.add(NAMES.get(i));
                }
            }
            return String.join(",", on);
        }

    }

    /**
     * A machine state (with its devices' budgets of events left: MachineState.deviceEvents),
     * the fault that stopped the transition into it (or null), and what the kernel reported on
     * that transition. The footprint fields are the reductions' caches, not state.
     */
    public static final class KState {
        private final MachineState machine;
        private final Finding violation;
        private final List<Finding> reports;
        /**
         * Each task's lockdep state (held locks) on the path to this state, or null without
         * lockdep; part of the state (fingerprinted): the locks a task holds decide lockdep's
         * reports at its next acquisitions. The dependency graph and usage bits are not: they
         * are the whole search's (see docs/check.md, "Lockdep under check").
         */
        dev.spinlab.lockdep.Lockdep.Tasks lockdep;
        /** Footprint of the transition into this state, or null when not recorded. */
        Footprint step;
        /** Per event action: its handler's footprint from this state (FAIL_MARK: not prunable). */
        final Map<Integer, Footprint> handlers = new HashMap<>();
        /** The parent's handler footprints, reusable where {@link #step} does not conflict. */
        Map<Integer, Footprint> parentHandlers;
        /** The CPU the transition into this state ran on or was aimed at (-1: none/unknown). */
        int viaCpu = -1;
        /** Keys of {@link #handlers} holding a local future inherited through its own CPU's step. */
        java.util.Set<Integer> stale;
        /** Per CPU: own steps since its local future was computed (InterleavingReduction). */
        final int[] staleAge;
        /** The parent's staleAge. */
        int[] parentStaleAge;
        /** The choices (KernelModel.actions), computed once. */
        List<Integer> actions;

        KState(MachineState machine, Finding violation, List<Finding> reports) {
            this.machine = machine;
            this.violation = violation;
            this.reports = reports;
            this.staleAge = new int[machine.ncpu];
        }

        public MachineState machine() {
            return machine;
        }

        public Finding violation() {
            return violation;
        }

        public List<Finding> reports() {
            return reports;
        }
    }

    static final int IRQ_TIMER = Simulation.IRQ_TIMER;
    /** Bytes of each allocation arena under check (address space; memory blocks exist once used). */
    static final long ARENA_BYTES = 64 << 10;
    /** Steps a handler run may take before the reduction gives up on it. */
    static final int HANDLER_BOUND = 20_000;
    /** Steps of one process folded into one user-mode transition at most. */
    static final int USER_FOLD_BOUND = 100_000;
    private static final int TIMER = -1;
    private static final int EVENT_BASE = -2;
    static final Footprint FAIL_MARK = new Footprint(0, null);

    private final Kernel k;
    private final Interpreter interp;
    private final MachineState initial;
    private final Reductions reductions;
    private final boolean irqAnyCpu;
    private final InterleavingReduction interleavings = new InterleavingReduction(this);
    private final RaceMonitor races = new RaceMonitor(this);
    private final long jiffies;
    /** The one step function run and replay use too (check's world: abstract time, a fault ends the path). */
    private final dev.spinlab.kernel.Transition transition;
    /** Whether this model steps in run's world (asRun): a running clock, the kernel's answer to faults. */
    private final boolean runWorld;
    /** Code ids of the __wfe and __wfi intrinsics (see canStep). */
    private final int wfeId;
    private final int wfiId;
    /** irq_stat[]: each CPU's softirq pending mask is the first field of its entry. */
    private final long softirqPending;
    private final long irqStatSize;
    private static final int TIMER_SOFTIRQ = 1;
    /** preempt_count bits that make in_task() false (include/linux/preempt.h: NMI, HARDIRQ, SOFTIRQ_OFFSET). */
    private static final int NOT_IN_TASK = 0xf00000 | 0xf0000 | 1 << 8;
    /** Event sources: --irq lines in order, then eth0 (irq 19) when --rx packets are configured. */
    private final int[] eventLines;
    private final BitSet userFunctions = new BitSet();
    /** Code ids of the modules' functions: the data-race monitor watches their plain accesses. */
    private final BitSet moduleFunctions = new BitSet();

    public KernelModel(Kernel k, MachineState initial) {
        this(k, initial, Reductions.ALL);
    }

    public KernelModel(Kernel k, MachineState initial, Reductions reductions) {
        this(k, initial, reductions, false);
    }

    /**
     * @param irqAnyCpu deliver device interrupts (--irq, eth0) to any CPU; by default they go to
     *                  CPU 0, as an ARM GIC delivers an SPI to the first CPU of its default
     *                  affinity mask (irq-gic.c: gic_set_affinity)
     */
    public KernelModel(Kernel k, MachineState initial, Reductions reductions, boolean irqAnyCpu) {
        this(k, initial, reductions, irqAnyCpu, false);
    }

    /**
     * The model in run's world, for following a run's recorded choices through check's path
     * (the cross-engine test): from the machine as given (no settling, no allocation arenas,
     * the clock running as in run), faults answered as the kernel answers them, no reductions,
     * and the kernel's findings left in {@link Kernel#findings()} as run leaves them.
     */
    public static KernelModel asRun(Kernel k, MachineState initial) {
        return new KernelModel(k, initial, Reductions.NONE, false, true).keepKernelFindings(true);
    }

    private KernelModel(Kernel k, MachineState initial, Reductions reductions, boolean irqAnyCpu, boolean runWorld) {
        this.irqAnyCpu = irqAnyCpu;
        this.k = k;
        this.interp = k.interpreter();
        this.initial = initial.copy();
        this.runWorld = runWorld;
        this.initialLockdep = k.config().lockdep() == dev.spinlab.lockdep.LockdepMode.OFF ? null
                : k.lockdepTasks().snapshot();
        if (!runWorld) {
            // busy-wait delays end at once under abstract time (kernel/time/timer.c: ndelay)
            this.initial.mem.store(k.globalAddress("spinlab_time_abstract"), 4, 1);
            // from here on the kernel allocates from one arena per task context and per CPU for
            // softirq and hardirq context (AllocArenas): then allocations of two contexts commute,
            // and two orders of them reach the same state
            this.initial.mem.reserveArenas(dev.spinlab.kernel.AllocArenas.count(this.initial), ARENA_BYTES);
        }
        this.transition = runWorld
                ? new dev.spinlab.kernel.Transition(k, dev.spinlab.kernel.Transition.runStepNs(initial.ncpu),
                        dev.spinlab.kernel.Transition.OnFault.KERNEL)
                : new dev.spinlab.kernel.Transition(k, 0, dev.spinlab.kernel.Transition.OnFault.STOP);
        this.reductions = reductions;
        this.jiffies = k.globalAddress("jiffies");
        this.wfeId = intrinsicId("__wfe");
        this.wfiId = intrinsicId("__wfi");
        this.softirqPending = k.globalAddress("irq_stat");
        this.irqStatSize = ((ArrayType) k.globalType("irq_stat")).element().size();
        List<KernelConfig.IrqDevice> irqs = k.config().irqs();
        int n = irqs.size() + (k.config().rxPackets() > 0 ? 1 : 0);
        this.eventLines = new int[n];
        for (int i = 0; i < irqs.size(); i++) {
            eventLines[i] = irqs.get(i).line();
        }
        if (k.config().rxPackets() > 0) {
            eventLines[n - 1] = Simulation.NIC_IRQ;
        }
        CodeSpace code = interp.code();
        // by symbol, not by file name: a module given as dir/../x.c is one file under two spellings
        for (long addr : k.symbolizer().moduleFunctionAddresses()) {
            int id = code.idOf(addr);
            // atomic_t, refcount and atomic bitops are marked accesses for KCSAN: not watched
            if (id >= 0 && !dev.spinlab.kernel.KcsanAtomic.isAtomicOperation(code.entry(id).fn())) {
                moduleFunctions.set(id);
            }
        }
        for (int id = 0; id < code.size(); id++) {
            IrFunction fn = code.entry(id).fn();
            if (fn != null && k.isUserCode(fn.file)) {
                userFunctions.set(id);
            }

        }
    }

    private int intrinsicId(String name) {
        for (int id = 0; id < interp.code().size(); id++) {
            if (interp.code().entry(id).fn() == null && name.equals(interp.code().entry(id).name())) {
                return id;
            }
        }
        return -1;
    }

    @Override
    public List<Finding> stateReports(KState s, List<KState> successors) {
        return races.stateReports(s, successors);
    }

    public Kernel kernel() {
        return k;
    }

    Interpreter interpreter() {
        return interp;
    }

    boolean irqAnyCpu() {
        return irqAnyCpu;
    }

    public Reductions reductions() {
        return reductions;
    }

    /** Set by {@link #keepKernelFindings(boolean)}. */
    private boolean keepFindings;

    /**
     * Leaves what the kernel reports on each transition in {@link Kernel#findings()} instead of
     * removing it, for following a single path (spinlab replay), where they are that run's
     * findings. Never for a search: its transitions branch, and every path's would pile up.
     */
    public KernelModel keepKernelFindings(boolean keep) {
        this.keepFindings = keep;
        return this;
    }

    @Override
    public KState initial() {
        if (start == null && runWorld) {
            start = initial; // a run's machine from its first step: nothing to settle
            startLockdep = initialLockdep;
        }
        if (start == null) {
            KState s0 = new KState(initial.copy(), null, List.of());
            s0.lockdep = initialLockdep;
            KState settled = settle(s0);
            start = settled.machine();
            startLockdep = settled.lockdep;
        }
        KState s = new KState(start.copy(), null, List.of());
        s.lockdep = startLockdep;
        return s;
    }

    /** The tasks' lockdep state at boot's end and where the search starts (null without lockdep). */
    private final dev.spinlab.lockdep.Lockdep.Tasks initialLockdep;
    private dev.spinlab.lockdep.Lockdep.Tasks startLockdep;

    /** The machine the search starts from (see settle), computed once. */
    private MachineState start;
    /** Steps settle may take before it gives up and starts where boot left off. */
    static final int SETTLE_BOUND = 200_000;

    /**
     * Where the search starts: boot has started every program, and then the CPU running init
     * (kernel_init, pid 1) runs on alone until init has exited and that CPU has nothing left to
     * do (its idle loop waits in wfi, or it picks up another task). Init's last steps racing
     * with the programs' first ones are not explored: they are the boot's, not the drivers'
     * (without this, every interleaving of init's exit path with a program multiplies the
     * states, and nothing in a driver depends on it). If that run reports anything, faults,
     * needs another CPU or does not end within SETTLE_BOUND steps, the search starts where
     * boot left off instead.
     */
    private KState settle(KState s0) {
        long initTask = initTask(s0.machine());
        if (initTask == 0) {
            return s0;
        }
        int cpu = -1;
        for (int c = 0; c < s0.machine().ncpu; c++) {
            int ctx = s0.machine().currentContext(c);
            if (ctx >= 0 && s0.machine().peekContext(ctx).tag == initTask) {
                cpu = c;
            }
        }
        if (cpu < 0) {
            return s0;
        }
        final int on = cpu;
        long idle = s0.machine().mem.load(k.globalAddress("idle_tasks") + 8L * cpu, 8, false);
        KState s = s0;
        for (int n = 0; n < SETTLE_BOUND; n++) {
            MachineState m = s.machine();
            int ctx = m.currentContext(cpu);
            long tag = ctx < 0 ? 0 : m.peekContext(ctx).tag;
            if ((tag != initTask && tag != idle) || !canStep(m, cpu)) {
                return tag == initTask ? s0 : s;
            }
            KState from = new KState(m, null, List.of());
            from.lockdep = s.lockdep;
            KState next = withoutTrace(() -> apply(from, on), false);
            if (next.violation() != null || !next.reports().isEmpty()) {
                return s0;
            }
            s = next;
        }
        return s0;
    }

    /** The task_struct of kernel_init (a kernel task named init), or 0 when it has gone. */
    private long initTask(MachineState m) {
        List<Long> user = k.userTasks(m);
        for (int id = 0; id < m.contextCount(); id++) {
            ExecContext c = m.peekContext(id);
            if (c != null && c.tag != 0 && !user.contains(c.tag) && "init".equals(comm(m, c.tag))
                    && c.status != ExecContext.Status.EXITED) {
                return c.tag;
            }
        }
        return 0;
    }

    /** The choices of a state as action codes: CPU numbers, TIMER, or an event code. */
    List<Integer> actions(KState s) {
        if (s.actions == null) {
            s.actions = computeActions(s); // a state's machine never changes once made
        }
        return s.actions;
    }

    private List<Integer> computeActions(KState s) {
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

    private static int eventCode(int device, int cpu) {
        return EVENT_BASE - device * KernelConfig.MAX_CPUS - cpu;
    }

    private static int eventDevice(int code) {
        return (EVENT_BASE - code) / KernelConfig.MAX_CPUS;
    }

    private static int eventCpu(int code) {
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
            return true;
        }
        if (c.status != ExecContext.Status.BLOCKED) {
            return false;
        }
        int in = blockedIn(c);
        if (in == wfiId) {
            return m.pendingIrq[cpu] != 0; // wfi wakes on a pending interrupt even while masked (ARM)
        }
        if (m.pendingIrq[cpu] != 0 && m.irqEnabled[cpu] != 0) {
            return true;
        }
        return m.eventFlag[cpu] != 0 && in == wfeId;
    }

    /** The code id of the intrinsic a blocked context waits in, or -1. */
    private int blockedIn(ExecContext c) {
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
    private boolean timerCanFire(MachineState m) {
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
                && (m.preemptCount[cpu] & NOT_IN_TASK) == 0 && (m.irqEnabled[cpu] != 0 || waitsInWfi(m, cpu));
    }

    /** Whether the CPU's context waits in wfi (the idle loop), which a pending interrupt wakes even masked. */
    boolean waitsInWfi(MachineState m, int cpu) {
        int ctx = m.currentContext(cpu);
        if (ctx < 0) {
            return false;
        }
        ExecContext c = m.peekContext(ctx);
        return c.status == ExecContext.Status.BLOCKED && blockedIn(c) == wfiId;
    }

    /** {cpu, expiry} of the earliest armed timer, or null. */
    long[] earliestTimer(MachineState m) {
        return transition.timers().earliest(m);
    }

    @Override
    public int choices(KState s) {
        return s.violation() != null ? 0 : actions(s).size();
    }

    @Override
    public KState successor(KState s, int choice) {
        return apply(s, actions(s).get(choice));
    }

    /** Whether the function on top of the context is a user program's. */
    private boolean inUserCode(ExecContext c) {
        if (c.frameTop < ExecContext.FRAME_WORDS) {
            return false;
        }
        return userFunctions.get((int) c.frames[c.frameTop - ExecContext.FRAME_WORDS + ExecContext.F_FN]);
    }

    /** The choice an action code stands for. */
    private Choice choice(int action) {
        if (action >= 0) {
            return Choice.CpuStep.of(action);
        }
        if (action == TIMER) {
            return new Choice.TimerFires();
        }
        int d = eventDevice(action);
        return d == k.config().irqs().size() ? new Choice.PacketArrives(eventCpu(action))
                : new Choice.DeviceRaises(d, eventCpu(action));
    }

    KState apply(KState s, int action) {
        return apply(s, choice(action));
    }

    /**
     * The successor of s by one choice, through the one transition function
     * (kernel.Transition): a copy of s's machine moved by it, with the transition's footprint
     * (for the reductions and the data-race monitor) and what the kernel reported on the way.
     * The choice need not be one this model offers in s (a run's recorded choices: asRun).
     */
    public KState apply(KState s, Choice c) {
        MachineState m = s.machine().copy();
        int before = k.findings().size();
        // the path's lockdep state, this transition's own copy (a trial run leaves it alone)
        dev.spinlab.lockdep.Lockdep.Tasks tasks = s.lockdep;
        if (tasks != null && !k.lockdepSuspended()) {
            tasks = tasks.snapshot();
            k.setLockdepTasks(tasks);
        }
        Finding violation = null;
        Footprint fp; // feeds the reductions and the data-race monitor
        int via;
        if (c instanceof Choice.CpuStep step) {
            via = step.cpu();
            fp = new Footprint(via, m);
            fp.watched = moduleFunctions;
            violation = stepCpu(m, via, fp, reductions.userSteps());
        } else {
            long[] timer = c instanceof Choice.TimerFires ? earliestTimer(m) : null;
            via = timer != null ? (int) timer[0] : Math.max(0, c.cpu());
            fp = new Footprint(via, m);
            transition.apply(m, c, fp);
        }
        List<Finding> reports = collectReports(before);
        KState next = new KState(m, violation, reports);
        next.lockdep = tasks;
        next.step = fp;
        next.parentHandlers = s.handlers;
        next.parentStaleAge = s.staleAge; // shared with the children: filled while s is expanded
        next.viaCpu = via;
        return next;
    }

    /**
     * One transition of a CPU: its step through the transition function (a deliverable
     * pending interrupt taken first); with fold, a step that starts in user mode goes on
     * through the process's user steps up to its first kernel step. Returns the fault that
     * ends the path, or null.
     */
    private Finding stepCpu(MachineState m, int cpu, Footprint fp, boolean fold) {
        ExecContext ctx = m.context(m.currentContext(cpu));
        boolean user = fold && !(m.pendingIrq[cpu] != 0 && m.irqEnabled[cpu] != 0)
                && ctx.status == ExecContext.Status.RUNNABLE && inUserCode(ctx);
        for (int n = 0; ; n++) {
            Interpreter.Outcome o = transition.apply(m, Choice.CpuStep.of(cpu), fp);
            if (o == Interpreter.Outcome.FAULTED && !transition.faultHandled()) {
                Fault f = interp.lastFault();
                String what = (f.message() != null ? f.message() : f.kind().title) + " at " + f.loc();
                List<StackEntry> st = f.stack();
                return new Finding(FindingKind.FAULT, what, k.findingWhere(st),
                        k.findingContext(m, cpu), m.timeNs, st);
            }
            if (!user || o != Interpreter.Outcome.PROGRESS || n >= USER_FOLD_BOUND
                    || m.currentContext(cpu) != ctx.id || !inUserCode(ctx)) {
                return null;
            }
        }
    }

    private List<Finding> collectReports(int before) {
        List<Finding> all = k.findings();
        List<Finding> reports = new ArrayList<>(all.subList(before, all.size()));
        while (!keepFindings && all.size() > before) {
            all.remove(all.size() - 1); // the search keeps only what it reports
        }
        return reports;
    }

    @Override
    public boolean[] prune(KState s, List<KState> successors) {
        if (successors.size() < 2) {
            return null;
        }
        if (reductions.interleavings()) {
            boolean[] p = interleavings.prune(s, successors);
            if (p != null) {
                if (reductions.interrupts()) {
                    pruneCommutingEvents(s, successors, p, true);
                }
                return p;
            }
        }
        if (!reductions.interrupts()) {
            return null;
        }
        boolean[] pruned = new boolean[successors.size()];
        return pruneCommutingEvents(s, successors, pruned, false) ? pruned : null;
    }

    /**
     * The interrupts reduction: marks in pruned each event not yet pruned whose whole handler
     * run commutes with every other choice and wakes no waiting CPU, keeping at least one
     * choice; returns whether it marked any. Inside a persistent set of the interleavings
     * reduction (againstFutures) the handler must also conflict with nothing another CPU can do
     * on its own (its local future): then every path that takes the event now is equivalent to
     * one taking it after a kept choice, and the other CPUs' moves after it stay those of their
     * futures, so the rest of the set is still persistent.
     */
    private boolean pruneCommutingEvents(KState s, List<KState> successors, boolean[] pruned, boolean againstFutures) {
        List<Integer> acts = actions(s);
        int kept = 0;
        for (boolean p : pruned) {
            kept += p ? 0 : 1;
        }
        boolean any = false;
        for (int i = 0; i < acts.size() && kept > 1; i++) {
            int a = acts.get(i);
            if (a >= 0 || pruned[i]) {
                continue;
            }
            Footprint h = handlerFootprint(s, a, successors.get(i));
            if (h == FAIL_MARK || !commutesWithOthers(s, acts, successors, i, h)
                    || (againstFutures && !interleavings.commutesWithFutures(s, targetCpu(s, a), h))) {
                continue;
            }
            pruned[i] = true;
            kept--;
            any = true;
        }
        return any;
    }

    /** Whether an event's handler footprint h commutes with every other choice and waiting CPU. */
    private boolean commutesWithOthers(KState s, List<Integer> acts, List<KState> successors, int i, Footprint h) {
        for (int j = 0; j < acts.size(); j++) {
            if (j == i) {
                continue;
            }
            Footprint other = successors.get(j).step;
            if (other == null || other.conflicts(h)) {
                return false;
            }
        }
        MachineState m = s.machine();
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            // a CPU that cannot step now may be woken by the handler (sev, IPI): that is a new choice
            if (!acts.contains(cpu) && (h.writesWord(Footprint.event(cpu)) || h.writesWord(Footprint.pending(cpu)))) {
                int target = targetCpu(s, acts.get(i));
                if (cpu != target) {
                    return false;
                }
            }
        }
        return true;
    }

    int targetCpu(KState s, int action) {
        if (action == TIMER) {
            return (int) earliestTimer(s.machine())[0];
        }
        return eventCpu(action);
    }

    /**
     * The footprint of an event and of the handler run it causes: from the state after the
     * event, the target CPU alone steps until the context it interrupted runs again at the same
     * depth. FAIL_MARK when that does not happen cleanly.
     */
    /**
     * The parent's cached footprint under key when it still holds in s: the transition into s
     * does not conflict with it, so whatever it describes reads the same values from s and
     * behaves the same. Null when there is none, it failed, or it conflicts.
     */
    static Footprint inherited(KState s, int key) {
        if (s.parentHandlers == null || s.step == null) {
            return null;
        }
        Footprint p = s.parentHandlers.get(key);
        return p != null && p != FAIL_MARK && !s.step.conflicts(p) ? p : null;
    }

    /**
     * Runs code that steps copies of the machine only to learn something (a handler run, a
     * local search): the findings the kernel reported meanwhile are dropped, since no
     * transition of the search happened. Everything else such a run changes is in the machine
     * copies it stepped (the WARN_ON_ONCE record, the taint mask, device budgets: all state).
     */
    <T> T withoutTrace(java.util.function.Supplier<T> trial) {
        return withoutTrace(trial, true);
    }

    /**
     * As above; with suspendLockdep the lockdep hooks do nothing meanwhile: a trial run's
     * acquisitions would otherwise enter lockdep's graph and its reports would count as made
     * (and never be made again) though the findings are dropped. Its states are not search
     * states, so their held locks do not matter; settle, whose end is the initial state, keeps
     * lockdep running.
     */
    <T> T withoutTrace(java.util.function.Supplier<T> trial, boolean suspendLockdep) {
        int reported = k.findings().size();
        boolean was = k.lockdepSuspended();
        k.suspendLockdep(was || suspendLockdep);
        try {
            return trial.get();
        } finally {
            k.suspendLockdep(was);
            List<Finding> all = k.findings();
            while (all.size() > reported) {
                all.remove(all.size() - 1);
            }
        }
    }

    Footprint handlerFootprint(KState s, int action, KState afterEvent) {
        Footprint h = s.handlers.get(action);
        if (h != null) {
            return h;
        }
        Footprint p = inherited(s, action);
        if (p != null) {
            s.handlers.put(action, p);
            return p;
        }
        h = runHandler(s, afterEvent, targetCpu(s, action));
        s.handlers.put(action, h);
        return h;
    }

    private Footprint runHandler(KState before, KState afterEvent, int cpu) {
        if (afterEvent.step == null || afterEvent.violation() != null) {
            return FAIL_MARK;
        }
        MachineState m = afterEvent.machine(); // read here; the run steps a copy
        int ctxId = m.currentContext(cpu);
        if (ctxId < 0) {
            return FAIL_MARK;
        }
        if (m.irqEnabled[cpu] == 0) {
            // masked: the event only makes the line pending, nothing runs until the CPU unmasks;
            // a step that unmasks conflicts with this read, so the footprint is recomputed there
            Footprint e = new Footprint(cpu, m);
            e.addAll(afterEvent.step);
            e.read(Footprint.irqMask(cpu));
            return e;
        }
        Footprint h = new Footprint(cpu, m);
        h.watched = moduleFunctions;
        h.addAll(afterEvent.step);
        MachineState end = withoutTrace(() -> runUntilInterruptedIsBack(before, afterEvent, cpu, h, x -> false));
        if (end == null) {
            return FAIL_MARK;
        }
        // the CPU's registers the interrupted context finds as it left them are not writes as
        // far as it (or anyone else) can tell
        List<Long> restored = new ArrayList<>();
        restored.add(Footprint.context(cpu));
        long otherPending = before.machine().pendingIrq[cpu];
        if (end.pendingIrq[cpu] == otherPending) {
            restored.add(Footprint.pending(cpu));
        }
        if (end.preemptCount[cpu] == m.preemptCount[cpu]) {
            restored.add(Footprint.preempt(cpu));
        }
        if (end.irqEnabled[cpu] == m.irqEnabled[cpu]) {
            restored.add(Footprint.irqMask(cpu));
        }
        if (end.exclusive[cpu] == m.exclusive[cpu]) {
            restored.add(Footprint.monitor(cpu));
        }
        if (end.eventFlag[cpu] == m.eventFlag[cpu]) {
            restored.add(Footprint.event(cpu));
        }
        return h.withoutWrites(restored.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Runs the CPU alone from afterEvent (an event just raised on it; its context exists and
     * takes interrupts) until the interrupted context is back, every step recorded into fp;
     * returns the machine then, or null when the CPU blocks or faults, a step has an effect
     * without a footprint, stop holds before a step, or HANDLER_BOUND steps pass. The interrupts
     * reduction (runHandler) and the local searches (runInterruptAlone) both run handlers so.
     */
    private MachineState runUntilInterruptedIsBack(KState before, KState afterEvent, int cpu, Footprint fp,
                                                   java.util.function.Predicate<MachineState> stop) {
        MachineState m = afterEvent.machine().copy();
        int ctxId = m.currentContext(cpu);
        int depth = m.peekContext(ctxId).frameTop;
        long otherPending = before.machine().pendingIrq[cpu];
        for (int n = 0; n < HANDLER_BOUND; n++) {
            if (!canStep(m, cpu) || stop.test(m)) {
                return null;
            }
            fp.machine = m;
            if (stepCpu(m, cpu, fp, false) != null || fp.unknown()) {
                return null;
            }
            if (n > 0 && m.currentContext(cpu) == ctxId && m.peekContext(ctxId).frameTop == depth
                    && (m.pendingIrq[cpu] & ~otherPending) == 0) {
                return m;
            }
        }
        return null;
    }

    /**
     * For a local search (InterleavingReduction): the CPU alone runs the interrupt an event
     * started, from afterEvent until the interrupted context is back, as one move. Sound there
     * because the other CPUs are frozen: while no event aimed at this CPU can come, its own next
     * step is its only move, so the run is the one path through those states; every step's
     * footprint goes into `into`. Returns the state the interrupted context resumes in, or null
     * when the run is not forced that way (an event becomes possible, the CPU blocks or faults,
     * a BUG is reported, an effect has no footprint, no return within HANDLER_BOUND steps): the
     * caller then explores it step by step.
     */
    KState runInterruptAlone(KState before, KState afterEvent, int cpu, Footprint into) {
        MachineState at = afterEvent.machine();
        if (at.currentContext(cpu) < 0 || at.irqEnabled[cpu] == 0 || afterEvent.violation() != null) {
            return null;
        }
        int reported = k.findings().size();
        Footprint run = new Footprint(cpu, null);
        MachineState end = runUntilInterruptedIsBack(before, afterEvent, cpu, run,
                m -> eventAimedAt(m, cpu));
        if (end == null || k.findings().size() != reported) {
            return null;
        }
        into.addAll(run);
        return new KState(end, null, List.of());
    }

    /** Whether an event aimed at the CPU can happen in m (one of computeActions' event choices). */
    private boolean eventAimedAt(MachineState m, int cpu) {
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

    /**
     * Choice names for sleep sets: CPU n's step is n, the earliest timer's tick 8, a device's
     * event on a CPU 9 + device * MAX_CPUS + cpu (none past bit 63).
     */
    @Override
    public int label(KState s, int choice) {
        int a = actions(s).get(choice);
        if (a >= 0) {
            return a;
        }
        if (a == TIMER) {
            return KernelConfig.MAX_CPUS;
        }
        int bit = KernelConfig.MAX_CPUS + 1 + eventDevice(a) * KernelConfig.MAX_CPUS + eventCpu(a);
        return bit < 64 ? bit : -1;
    }

    /**
     * The CPU that made the transition into s steps first: its branch continues the run that
     * led here, and the other CPUs' branches, taken after it, sleep on it where they commute,
     * so they end where they would only repeat that run (a run that keeps its CPU, as
     * DPOR-style searches schedule).
     */
    @Override
    public int priority(KState s, int choice) {
        return actions(s).get(choice) == s.viaCpu ? 0 : 1;
    }

    /**
     * Two choices commute when their footprints do not conflict (Footprint.conflicts): each
     * reads nothing the other writes, so either order does the same and reaches the same state;
     * a CPU's ability to step reads its registers (pending, mask, event), which those
     * footprints include.
     */
    @Override
    public boolean independent(KState s, List<KState> successors, int a, int b) {
        if (!reductions.sleepSets()) {
            return false;
        }
        Footprint fa = successors.get(a).step;
        Footprint fb = successors.get(b).step;
        return fa != null && fb != null && successors.get(a).violation() == null
                && successors.get(b).violation() == null && !fa.conflicts(fb);
    }

    @Override
    public List<Finding> reports(KState s) {
        return s.reports();
    }

    @Override
    public long fingerprint(KState s) {
        long h = s.machine().fingerprint();
        return s.lockdep == null ? h : dev.spinlab.machine.Fingerprint.mix(h ^ s.lockdep.fingerprint()) + 0x1d;
    }

    @Override
    public Finding violation(KState s) {
        if (s.violation() != null) {
            return s.violation();
        }
        MachineState m = s.machine();
        if (!actions(s).isEmpty()) {
            return null;
        }
        List<String> alive = new ArrayList<>();
        for (long t : k.userTasks(m)) {
            long state = m.mem.load(t + k.taskStruct().field("__state").offset(), 8, false);
            if (state != 0x80) { // TASK_DEAD
                alive.add(comm(m, t));
            }
        }
        if (alive.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("no CPU can make progress and ")
                .append(String.join(", ", alive)).append(alive.size() == 1 ? " has" : " have").append(" not exited");
        Finding.Where at = null;
        int firstCpu = 0;
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            int ctx = m.currentContext(cpu);
            if (ctx < 0) {
                continue;
            }
            ExecContext c = m.peekContext(ctx);
            List<StackEntry> st = interp.stack(c);
            if (at == null) {
                at = k.findingWhere(st); // the first stuck CPU's driver frame
                firstCpu = cpu;
            }
            String where = st.isEmpty() ? "?" : st.get(0).function() + " (" + st.get(0).loc() + ")";
            sb.append("; CPU#").append(cpu).append(" runs ").append(comm(m, c.tag))
                    .append(c.status == ExecContext.Status.BLOCKED ? " waiting in " : " at ").append(where)
                    .append(String.format(" with preempt_count %08x, irqs %s", m.preemptCount[cpu],
                            m.irqEnabled[cpu] != 0 ? "on" : "off"));
        }
        return new Finding(FindingKind.DEADLOCK, sb.toString(), at != null ? at : Finding.Where.NONE,
                k.findingContext(m, firstCpu), m.timeNs, List.of());
    }

    private String comm(MachineState m, long task) {
        if (task == 0) {
            return "?";
        }
        Field f = k.taskStruct().field("comm");
        byte[] b = m.mem.cString(task + f.offset(), (int) f.type().size());
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String describe(KState s, int choice) {
        MachineState m = s.machine();
        int action = actions(s).get(choice);
        if (action == TIMER) {
            long[] t = earliestTimer(m);
            return String.format("timer (expires at jiffies %d) fires on CPU#%d", t[1], t[0]);
        }
        if (action <= EVENT_BASE) {
            int d = eventDevice(action);
            int left = m.deviceEvents[d];
            if (eventLines[d] == Simulation.NIC_IRQ && d == eventLines.length - 1 && k.config().rxPackets() > 0) {
                return String.format("eth0 receives echo request %d from 10.0.0.2, raises irq %d on CPU#%d",
                        k.config().rxPackets() - left + 1, eventLines[d], eventCpu(action));
            }
            return String.format("device raises irq %d on CPU#%d (%d left after this)", eventLines[d],
                    eventCpu(action), left - 1);
        }
        int cpu = action;
        ExecContext c = m.peekContext(m.currentContext(cpu));
        List<StackEntry> st = interp.stack(c);
        String where = st.isEmpty() ? "?" : st.get(0).function() + " (" + st.get(0).loc() + ")";
        boolean irq = m.pendingIrq[cpu] != 0 && m.irqEnabled[cpu] != 0;
        // user and kernel steps are told apart, so a trace shows each entry and return
        boolean user = !st.isEmpty() && k.isUserCode(st.get(0).loc().file());
        return String.format("CPU#%d %s%s%s: %s, preempt_count %08x, irqs %s", cpu, comm(m, c.tag),
                user ? " (user)" : "",
                irq ? " takes irq " + Long.numberOfTrailingZeros(m.pendingIrq[cpu]) + " then steps" : " steps",
                where, m.preemptCount[cpu], m.irqEnabled[cpu] != 0 ? "on" : "off");
    }
}
