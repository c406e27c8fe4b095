package dev.spinlab.check;

import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;

/*
 * Implementation notes.
 *
 * The interrupts reduction (KernelModel's notes): an event is not offered in a state when its
 * whole handler run commutes with every other choice, wakes no waiting CPU and arms no timer
 * (KernelEvents.armsTimer: the firing would be a new choice). A handler's
 * footprint is computed by running the target CPU alone from the event until the interrupted
 * context is back (runHandler), cached per state and reused by a successor whose step wrote
 * nothing it reads (inherited). The same handler runs serve the interleavings reduction's local
 * searches (runInterruptAlone).
 */
final class InterruptsReduction {
    /** Steps a handler run may take before the reduction gives up on it. */
    static final int HANDLER_BOUND = 20_000;
    /** The handler footprint of an event the reduction cannot prune (its run failed or did not end). */
    static final Footprint FAIL_MARK = new Footprint();

    private final KernelModel model;
    private final KernelEvents events;

    /**
     * runHandler's last run, from an event's successor: a local search that finds the handler
     * does not commute asks runInterruptAlone for the same run from the same successor next, and
     * gets this one (its end machine, which nothing else holds) when that run would have gone
     * the same way. alone: no event aimed at the CPU before a step and no report on the way.
     */
    private record HandlerRun(KState afterEvent, int cpu, MachineState end, Footprint steps, boolean alone) {}

    private HandlerRun lastRun;

    InterruptsReduction(KernelModel model, KernelEvents events) {
        this.model = model;
        this.events = events;
    }

