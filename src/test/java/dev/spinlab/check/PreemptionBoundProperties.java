package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.check.SleepSetProperties.Op;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Preemption bounding (PreemptionBound, BoundedSearch) explores exactly the schedules with at
 * most K preemptions: on random programs of 2-3 threads (SleepSetProperties' reads, writes and
 * skips, no spinning, so every schedule is finite), the final states the bounded search
 * reports are those an independent enumeration of every schedule, counting its preemptions,
 * reaches within K — the search caches states, and a state reached again with budget left
 * must not be cut off by its first visit. With a bound no schedule needs, the bounded search
 * is the exhaustive one and says so (the bound cut nothing).
 */
class PreemptionBoundProperties {
    /** The toy program with its threads as CPUs: choice c schedules the c-th enabled thread. */
    static final class Threads extends SleepSetProperties.Prog {
        Threads(List<List<Op>> threads) {
            super(threads, 3, false, false, false);
        }

        @Override
        public int scheduledCpu(int[] s, int choice) {
            return enabled(s).get(choice);
        }
    }

    @Provide
    Arbitrary<List<List<Op>>> programs() {
        Arbitrary<Op> op = Arbitraries.integers().between(0, 6).flatMap(kind -> Arbitraries.integers().between(0, 1)
                .map(v -> new Op(kind >= 3 && kind < 6, v, kind, kind == 6, false)));
        return op.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(2).ofMaxSize(3);
    }

    /** The final states of the bounded search (breadth-first or depth-first). */
    static Set<String> bounded(List<List<Op>> p, int k, boolean dfs) {
        AtomicLong cut = new AtomicLong();
        Explorer<PreemptionBound.Bounded<int[]>> ex = new Explorer<>(new PreemptionBound<>(new Threads(p), k, cut),
                new Explorer.Bounds(1_000_000, 1000, Long.MAX_VALUE, 1));
        Explorer.Result<PreemptionBound.Bounded<int[]>> r = dfs ? ex.dfs() : ex.bfs();
        Set<String> out = new TreeSet<>();
        r.findings().forEach(f -> out.add(f.finding().message()));
        return out;
    }

    /**
     * Every schedule from s, one by one (no state is cached): a thread's step costs a
     * preemption when the thread that stepped last could have stepped instead.
     */
    static void enumerate(Threads prog, int[] s, int last, int used, int k, Set<String> finals) {
        List<Integer> enabled = prog.enabled(s);
        if (enabled.isEmpty()) {
            finals.add(prog.violation(s).message());
            return;
        }
        for (int c = 0; c < enabled.size(); c++) {
            int t = enabled.get(c);
            int cost = last >= 0 && t != last && enabled.contains(last) ? 1 : 0;
            if (used + cost <= k) {
                enumerate(prog, prog.successor(s, c), t, used + cost, k, finals);
            }
        }
    }

    static Set<String> enumerated(List<List<Op>> p, int k) {
        Threads prog = new Threads(p);
        Set<String> finals = new TreeSet<>();
        enumerate(prog, prog.initial(), -1, 0, k, finals);
        return finals;
    }

    @Property(tries = 400)
    void theBoundedSearchReachesExactlyTheFinalStatesOfSchedulesWithinTheBound(
            @ForAll("programs") List<List<Op>> p, @ForAll @IntRange(min = 0, max = 3) int k) {
        Set<String> expected = enumerated(p, k);
        assertThat(bounded(p, k, false)).isEqualTo(expected);
        assertThat(bounded(p, k, true)).isEqualTo(expected);
    }

    @Property(tries = 150)
    void aBoundNoScheduleNeedsIsTheExhaustiveSearchAndSaysSo(@ForAll("programs") List<List<Op>> p) {
        Explorer.Result<int[]> full = new Explorer<>(new Threads(p),
                new Explorer.Bounds(1_000_000, 1000, Long.MAX_VALUE, 1)).bfs();
        Threads prog = new Threads(p);
        Explorer.Result<int[]> r = BoundedSearch.run(prog, List.of(prog),
                new Explorer.Bounds(1_000_000, 1000, Long.MAX_VALUE, 1), 100, Explorer::bfs);
        assertThat(SleepSetProperties.finals(r)).isEqualTo(SleepSetProperties.finals(full));
        assertThat(r.boundHit()).isNull(); // 100 preemptions: more than any schedule has
        assertThat(r.states()).isGreaterThanOrEqualTo(full.states());
    }

    @Property(tries = 100)
    void aLargerBoundFindsAtLeastWhatASmallerOneFinds(@ForAll("programs") List<List<Op>> p,
                                                       @ForAll @IntRange(min = 0, max = 2) int k) {
        assertThat(bounded(p, k + 1, false)).containsAll(bounded(p, k, false));
    }

    /**
     * Two threads, each writing x then y: with no preemption only the two serial orders
     * (x and y both from the thread that ran last); x from one thread and y from the other
     * needs a thread to run in the middle of the other: one preemption (the switch back is
     * free, the other thread having finished).
     */
    @Example
    void statesThatNeedOnePreemptionAreReachedWithOneAndNotWithNone() {
        List<List<Op>> p = List.of(List.of(SleepSetProperties.w(0, 3), SleepSetProperties.w(1, 3)),
                List.of(SleepSetProperties.w(0, 4), SleepSetProperties.w(1, 4)));
        // "final [pc0, pc1, x, y, z]"
        assertThat(bounded(p, 0, false)).containsExactly("final [2, 2, 3, 3, 0]", "final [2, 2, 4, 4, 0]");
        assertThat(bounded(p, 1, false)).containsExactly("final [2, 2, 3, 3, 0]", "final [2, 2, 3, 4, 0]",
                "final [2, 2, 4, 3, 0]", "final [2, 2, 4, 4, 0]");
    }

    @Example
    void autoStopsAtTheFirstBoundWithAFindingAndSaysWhichBound() {
        List<List<Op>> p = List.of(List.of(SleepSetProperties.w(0, 3)), List.of(SleepSetProperties.w(0, 4)));
        Threads prog = new Threads(p);
        Explorer.Result<int[]> r = BoundedSearch.run(prog, List.of(prog),
                new Explorer.Bounds(1_000, 1000, Long.MAX_VALUE, 1), BoundedSearch.AUTO, Explorer::bfs);
        // a one-op thread finishes at once: no switch away from a thread that could go on, so
        // even the bound 0 cuts nothing and the search is exhaustive
        assertThat(r.verdict()).isEqualTo(Explorer.Verdict.FINDINGS);
        assertThat(r.boundHit()).isNull();
        List<List<Op>> two = List.of(List.of(SleepSetProperties.w(0, 3), SleepSetProperties.w(1, 3)),
                List.of(SleepSetProperties.w(0, 4), SleepSetProperties.w(1, 4)));
        Threads prog2 = new Threads(two);
        Explorer.Result<int[]> r2 = BoundedSearch.run(prog2, List.of(prog2),
                new Explorer.Bounds(1_000, 1000, Long.MAX_VALUE, 1), BoundedSearch.AUTO, Explorer::bfs);
        assertThat(r2.boundHit()).isEqualTo("--preemptions 0");
        assertThat(BoundedSearch.preemptionsOf(r2)).isZero();
    }
}
