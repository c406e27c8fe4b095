package dev.spinlab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * check's bug-finding mode (--preemptions K|auto): a search of the schedules with at most K
 * preemptions (PreemptionBound), or, with auto, K = 0, 1, 2, ... as CHESS's iterative context
 * bounding does, until a search finds something, hits another bound, or was not cut by the
 * preemption bound at all (then it explored every schedule and its verdict is exhaustive).
 * auto deepens past rounds whose findings are all reports the system carries on after (a
 * lockdep report, a BUG, a data race: the deeper round finds them again) and stops at the
 * first round with a deadlock or an oops.
 * A clean bounded search is a {@link Explorer.Verdict#BOUND} whose bound names the preemptions:
 * "no deadlock or BUG within K preemptions", never a proof.
 */
public final class BoundedSearch {
    /** --preemptions auto. */
    public static final int AUTO = -1;
    /** Bound of the iterative deepening's last round (each round is bounded by --max-states too). */
    static final int MAX_AUTO = 64;

    private BoundedSearch() {}

    /** The option's value: null (not given), {@link #AUTO}, or a bound of 0 or more. */
    public static Integer parseBound(String spec) {
        if (spec == null) {
            return null;
        }
        if (spec.trim().equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            int k = Integer.parseInt(spec.trim());
            if (k >= 0) {
                return k;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("--preemptions " + spec
                + ": expected a number of preemptions (0 or more) or auto");
    }

    /**
     * The reductions a bounded search runs with: user-steps, read-only and cpu-local as asked (they only
     * merge steps no other CPU can observe) and spin-waits (it drops stutter wake-ups, so a
     * schedule needs no more preemptions than before) and exclusive-pairs (a preemption between an
     * ldrex and its strex only fails the strex: the same schedule preempted before the ldrex), the others off (they replace a schedule by an
     * equivalent one that may need more preemptions). Asking for one
     * of them explicitly with --preemptions is an error rather than silently ignored.
     */
    public static Reductions reductions(Reductions asked, boolean explicit) {
        if (explicit && (asked.interrupts() || asked.interleavings() || asked.sleepSets() || asked.passThrough()
                || asked.privateData())) {
            throw new IllegalArgumentException("--preemptions explores with the user-steps, read-only, cpu-local, spin-waits and exclusive-pairs reductions only (interrupts,"
                    + " interleavings and sleep-sets replace a schedule by an equivalent one that may need more"
                    + " preemptions, pass-through rests on them; private-data moves the preemption points): use --reductions user-steps,read-only,cpu-local,spin-waits,exclusive-pairs or none, or leave --reductions out");
        }
        return new Reductions(asked.userSteps(), false, false, false, asked.readOnly(), asked.cpuLocal(), asked.spinWaits(),
                asked.exclusivePairs(), false, false);
    }

    /**
     * Whether a round found what auto deepens for: a state the system cannot go on from (a
     * deadlock, an oops). Reports the system carries on after (lockdep, a BUG, a data race)
     * are collected on the way, and the next round finds them again.
     */
    private static boolean endsAPath(Explorer.Result<?> r) {
        return r.findings().stream().anyMatch(f -> f.finding().kind() == dev.spinlab.kernel.FindingKind.DEADLOCK
                || f.finding().kind() == dev.spinlab.kernel.FindingKind.FAULT);
    }

    /** The text of the bound a clean bounded search reached. */
    static String bound(int k) {
        return "--preemptions " + k;
    }

    /** The preemption bound a result's bound names, or -1 (another bound, or none). */
    public static int preemptionsOf(Explorer.Result<?> r) {
        String b = r.boundHit();
        if (b == null || !b.startsWith("--preemptions ")) {
            return -1;
        }
        return Integer.parseInt(b.substring("--preemptions ".length()).split("[^0-9]", 2)[0]);
    }

    /**
     * Runs the bounded search (bound ≥ 0) or the iterative deepening (AUTO), each round with
     * fresh bounded views of the model and of the workers' models, through search (breadth-
     * or depth-first as asked). The result is in the model's own states.
     */
    public static <S> Explorer.Result<S> run(Model<S> model, List<? extends Model<S>> workers, Explorer.Bounds bounds,
                                             int bound, Function<Explorer<PreemptionBound.Bounded<S>>,
                                             Explorer.Result<PreemptionBound.Bounded<S>>> search) {
        int from = bound == AUTO ? 0 : bound;
        int to = bound == AUTO ? MAX_AUTO : bound;
        long nanos = 0;
        long transitions = 0;
        Explorer.Result<S> last = null;
        java.util.Map<String, Explorer.Finding<S>> found = new java.util.LinkedHashMap<>();
        for (int k = from; k <= to; k++) {
            AtomicLong cut = new AtomicLong();
            PreemptionBound<S> main = new PreemptionBound<>(model, k, cut);
            List<Model<PreemptionBound.Bounded<S>>> views = new ArrayList<>();
            for (Model<S> w : workers) {
                views.add(w == model ? main : new PreemptionBound<>(w, k, cut));
            }
            Explorer.Result<PreemptionBound.Bounded<S>> r = search.apply(new Explorer<>(main, views, bounds));
            nanos += r.nanos();
            transitions += r.transitions();
            boolean wasCut = cut.get() > 0;
            String boundHit = r.boundHit() != null ? r.boundHit() : wasCut ? bound(k) : null;
            if (r.verdict() == Explorer.Verdict.BOUND && r.boundHit() != null && k > from) {
                boundHit = r.boundHit() + " with --preemptions " + k + "; none within " + (k - 1);
            }
            // what earlier rounds found stays found: a report the model makes once per search
            // (lockdep's, whose graph the rounds share) is not made again in a deeper round
            for (Explorer.Finding<S> f : PreemptionBound.unwrap(r.findings())) {
                found.putIfAbsent(f.finding().key(), f);
            }
            Explorer.Verdict v = !found.isEmpty() ? Explorer.Verdict.FINDINGS
                    : r.verdict() == Explorer.Verdict.OK && wasCut ? Explorer.Verdict.BOUND : r.verdict();
            last = new Explorer.Result<>(v, r.states(), transitions, r.depth(), new ArrayList<>(found.values()),
                    boundHit, nanos);
            boolean done = bound != AUTO || !wasCut || r.boundHit() != null || endsAPath(r);
            if (done) {
                return last; // the asked bound, a proof (the bound cut nothing), another bound, a deadlock
            }
        }
        return last;
    }
}
