package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The explorer's sleep sets (Explorer.bfs with Model.label/independent/priority) lose no
 * reachable state: random programs of 2-3 threads reading and writing 1-3 shared variables are
 * searched with and without sleep sets, in plain and in "stay on the same thread" order, with
 * and without a simple persistent-set pruning. Every final state (reported as a finding) must be
 * found by each search; without pruning, sleep sets alone must visit exactly the same states
 * (they only skip transitions), and never take more transitions.
 */
class SleepSetProperties {
    /**
     * One step of a thread: read a variable into its register, write register + k to one, or
     * (skip) read one and jump over the next op when it is odd, so that paths to one state can
     * differ in length (a state met again in a later level of the breadth-first search), or
     * (await) spin until a variable is odd: a step that changes nothing while it is even, so the
     * state space has cycles.
     */
    record Op(boolean write, int var, int k, boolean skip, boolean await) {}

    /** State: pcs (threads), vars, regs (threads); the last-stepping thread is not state. */
    static class Prog implements Model<int[]> {
        final List<List<Op>> threads;
        final int vars;
        final boolean sleep;
        final boolean sameThreadFirst;
        final boolean persistent;

        Prog(List<List<Op>> threads, int vars, boolean sleep, boolean sameThreadFirst, boolean persistent) {
            this.threads = threads;
            this.vars = vars;
            this.sleep = sleep;
            this.sameThreadFirst = sameThreadFirst;
            this.persistent = persistent;
        }

        int n() {
            return threads.size();
        }

        @Override public int[] initial() {
            return new int[2 * n() + vars + 1];
        }

        List<Integer> enabled(int[] s) {
            List<Integer> e = new ArrayList<>();
            for (int t = 0; t < n(); t++) {
                if (s[t] < threads.get(t).size()) {
                    e.add(t);
                }
            }
            return e;
        }

        @Override public int choices(int[] s) {
            return enabled(s).size();
        }

        @Override public int[] successor(int[] s, int choice) {
            int t = enabled(s).get(choice);
            Op op = threads.get(t).get(s[t]);
            int[] x = s.clone();
            int reg = n() + vars + t;
            if (op.write()) {
                x[n() + op.var()] = s[reg] + op.k();
            } else if (op.await()) {
                x[t] -= (s[n() + op.var()] & 1) == 0 ? 1 : 0;
            } else if (op.skip()) {
                x[t] += Math.min(s[n() + op.var()] & 1, threads.get(t).size() - s[t] - 1);
            } else {
                x[reg] = s[n() + op.var()];
            }
            x[t]++;
            x[x.length - 1] = t; // who moved last: only for priority, kept out of the fingerprint
            return x;
        }

        /** 64 bits (a 32-bit hash collides among this many states and merges two of them). */
        @Override public long fingerprint(int[] s) {
            long h = 17;
            for (int i = 0; i < s.length - 1; i++) {
                h = (h ^ s[i]) * 0x9E3779B97F4A7C15L;
                h ^= h >>> 31;
            }
            return h;
        }

        /** A final state: every thread done or waiting for a variable that stays even. */
        @Override public dev.spinlab.kernel.Finding violation(int[] s) {
            for (int t : enabled(s)) {
                Op op = next(s, t);
                if (!op.await() || (s[n() + op.var()] & 1) != 0) {
                    return null;
                }
            }
            return dev.spinlab.kernel.Finding.of(dev.spinlab.kernel.FindingKind.DEADLOCK,
                    "final " + Arrays.toString(Arrays.copyOf(s, n() + vars)));
        }

        @Override public String describe(int[] s, int choice) {
            return "thread " + enabled(s).get(choice);
        }

        @Override public int label(int[] s, int choice) {
            return sleep ? enabled(s).get(choice) : -1;
        }

        Op next(int[] s, int t) {
            return threads.get(t).get(s[t]);
        }

        /** Reads and writes as footprints: an await or skip reads its variable. */
        boolean conflict(Op a, Op b) {
            return a.var() == b.var() && (a.write() || b.write());
        }

