package dev.spinlab.check;

import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kernel.Choice;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.IrFunction;
import dev.spinlab.kernel.KernelConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/*
 * Implementation notes.
 *
 * The booted model kernel as a Model for the explorer, from the state settle() reaches (init
 * has exited; BootSettle), with the kernel's kmalloc served from per-context arenas
 * (AllocArenas) so that allocations of different contexts commute. Every transition is the one
 * transition function's (kernel.Transition, which run and replay use too) on a copy of the
 * state. The model's jobs live beside it: the choices a state offers (KernelEvents), the
 * interrupts reduction (InterruptsReduction), the interleavings reduction
 * (InterleavingReduction), the deadlock property (DeadlockReport), the trace's text
 * (ChoiceText), the data-race monitor (RaceMonitor). Its choices in a state, in this order
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
 *     next step of every CPU and with every other event, does not wake a waiting CPU nor arm a timer, and at
 *     least one other choice exists: every run that takes the event now is equivalent to one
 *     that takes a commuting step first and the event after it (a persistent set). A handler
 *     that blocks, faults, switches tasks or does not return within InterruptsReduction.HANDLER_BOUND steps is
 *     never pruned. Handler footprints are reused by a successor whose step wrote nothing
 *     they read (the handler then reads the same values and behaves the same).
 *   - interleavings: the next steps of a set of CPUs with the events aimed at them are a
 *     persistent set when every other CPU's local future (its steps and the events aimed at
 *     it, searched with the other CPUs frozen) conflicts with none of them and the left-out
 *     futures do not conflict with each other (InterleavingReduction); an
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
public final class KernelModel implements Model<KState> {
    /** Bytes of each allocation arena under check (address space; memory blocks exist once used). */
    static final long ARENA_BYTES = 64 << 10;
    /** Steps of one process folded into one user-mode transition at most. */
    static final int USER_FOLD_BOUND = 100_000;

    /** The model kernel's words set at boot and constant after it (4 bytes each). */
    private static final List<String> BOOT_CONSTANTS = List.of("nr_cpu_ids", "spinlab_preempt_model",
            "spinlab_time_abstract");

    private final Kernel k;
    private final Interpreter interp;
    private final MachineState initial;
    private final Reductions reductions;
    private final boolean irqAnyCpu;
    private final InterleavingReduction interleavings = new InterleavingReduction(this);
    /** The choices a state offers (KernelEvents), the interrupts reduction, the deadlock property, the trace's text. */
    private final KernelEvents events;
    private final InterruptsReduction interrupts;
    private final DeadlockReport deadlocks;
    private final ChoiceText text;
    private final RaceMonitor races = new RaceMonitor(this);
    private final SpinDetector spins = new SpinDetector(this);
    /** Whether a CPU waiting in wfe waits for what its loop reads rather than the event register (SpinWaits). */
    private final boolean spinWaits;
    private final SpinWaits waits = new SpinWaits(this);
    /** The one step function run and replay use too (check's world: abstract time, a fault ends the path). */
    private final dev.spinlab.kernel.Transition transition;
    /** Whether this model steps in run's world (asRun): a running clock, the kernel's answer to faults. */
    private final boolean runWorld;
    /** Code ids of the __wfe and __wfi intrinsics (see canStep). */
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
            // the boot's configuration words never change after boot: read-only from here, as
            // the kernel's __ro_after_init data is after mark_readonly() (init/main.c), so
            // reading them is no visible step (a write would fault)
            for (String word : BOOT_CONSTANTS) {
                this.initial.mem.setShadow(k.globalAddress(word), 4, dev.spinlab.machine.Memory.READ_ONLY);
            }
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
        this.spinWaits = !runWorld && reductions.spinWaits();
        settleEvents(this.initial);
        // read-only: a load of read-only memory is no visible operation (Interpreter.readOnlyLocal)
        interp.setReadOnlyLocal(!runWorld && reductions.readOnly());
        // cpu-local: a call touching only the CPU's own registers is no visible operation either
        interp.setCpuLocalIntrinsics(!runWorld && reductions.cpuLocal());
        // with spin-waits the event registers are dead state: a SEV is no visible operation
        interp.setEventsDead(spinWaits);
        // exclusive-pairs: an ldrex and the strex it reaches next are one visible operation
        interp.setExclusivePairs(!runWorld && reductions.exclusivePairs());
        // dead registers cleared after each step: states that differ only in them are one (kc.ir.Liveness)
        interp.setClearDeadRegisters(!runWorld);
        if (!runWorld) {
            interp.clearAllDead(this.initial);
        }
        interp.setPrivateMemory(null); // until a search gives this model its monitor (usePrivateData)
        this.events = new KernelEvents(k, transition, irqAnyCpu, spinWaits ? waits : null);
        this.interrupts = new InterruptsReduction(this, events);
        this.deadlocks = new DeadlockReport(k);
        this.text = new ChoiceText(k, events);
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

    /**
     * The data races of s (RaceMonitor), and a deadlock where every CPU that can step spins in
     * a busy-wait nothing will end and no event can come (SpinDetector): a cycle of stutter
     * steps, which the no-choice deadlock property cannot see.
     */
    @Override
    public List<Finding> stateReports(KState s, List<KState> successors) {
        List<Finding> out = races.stateReports(s, successors);
        java.util.SortedMap<Integer, Finding.Where> spinning = spins.allSpinning(s, actions(s), successors);
        Finding stuck = spinning == null ? null : deadlocks.of(s.machine(), withPollingLoops(s, spinning));
        if (stuck == null) {
            return out;
        }
        List<Finding> all = new ArrayList<>(out);
        all.add(stuck);
        return all;
    }

    public Kernel kernel() {
        return k;
    }

    Interpreter interpreter() {
        return interp;
    }

    /**
     * Whether a device may still raise its line on more than one CPU: with device interrupts
     * routed to every CPU (irqAnyCpu) the same device's events on two CPUs share its budget and
     * two of its handlers can run at once, so the reordering reductions (interleavings,
     * interrupts) wait until no device event is left.
     */
    boolean deviceEventsLeftOnAnyCpu(KState s) {
        if (irqAnyCpu) {
            for (int left : s.machine().deviceEvents) {
                if (left > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    public Reductions reductions() {
        return reductions;
    }

    /** The private-data monitor this model's steps consult (PrivateSearch), or null. */
    private PrivateData privateData;

    /**
     * Makes this model's steps run on through the accesses p says are private (null: none):
     * set by PrivateSearch for each run of a search, after the start state is settled (the
     * settling run is one path and stays as it was).
     */
    public void usePrivateData(PrivateData p) {
        if (p != null && (runWorld || !reductions.privateData())) {
            throw new IllegalStateException("private-data is not among this model's reductions");
        }
        initial();
        this.privateData = p;
        interp.setPrivateMemory(p);
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
    /** Steps settle may take before it gives up and starts where boot left off (BootSettle). */
    static final int SETTLE_BOUND = BootSettle.SETTLE_BOUND;

    private KState settle(KState s0) {
        return new BootSettle(this).settle(s0);
    }

    /** The choices of a state as action codes: CPU numbers, TIMER, or an event code. */
    List<Integer> actions(KState s) {
        if (s.actions == null) {
            s.actions = events.computeActions(s); // a state's machine never changes once made
        }
        return s.actions;
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

    KState apply(KState s, int action) {
        return apply(s, events.choice(action));
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
            fp = new Footprint();
            violation = recordedStep(m, via, fp);
        } else {
            long[] timer = c instanceof Choice.TimerFires ? events.earliestTimer(m) : null;
            via = timer != null ? (int) timer[0] : Math.max(0, c.cpu());
            fp = new Footprint();
            fp.ignoreEvents = spinWaits;
            transition.apply(m, c, fp);
            settleEvents(m);
            if (privateData != null) {
                privateData.deviceAccesses(fp); // what the event itself touched (timer bases, the NIC)
            }
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
     * What apply does for a CPU's step while lockdep is suspended (a local search), on m itself:
     * the step's footprint into fp, the kernel's reports dropped; returns the fault, or null.
     * No copy and no KState: InterleavingReduction steps a local search's straight runs so.
     */
    Finding stepInPlace(MachineState m, int cpu, Footprint fp) {
        if (!k.lockdepSuspended()) {
            throw new IllegalStateException("a step in place outside a trial run");
        }
        int before = k.findings().size();
        Finding violation = recordedStep(m, cpu, fp);
        collectReports(before);
        return violation;
    }

    /** A search transition's CPU step on m (apply's and stepInPlace's): module code's plain accesses watched. */
    private Finding recordedStep(MachineState m, int cpu, Footprint fp) {
        fp.watched = moduleFunctions;
        return stepCpu(m, cpu, fp, reductions.userSteps());
    }

    /** A local search's state for a machine stepped in place from from's (its held locks: from's). */
    KState localState(MachineState m, KState from) {
        KState s = new KState(m, null, List.of());
        s.lockdep = from.lockdep;
        return s;
    }

    /**
     * One transition of a CPU: its step through the transition function (a deliverable
     * pending interrupt taken first); with fold, a step that starts in user mode goes on
     * through the process's user steps up to its first kernel step. Returns the fault that
     * ends the path, or null.
     */
    Finding stepCpu(MachineState m, int cpu, Footprint fp, boolean fold) {
        if (!spinWaits) {
            return stepSettled(m, cpu, fp, fold);
        }
        if (events.waitsInLoop(m, cpu)) {
            // a wait's wake-up, offered only when its loop goes somewhere (SpinWaits): it
            // depends on what the loop reads, which another CPU's write could take back
            fp.addReads(waits.iterate(m, cpu).reads());
            if (events.waitsInWfe(m, cpu)) {
                m.eventFlag[cpu] = 1;
            }
        }
        return stepSettled(m, cpu, fp, fold);
    }

    /** stepCpu without the wake-up's test (SpinWaits runs a wait loop's iteration with it). */
    Finding stepSettled(MachineState m, int cpu, Footprint fp, boolean fold) {
        fp.ignoreEvents = spinWaits;
        try {
            return stepCpuOnce(m, cpu, m.context(m.currentContext(cpu)), fp, fold);
        } finally {
            settleEvents(m);
        }
    }

    /**
     * Under spin-waits the event register is dead state (SpinWaits): cleared after every
     * transition, so two states that differ only in it are one.
     */
    private void settleEvents(MachineState m) {
        if (spinWaits) {
            java.util.Arrays.fill(m.eventFlag, 0);
        }
    }

    private Finding stepCpuOnce(MachineState m, int cpu, ExecContext ctx, Footprint fp, boolean fold) {
        boolean user = fold && !m.interruptDeliverable(cpu)
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
                    interrupts.pruneCommutingEvents(s, successors, p, true);
                }
                return p;
            }
        }
        if (!reductions.interrupts()) {
            return null;
        }
        boolean[] pruned = new boolean[successors.size()];
        return interrupts.pruneCommutingEvents(s, successors, pruned, false) ? pruned : null;
    }

    int targetCpu(KState s, int action) {
        return events.targetCpu(s, action);
    }

    Footprint handlerFootprint(KState s, int action, KState afterEvent) {
        return interrupts.handlerFootprint(s, action, afterEvent);
    }

    KState runInterruptAlone(KState before, KState afterEvent, int cpu, Footprint into, Footprint failedInto) {
        return interrupts.runInterruptAlone(before, afterEvent, cpu, into, failedInto);
    }

    Footprint handlerRunWords(KState before, KState afterEvent, int cpu) {
        return interrupts.handlerRunWords(before, afterEvent, cpu);
    }

    /**
     * Adds to into, as reads, the words the CPU's wait loop reads when it waits in one under
     * spin-waits (they decide whether it can step; no step records them); nothing otherwise.
     */
    void addWaitLoopReads(MachineState m, int cpu, Footprint into) {
        if (spinWaits && events.waitsInLoop(m, cpu)) {
            into.addReads(waits.iterate(m, cpu).reads());
        }
    }

    /**
     * Makes this model remember local futures in main's memo (LocalFutureMemo), for a worker
     * model of a multi-threaded search: its kernel is booted as main's, so their states mean
     * the same, and each thread finds the futures the others searched.
     */
    public void shareLocalFutures(KernelModel main) {
        interleavings.shareMemoOf(main.interleavings);
    }

    /** Whether steps run on through hidden accesses (the private-data reduction): footprints then miss those. */
    boolean hidesAccesses() {
        return privateData != null;
    }

    InterleavingReduction interleavings() {
        return interleavings;
    }

    BitSet moduleFunctions() {
        return moduleFunctions;
    }

    /**
     * What would wake the CPU from s when it waits and cannot step now: the words its wait
     * loop reads under spin-waits, its event register without (and for a wfe waiter, its
     * pending lines always); null when it is not such a waiter.
     */
    Footprint wakeReads(MachineState m, int cpu) {
        if (!(spinWaits ? events.waitsInLoop(m, cpu) : events.waitsInWfe(m, cpu)) || events.canStep(m, cpu)) {
            return null;
        }
        Footprint f = new Footprint();
        if (spinWaits) {
            f.addReads(waits.iterate(m, cpu).reads());
        } else {
            f.read(Footprint.event(cpu));
        }
        return f;
    }

    KernelEvents events() {
        return events;
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
        if (a == KernelEvents.TIMER) {
            return KernelConfig.MAX_CPUS;
        }
        int bit = KernelConfig.MAX_CPUS + 1 + KernelEvents.eventDevice(a) * KernelConfig.MAX_CPUS + KernelEvents.eventCpu(a);
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
    public boolean passesThrough() {
        return reductions.passThrough();
    }

    @Override
    public List<Finding> reports(KState s) {
        return s.reports();
    }

    @Override
    public long fingerprint(KState s) {
        return fingerprint(s.machine(), locksFingerprint(s));
    }

    /** What s's held locks add to its fingerprint (NO_LOCKS without lockdep), for fingerprint(MachineState, long). */
    long locksFingerprint(KState s) {
        return s.lockdep == null ? NO_LOCKS : s.lockdep.fingerprint();
    }

    /** locksFingerprint without lockdep (a held-locks fingerprint of this value only costs a collision's odds). */
    private static final long NO_LOCKS = 0x6e6f206c6f636b73L;

    /**
     * The fingerprint of the state made of m and the held locks of locksFingerprint: a local
     * search's machine stepped in place, its held locks those it started with.
     */
    long fingerprint(MachineState m, long locks) {
        long h = m.fingerprint();
        return locks == NO_LOCKS ? h : dev.spinlab.machine.Fingerprint.mix(h ^ locks) + 0x1d;
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
        return deadlocks.of(m, withPollingLoops(s, new java.util.TreeMap<>()));
    }

    /**
     * Adds to spinning the CPUs of s left without a move in a polling loop (spin-waits), each
     * named by its loop as SpinDetector names a loop that is a cycle of steps: the deadlock
     * reads the same whether the search found it as a state or as a cycle.
     */
    private java.util.SortedMap<Integer, Finding.Where> withPollingLoops(KState s,
                                                                        java.util.SortedMap<Integer, Finding.Where> spinning) {
        MachineState m = s.machine();
        for (int cpu = 0; spinWaits && cpu < m.ncpu; cpu++) {
            // the CPUs with a move are the map's already (a state without choices: none)
            if (!spinning.containsKey(cpu) && events.pollsAt(m, cpu)) {
                Finding.Where loop = spins.loopOf(s, cpu);
                if (loop != null) {
                    spinning.put(cpu, loop);
                }
            }
        }
        return spinning;
    }

    @Override
    public String describe(KState s, int choice) {
        return text.describe(s.machine(), actions(s).get(choice));
    }

    @Override
    public int scheduledCpu(KState s, int choice) {
        int a = actions(s).get(choice);
        return a >= 0 ? a : -1;
    }

    @Override
    public int eventCpu(KState s, int choice) {
        int a = actions(s).get(choice);
        return a >= 0 ? -1 : events.targetCpu(s, a);
    }

    @Override
    public TraceStep step(KState s, int choice) {
        return text.step(s.machine(), actions(s).get(choice));
    }
}
