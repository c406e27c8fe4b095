package dev.spinlab.check;

import dev.spinlab.kernel.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Implementation notes.
 *
 * Preemption bounding (--preemptions K), after CHESS (Musuvathi and Qadeer, "Iterative context
 * bounding for systematic testing of multithreaded programs", PLDI 2007): only schedules that
 * switch away from a CPU that could have gone on at most K times are explored. A state of the
 * bounded search is the model's state with the CPU that made the last step and the
 * preemptions used so far; both are part of its fingerprint, so a state reached again with
 * budget left over is explored again (the bookkeeping that keeps the bound exact: the same
 * machine state with a different budget has different futures).
 *
 * What counts as a preemption: a CPU steps while the CPU that stepped last could step too.
 * A switch away from a CPU that cannot step (spinning in wfe, idle in wfi, its task asleep or
 * gone) is free, as a blocked thread's switch is in CHESS; so is every event (a timer, a
 * device's line, a packet): those are the environment's inputs, explored at every point, and
 * an event aimed at a CPU makes that CPU the last one (its handler runs on without cost, and
 * going back to another CPU while the handler's CPU could go on is one preemption).
 *
 * Soundness, for the bound: every schedule with at most K preemptions is explored, and every
 * finding reported is reachable (the states are the model's). The reductions that reorder
 * choices (interleavings, interrupts, sleep sets) are off under a bound: they replace a
 * schedule with an equivalent one that can need more preemptions (CHESS makes the same
 * choice, "preemption bounding and partial-order reduction" being a separate problem).
 * user-steps stays: folding a process's user-mode steps into its next kernel step never adds
 * a preemption, since a switch inside the fold could only come back to the same CPU.
 */
/**
 * A model restricted to the schedules with at most a given number of preemptions (CHESS's
 * preemption bounding). Its states are the underlying model's with the last CPU and the
 * budget used; {@link #cut()} says whether the bound removed any choice (if not, the search
 * was exhaustive after all).
 */
public final class PreemptionBound<S> implements Model<PreemptionBound.Bounded<S>> {
    /** A state of the bounded search: the model's state, the CPU that stepped last (-1: none yet), preemptions used. */
    public record Bounded<S>(S state, int last, int used) {}

    private final Model<S> inner;
    private final int bound;
    /** Choices the bound removed, shared by the worker models of one search. */
    private final AtomicLong cut;

    /** A bounded view of inner allowing at most bound preemptions; cut counts the choices it removes. */
    public PreemptionBound(Model<S> inner, int bound, AtomicLong cut) {
        if (bound < 0) {
            throw new IllegalArgumentException("--preemptions must be at least 0, got " + bound);
        }
        this.inner = inner;
        this.bound = bound;
        this.cut = cut;
    }

    public int bound() {
        return bound;
    }

    /** Whether the bound removed a choice so far (false after a whole search: it was exhaustive). */
    public boolean cut() {
        return cut.get() > 0;
    }

    @Override
    public Bounded<S> initial() {
        return new Bounded<>(inner.initial(), -1, 0);
    }

    /**
     * Which of the underlying model's choices in s are kept (indices into them, in their
     * order), and whether the CPU that stepped last could step again (then any other CPU's
     * step is a preemption).
     */
    private record Kept(int[] choices, boolean lastCanStep) {}

    private Kept keep(Bounded<S> s) {
        int n = inner.choices(s.state());
        boolean lastCanStep = false;
        for (int c = 0; c < n && s.last() >= 0 && !lastCanStep; c++) {
            lastCanStep = inner.scheduledCpu(s.state(), c) == s.last();
        }
        int[] out = new int[n];
        int k = 0;
        for (int c = 0; c < n; c++) {
            if (!(s.used() >= bound && preempts(s, c, lastCanStep))) {
                out[k++] = c;
            }
        }
        return new Kept(k == n ? out : java.util.Arrays.copyOf(out, k), lastCanStep);
    }

    private int[] kept(Bounded<S> s) {
        return keep(s).choices();
    }

    /** Whether choice c (of the underlying model) in s is a preemption. */
    private boolean preempts(Bounded<S> s, int c, boolean lastCanStep) {
        int cpu = inner.scheduledCpu(s.state(), c);
        return cpu >= 0 && s.last() >= 0 && cpu != s.last() && lastCanStep;
    }

    /** The explorer asks once per state it expands: the choices the bound removes are counted here. */
    @Override
    public int choices(Bounded<S> s) {
        Kept k = keep(s);
        int removed = inner.choices(s.state()) - k.choices().length;
        if (removed > 0) {
            cut.addAndGet(removed);
        }
        return k.choices().length;
    }

    @Override
    public Bounded<S> successor(Bounded<S> s, int choice) {
        Kept k = keep(s);
        int c = k.choices()[choice];
        S next = inner.successor(s.state(), c);
        int cpu = inner.scheduledCpu(s.state(), c);
        int last = cpu >= 0 ? cpu : inner.eventCpu(s.state(), c) >= 0 ? inner.eventCpu(s.state(), c) : s.last();
        return new Bounded<>(next, last, s.used() + (preempts(s, c, k.lastCanStep()) ? 1 : 0));
    }

    @Override
    public long fingerprint(Bounded<S> s) {
        long h = inner.fingerprint(s.state());
        return dev.spinlab.machine.Fingerprint.mix(h + 0x9e3779b97f4a7c15L * (s.last() + 2)) ^ (s.used() * 0xff51afd7ed558ccdL);
    }

    @Override
    public Finding violation(Bounded<S> s) {
        return inner.violation(s.state());
    }

    @Override
    public List<Finding> reports(Bounded<S> s) {
        return inner.reports(s.state());
    }

    /**
     * The data-race monitor looks at every choice of the state (two steps enabled together
     * race whether or not the bound lets the search take them), so the choices the bound
     * removed are computed here for it.
     */
    @Override
    public List<Finding> stateReports(Bounded<S> s, List<Bounded<S>> successors) {
        int n = inner.choices(s.state());
        int[] kept = kept(s);
        List<S> all = new ArrayList<>(n);
        int k = 0;
        for (int c = 0; c < n; c++) {
            if (k < kept.length && kept[k] == c) {
                all.add(successors.get(k++).state());
            } else {
                all.add(inner.successor(s.state(), c));
            }
        }
        return n > 0 ? inner.stateReports(s.state(), all) : List.of();
    }

    @Override
    public String describe(Bounded<S> s, int choice) {
        return inner.describe(s.state(), kept(s)[choice]);
    }

    @Override
    public TraceStep step(Bounded<S> s, int choice) {
        return inner.step(s.state(), kept(s)[choice]);
    }

    /** A trace records the underlying model's choice, so replay follows it without the bound. */
    @Override
    public int traceChoice(Bounded<S> s, int choice) {
        return inner.traceChoice(s.state(), kept(s)[choice]);
    }

    @Override
    public int scheduledCpu(Bounded<S> s, int choice) {
        return inner.scheduledCpu(s.state(), kept(s)[choice]);
    }

    @Override
    public int eventCpu(Bounded<S> s, int choice) {
        return inner.eventCpu(s.state(), kept(s)[choice]);
    }

    /** A bounded search's findings in the underlying model's states (for the reports). */
    public static <S> List<Explorer.Finding<S>> unwrap(List<Explorer.Finding<Bounded<S>>> findings) {
        List<Explorer.Finding<S>> fs = new ArrayList<>();
        for (Explorer.Finding<Bounded<S>> f : findings) {
            fs.add(new Explorer.Finding<>(f.finding(), f.trace(), f.state().state()));
        }
        return fs;
    }
}