        @Override public boolean independent(int[] s, List<int[]> successors, int a, int b) {
            List<Integer> e = enabled(s);
            return sleep && !conflict(next(s, e.get(a)), next(s, e.get(b)));
        }

        @Override public int priority(int[] s, int choice) {
            return sameThreadFirst && enabled(s).get(choice) == s[s.length - 1] ? 0 : 1;
        }

        /** Persistent set {t}: t's next op conflicts with nothing any other thread has left to do. */
        @Override public boolean[] prune(int[] s, List<int[]> successors) {
            if (!persistent) {
                return null;
            }
            List<Integer> e = enabled(s);
            for (int i = 0; i < e.size(); i++) {
                Op mine = next(s, e.get(i));
                boolean ok = true;
                for (int u : e) {
                    for (int pc = s[u]; u != e.get(i) && pc < threads.get(u).size() && ok; pc++) {
                        ok = !conflict(mine, threads.get(u).get(pc));
                    }
                }
                if (ok) {
                    boolean[] pruned = new boolean[e.size()];
                    Arrays.fill(pruned, true);
                    pruned[i] = false;
                    return pruned;
                }
            }
            return null;
        }
    }

    @Provide
    Arbitrary<List<List<Op>>> programs() {
        Arbitrary<Op> op = Arbitraries.integers().between(0, 7).flatMap(kind -> Arbitraries.integers().between(0, 1)
                .map(v -> new Op(kind >= 3 && kind < 6, v, kind, kind == 6, kind == 7)));
        return op.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(3).ofMaxSize(4);
    }

    static Explorer.Result<int[]> search(List<List<Op>> p, boolean sleep, boolean order, boolean persistent) {
        return new Explorer<>(new Prog(p, 3, sleep, order, persistent),
                new Explorer.Bounds(1_000_000, 1000, Long.MAX_VALUE, 1)).bfs();
    }

    static Set<String> finals(Explorer.Result<int[]> r) {
        Set<String> out = new TreeSet<>();
        r.findings().forEach(f -> out.add(f.finding().message()));
        return out;
    }

    @Property(tries = 300)
    void sleepSetsAloneVisitEveryStateWithFewerTransitions(@ForAll("programs") List<List<Op>> p) {
        Explorer.Result<int[]> full = search(p, false, false, false);
        for (boolean order : new boolean[] {false, true}) {
            Explorer.Result<int[]> sleepy = search(p, true, order, false);
            assertThat(sleepy.states()).isEqualTo(full.states());
            assertThat(sleepy.transitions()).isLessThanOrEqualTo(full.transitions());
            assertThat(finals(sleepy)).isEqualTo(finals(full));
        }
    }

    static Op w(int var, int k) {
        return new Op(true, var, k, false, false);
    }

    static Op r(int var) {
        return new Op(false, var, 0, false, false);
    }

    static Op await(int var) {
        return new Op(false, var, 7, false, true);
    }

    /**
     * Found by the property before the cycle proviso looked at asleep choices: thread 0 spins
     * forever, the persistent set is {thread 0} and thread 0 is asleep after thread 1's step, so
     * nothing was explored there and thread 2's read after thread 1's was never taken.
     */
    @Example
    void theCycleProvisoSeesAnAsleepChoiceThatClosesACycle() {
        persistentAndSleepSetsKeepEveryFinalState(List.of(List.of(await(0)), List.of(r(0)), List.of(r(0))));
    }

    @Property(tries = 300)
    void persistentAndSleepSetsKeepEveryFinalState(@ForAll("programs") List<List<Op>> p) {
        Set<String> expected = finals(search(p, false, false, false));
        for (boolean order : new boolean[] {false, true}) {
            Explorer.Result<int[]> reduced = search(p, true, order, true);
            assertThat(finals(reduced)).isEqualTo(expected);
        }
        assertThat(finals(search(p, false, false, true))).isEqualTo(expected);
    }
}