    /**
     * The interrupts reduction: marks in pruned each event not yet pruned whose whole handler
     * run commutes with every other choice, wakes no waiting CPU and arms no timer, keeping at least one
     * choice; returns whether it marked any. Inside a persistent set of the interleavings
     * reduction (againstFutures) the handler must also conflict with nothing another CPU can do
     * on its own (its local future): then every path that takes the event now is equivalent to
     * one taking it after a kept choice, and the other CPUs' moves after it stay those of their
     * futures, so the rest of the set is still persistent.
     */
    boolean pruneCommutingEvents(KState s, List<KState> successors, boolean[] pruned, boolean againstFutures) {
        if (model.deviceEventsLeftOnAnyCpu(s)) {
            // a pruned event loses states in which two handlers of one device race (found by
            // spinlab table: hardirq A vs B on two CPUs)
            return false;
        }
        List<Integer> acts = model.actions(s);
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
                    || (againstFutures && !model.interleavings().commutesWithFutures(s, events.targetCpu(s, a), h))) {
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
            // a CPU that cannot step now may be woken by the handler (sev, a write its wait loop reads, an
            // IPI): that is a new choice
            Footprint wake = acts.contains(cpu) ? null : model.wakeReads(m, cpu);
            if (!acts.contains(cpu) && (h.writesWord(Footprint.event(cpu)) || h.writesWord(Footprint.pending(cpu))
                    || (wake != null && wake.conflicts(h)))) {
                int target = events.targetCpu(s, acts.get(i));
                if (cpu != target) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The parent's cached footprint under key when it still holds in s: the transition into s
     * wrote nothing it reads, so whatever it describes reads the same values from s and
     * behaves the same (a word the transition only read, or wrote where the run only writes
     * it, changes nothing the run depends on). Null when there is none, it failed, or the
     * transition changed something it reads.
     */
    static Footprint inherited(KState s, int key) {
        if (s.parentHandlers == null || s.step == null) {
            return null;
        }
        Footprint p = s.parentHandlers.get(key);
        return p != null && p != FAIL_MARK && !s.step.changesWhatIsRead(p) ? p : null;
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
        h = runHandler(s, afterEvent, events.targetCpu(s, action));
        s.handlers.put(action, h);
        return h;
    }

    /**
     * Every word the handler run from afterEvent accesses up to where runHandler's run ends,
     * whether or not it fails (the words a stuck wait loop reads included): what a failed
     * handler footprint depends on, for LocalFutureMemo's checked words.
     */
    Footprint handlerRunWords(KState before, KState afterEvent, int cpu) {
        Footprint fp = new Footprint();
        if (afterEvent.step != null) {
            fp.addAll(afterEvent.step);
        }
        MachineState m = afterEvent.machine();
        if (afterEvent.step != null && afterEvent.violation() == null && m.currentContext(cpu) >= 0
                && m.irqEnabled[cpu] != 0) {
            HandlerRun last = lastRun;
            if (last != null && last.afterEvent() == afterEvent && last.cpu() == cpu) {
                fp.addAll(last.steps()); // runHandler has just made this run (left for runInterruptAlone)
            } else {
                model.withoutTrace(() -> runUntilInterruptedIsBack(before, afterEvent, cpu, fp, x -> false));
            }
        }
        return fp;
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
            Footprint e = new Footprint();
            e.addAll(afterEvent.step);
            e.read(Footprint.irqMask(cpu));
            return e;
        }
        Footprint run = new Footprint();
        run.watched = model.moduleFunctions();
        // whether runInterruptAlone would have run the same steps to the same end: no event
        // aimed at the CPU before a step, no report on the way (its reasons to stop)
        boolean[] alone = {true};
        MachineState end = model.withoutTrace(() -> {
            int reported = model.kernel().findings().size();
            MachineState e = runUntilInterruptedIsBack(before, afterEvent, cpu, run, x -> {
                alone[0] &= !events.eventAimedAt(x, cpu);
                return false;
            });
            alone[0] &= model.kernel().findings().size() == reported;
            return e;
        });
        lastRun = new HandlerRun(afterEvent, cpu, end, run, alone[0]);
        if (end == null) {
            return FAIL_MARK;
        }
        if (events.armsTimer(before.machine(), end)) {
            // the handler arms (or moves) a timer: its firing is a new choice whose
            // callback may conflict with the steps the event would be put off behind, and no
            // choice of this state shows it (found by spinlab table: a device handler that
            // mod_timer()s, against a task's access on one CPU, "proved" race-free unlocked)
            return FAIL_MARK;
        }
        Footprint h = new Footprint();
        h.addAll(afterEvent.step);
        h.addAll(run);
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
            if (!events.canStep(m, cpu)) {
                model.addWaitLoopReads(m, cpu, fp); // stuck in a wait loop: what it reads decides that
                return null;
            }
            if (stop.test(m)) {
                return null;
            }
            if (model.stepCpu(m, cpu, fp, false) != null || fp.unknown()) {
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
     * caller then explores it step by step, and what the run accessed goes into failedInto.
     */
    KState runInterruptAlone(KState before, KState afterEvent, int cpu, Footprint into, Footprint failedInto) {
        MachineState at = afterEvent.machine();
        if (at.currentContext(cpu) < 0 || at.irqEnabled[cpu] == 0 || afterEvent.violation() != null) {
            return null;
        }
        HandlerRun last = lastRun;
        if (last != null && last.afterEvent() == afterEvent && last.cpu() == cpu) {
            lastRun = null; // its end machine is handed over once
            if (last.end() == null) {
                failedInto.addAll(last.steps());
                return null; // this run would end on the way too, or stop earlier
            }
            if (last.alone()) {
                into.addAll(last.steps());
                return new KState(last.end(), null, List.of());
            }
        }
        int reported = model.kernel().findings().size();
        Footprint run = new Footprint();
        MachineState end = runUntilInterruptedIsBack(before, afterEvent, cpu, run,
                m -> events.eventAimedAt(m, cpu));
        if (end == null || model.kernel().findings().size() != reported) {
            failedInto.addAll(run);
            return null;
        }
        into.addAll(run);
        return new KState(end, null, List.of());
    }
}
