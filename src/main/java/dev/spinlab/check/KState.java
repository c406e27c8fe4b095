package dev.spinlab.check;

import dev.spinlab.kernel.Finding;
import dev.spinlab.machine.MachineState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * A machine state (with its devices' budgets of events left: MachineState.deviceEvents),
 * the fault that stopped the transition into it (or null), and what the kernel reported on
 * that transition. The footprint fields are the reductions' caches, not state.
 */
public final class KState {
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
    /**
     * Per event action: its handler's footprint from this state (FAIL_MARK: not prunable); also
     * each CPU's local future and the mark that one is stale (InterleavingReduction's keys).
     */
    final Map<Integer, Footprint> handlers = new HashMap<>();
    /** The parent's handler footprints, reusable where {@link #step} wrote nothing they read. */
    Map<Integer, Footprint> parentHandlers;
    /** The CPU the transition into this state ran on or was aimed at (-1: none/unknown). */
    int viaCpu = -1;
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

    /** The tasks' lockdep state (held locks) in this state, or null without lockdep (reports read it). */
    public dev.spinlab.lockdep.Lockdep.Tasks lockdep() {
        return lockdep;
    }
}
