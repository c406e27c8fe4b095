package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExplorerTest {
    /** A toy model's finding. */
    static Finding v(String message) {
        return Finding.of(FindingKind.DEADLOCK, message);
    }

    /**
     * Two threads each do {@code tmp = x; x = tmp + 1} (two steps), optionally under a lock
     * (acquire and release are two more steps). A state is {x, pc0, pc1, tmp0, tmp1, lock}.
     */
    static class Counter implements Model<int[]> {
        final boolean locked;

        Counter(boolean locked) {
            this.locked = locked;
        }

        int last() {
            return locked ? 4 : 2;
        }

        @Override public int[] initial() { return new int[] {0, 0, 0, 0, 0, -1}; }

        boolean enabled(int[] s, int t) {
            int pc = s[1 + t];
            if (pc >= last()) {
                return false;
            }
            return !(locked && pc == 0 && s[5] != -1);
        }

        @Override public int choices(int[] s) {
            int n = 0;
            for (int t = 0; t < 2; t++) {
                n += enabled(s, t) ? 1 : 0;
            }
            return n;
        }

        int thread(int[] s, int choice) {
            for (int t = 0; t < 2; t++) {
                if (enabled(s, t) && choice-- == 0) {
                    return t;
                }
            }
            throw new IllegalArgumentException();
        }

        @Override public int[] successor(int[] s, int choice) {
            int t = thread(s, choice);
            int[] n = s.clone();
            int op = locked ? n[1 + t] : n[1 + t] + 1;
            switch (op) {
                case 0: n[5] = t; break;
                case 1: n[3 + t] = n[0]; break;
                case 2: n[0] = n[3 + t] + 1; break;
                case 3: n[5] = -1; break;
                default: throw new IllegalStateException();
            }
            n[1 + t]++;
            return n;
        }

        @Override public long fingerprint(int[] s) { return Arrays.hashCode(s) * 0x9E3779B97F4A7C15L; }

        @Override public Finding violation(int[] s) {
            return s[1] == last() && s[2] == last() && s[0] != 2 ? v("lost update: x == " + s[0]) : null;
        }

        @Override public String describe(int[] s, int choice) { return "thread " + thread(s, choice); }
    }

    /**
     * A ring 0 -> 1 -> 2 -> 0 whose every state can also leave for a sink (10 + state), a choice
     * the model prunes: only the cycle proviso explores it, where the ring closes (state 2).
     * Sink 12 violates. With unstable, making a sink a second time gives another state.
     */
    static final class RingWithExits implements Model<int[]> {
        final boolean unstable;
        int made;

        RingWithExits(boolean unstable) {
            this.unstable = unstable;
        }

        @Override public int[] initial() { return new int[] {0}; }

        @Override public int choices(int[] s) { return s[0] < 10 ? 2 : 0; }

        @Override public int[] successor(int[] s, int choice) {
            if (choice == 0) {
                return new int[] {(s[0] + 1) % 3};
            }
            made++;
            return new int[] {10 + s[0] + (unstable && made > 3 ? 100 : 0)};
        }

        @Override public boolean[] prune(int[] s, java.util.List<int[]> successors) {
            return new boolean[] {false, true};
        }

        @Override public long fingerprint(int[] s) { return s[0] * 0x9E3779B97F4A7C15L + 1; }

        @Override public Finding violation(int[] s) { return s[0] == 12 ? v("sink 12") : null; }

        @Override public String describe(int[] s, int choice) { return choice == 0 ? "around" : "out"; }
    }

    @Test
    void aPrunedSuccessorExploredByTheProvisoIsMadeAgainFromItsParent() {
        // the explorer keeps no pruned successor's state; the proviso's exploration makes it again
        Explorer.Result<int[]> r = new Explorer<>(new RingWithExits(false),
                new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
        assertThat(r.findings()).extracting(f -> f.finding().message()).containsExactly("sink 12");
        assertThat(r.findings().get(0).trace()).hasSize(3);
        assertThat(r.findings().get(0).state()[0]).isEqualTo(12);
    }

    @Test
    void aSuccessorThatComesOutDifferentWhenMadeAgainIsAnInternalError() {
        Explorer<int[]> ex = new Explorer<>(new RingWithExits(true), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(ex::bfs).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made a different state again");
    }

    @Test
    void findsTheLostUpdateWithAShortestTraceAndTheLockedVersionVerifies() {
        Explorer.Result<int[]> r = new Explorer<>(new Counter(false), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
        assertThat(r.verdict()).isEqualTo(Explorer.Verdict.FINDINGS);
        assertThat(r.findings()).hasSize(1);
        Explorer.Finding<int[]> f = r.findings().get(0);
        assertThat(f.finding().message()).isEqualTo("lost update: x == 1");
        assertThat(f.trace()).hasSize(4);
        int[] s = new Counter(false).initial();
        for (Explorer.Step step : f.trace()) {
            s = new Counter(false).successor(s, step.choice());
        }
        assertThat(s).isEqualTo(f.state());

        Explorer.Result<int[]> ok = new Explorer<>(new Counter(true), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
        assertThat(ok.verdict()).isEqualTo(Explorer.Verdict.OK);
        assertThat(ok.states()).isGreaterThan(10);
    }

    @Test
    void stoppingAtTheFirstViolationKeepsItsShortestTraceAndSaysSo() {
        Explorer.Bounds bounds = new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1);
        Explorer.Result<int[]> all = new Explorer<>(new Counter(false), bounds).bfs();
        for (int threads : new int[] {1, 4}) {
            Explorer.Bounds b = new Explorer.Bounds(1000, 100, Long.MAX_VALUE, threads);
            Explorer.Result<int[]> first = new Explorer<>(new Counter(false), b).stopAtFirst(true).bfs();
            assertThat(first.verdict()).isEqualTo(Explorer.Verdict.FINDINGS);
            assertThat(first.boundHit()).isEqualTo(Explorer.FIRST);
            assertThat(first.findings()).extracting(f -> f.finding().message()).containsExactly("lost update: x == 1");
            assertThat(first.findings().get(0).trace()).isEqualTo(all.findings().get(0).trace());
            // breadth-first, the level the violation is found in is completed (here the last)
            assertThat(first.states()).isEqualTo(all.states());
        }
        Explorer.Result<int[]> dfs = new Explorer<>(new Counter(false), bounds).stopAtFirst(true).dfs();
        assertThat(dfs.boundHit()).isEqualTo(Explorer.FIRST);
        assertThat(dfs.states()).isLessThan(new Explorer<>(new Counter(false), bounds).dfs().states());
        Explorer.Result<int[]> safe = new Explorer<>(new Counter(true), bounds).stopAtFirst(true).bfs();
        assertThat(safe.verdict()).isEqualTo(Explorer.Verdict.OK);
        assertThat(safe.boundHit()).isNull();
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        Explorer.Result<int[]> one = new Explorer<>(new Counter(false), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
        Explorer.Result<int[]> four = new Explorer<>(new Counter(false), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 4)).bfs();
        assertThat(four.states()).isEqualTo(one.states());
        assertThat(four.transitions()).isEqualTo(one.transitions());
        assertThat(four.findings().get(0).trace()).isEqualTo(one.findings().get(0).trace());
    }

    @Test
    void depthFirstVisitsTheSameStatesAndFindsTheSameViolations() {
        for (boolean safe : new boolean[] {false, true}) {
            Explorer.Result<int[]> b = new Explorer<>(new Counter(safe), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
            Explorer.Result<int[]> d = new Explorer<>(new Counter(safe), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).dfs();
            assertThat(d.verdict()).isEqualTo(b.verdict());
            assertThat(d.states()).isEqualTo(b.states());
            assertThat(d.findings()).extracting(Explorer.Finding::message)
                    .containsExactlyInAnyOrderElementsOf(b.findings().stream().map(Explorer.Finding::message).toList());
            // a depth-first trace is a real path to the finding, if not a shortest one
            for (Explorer.Finding<int[]> f : d.findings()) {
                Counter m = new Counter(safe);
                int[] s = m.initial();
                for (Explorer.Step st : f.trace()) {
                    s = m.successor(s, st.choice());
                }
                assertThat(m.violation(s).message()).isEqualTo(f.finding().message());
                assertThat(f.trace().size()).isGreaterThanOrEqualTo(
                        b.findings().stream().filter(x -> x.message().equals(f.message())).findFirst().orElseThrow().trace().size());
            }
        }
    }

    @Test
    void progressIsHeardLevelByLevelAndEndsAtTheResult() {
        java.util.List<Explorer.Progress> heard = new java.util.ArrayList<>();
        Explorer.Result<int[]> r = new Explorer<>(new Counter(true), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1))
                .onProgress(heard::add).bfs();
        assertThat(heard).isNotEmpty();
        assertThat(heard).extracting(Explorer.Progress::depth).isSorted().doesNotHaveDuplicates();
        assertThat(heard).extracting(Explorer.Progress::states).isSorted();
        Explorer.Progress end = heard.get(heard.size() - 1);
        assertThat(end.states()).isEqualTo(r.states());
        assertThat(end.transitions()).isEqualTo(r.transitions());
    }

    @Test
    void aBoundIsReportedNotExceeded() {
        Explorer.Result<int[]> r = new Explorer<>(new Counter(true), new Explorer.Bounds(5, 100, Long.MAX_VALUE, 1)).bfs();
        assertThat(r.verdict()).isEqualTo(Explorer.Verdict.BOUND);
        assertThat(r.boundHit()).isEqualTo("--max-states 5");
        assertThat(r.states()).isLessThanOrEqualTo(5);
        Explorer.Result<int[]> d = new Explorer<>(new Counter(true), new Explorer.Bounds(1000, 3, Long.MAX_VALUE, 1)).bfs();
        assertThat(d.verdict()).isEqualTo(Explorer.Verdict.BOUND);
        assertThat(d.boundHit()).isEqualTo("--max-depth 3");
    }

    /** A violating state early in a level must not shift the parent links of the states after it. */
    @Test
    void tracesStayRightWhenAViolatingStateIsNotExpanded() {
        Model<int[]> m = new Model<>() {
            // a counter pair (a, b): choice 0 bumps a, choice 1 bumps b; a == 1 && b == 0 violates
            @Override public int[] initial() { return new int[] {0, 0}; }
            @Override public int choices(int[] s) { return s[0] + s[1] < 4 ? 2 : 0; }
            @Override public int[] successor(int[] s, int c) { int[] n = s.clone(); n[c]++; return n; }
            @Override public long fingerprint(int[] s) { return s[0] * 31L + s[1] + 1; }
            @Override public Finding violation(int[] s) { return s[0] == 1 && s[1] == 0 ? v("a first") : null; }
            @Override public java.util.List<Finding> reports(int[] s) {
                return s[0] == 0 && s[1] == 3 ? java.util.List.of(v("b thrice")) : java.util.List.of();
            }
            @Override public String describe(int[] s, int c) { return c == 0 ? "a" : "b"; }
        };
        Explorer.Result<int[]> r = new Explorer<>(m, new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
        assertThat(r.findings()).extracting(f -> f.finding().message()).containsExactly("a first", "b thrice");
        assertThat(r.findings().get(1).trace()).extracting(Explorer.Step::description).containsExactly("b", "b", "b");
        assertThat(r.findings().get(1).state()).containsExactly(0, 3);
    }

    // ------------------------------------------------------------------ pass-through

    /** Counter, passed through where it leaves one choice (one thread finished). */
    static final class PassingCounter extends Counter {
        PassingCounter(boolean locked) {
            super(locked);
        }

        @Override public boolean passesThrough() { return true; }
    }

    @Test
    void passingThroughVisitsTheSameStatesInFewerLevelsAndItsTracesReplay() {
        Explorer.Bounds bounds = new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1);
        for (boolean locked : new boolean[] {false, true}) {
            Explorer.Result<int[]> stored = new Explorer<>(new Counter(locked), bounds).bfs();
            Explorer.Result<int[]> passed = new Explorer<>(new PassingCounter(locked), bounds).bfs();
            assertThat(passed.verdict()).isEqualTo(stored.verdict());
            assertThat(passed.states()).isEqualTo(stored.states());
            assertThat(passed.depth()).isLessThan(stored.depth());
            assertThat(passed.findings()).extracting(Explorer.Finding::message)
                    .containsExactlyElementsOf(stored.findings().stream().map(Explorer.Finding::message).toList());
            for (Explorer.Finding<int[]> f : passed.findings()) {
                // the trace lists every step, those passed through included
                Counter m = new Counter(locked);
                int[] s = m.initial();
                for (Explorer.Step st : f.trace()) {
                    s = m.successor(s, st.choice());
                }
                assertThat(s).isEqualTo(f.state());
                assertThat(m.violation(s).message()).isEqualTo(f.finding().message());
            }
        }
    }

    @Test
    void passingThroughGivesTheSameResultWithAnyNumberOfThreads() {
        Explorer.Result<int[]> one = new Explorer<>(new PassingCounter(false), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
        Explorer.Result<int[]> four = new Explorer<>(new PassingCounter(false), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 4)).bfs();
        assertThat(four.states()).isEqualTo(one.states());
        assertThat(four.transitions()).isEqualTo(one.transitions());
        assertThat(four.depth()).isEqualTo(one.depth());
        assertThat(four.findings().get(0).trace()).isEqualTo(one.findings().get(0).trace());
    }

    /**
     * A line 0 -> 1 -> 2 -> 3 of one choice each; 3 has two choices (to 4 and 5), and the
     * transition 3 -> 5 reports, only the first time it is made (as lockdep reports a problem
     * once a search). The pass from 1 computes 3's successors to learn that it stops there.
     */
    static final class ReportsOnce implements Model<int[]> {
        int reported;

        @Override public int[] initial() { return new int[] {0}; }
        @Override public int choices(int[] s) { return s[0] < 3 ? 1 : s[0] == 3 ? 2 : 0; }
        @Override public int[] successor(int[] s, int c) {
            if (s[0] == 3 && c == 1) {
                reported++;
                return new int[] {5, reported == 1 ? 1 : 0};
            }
            return new int[] {s[0] == 3 ? 4 : s[0] + 1};
        }
        @Override public long fingerprint(int[] s) { return s[0] * 0x9E3779B97F4A7C15L + 1; }
        @Override public Finding violation(int[] s) { return null; }
        @Override public java.util.List<Finding> reports(int[] s) {
            return s.length > 1 && s[1] == 1 ? java.util.List.of(v("made once")) : java.util.List.of();
        }
        @Override public String describe(int[] s, int c) { return s[0] + "->" + successor(s.clone(), c)[0]; }
        @Override public boolean passesThrough() { return true; }
    }

    @Test
    void aReportMadeWhileAPassLooksAheadIsKeptWithItsWholeTrace() {
        ReportsOnce m = new ReportsOnce();
        Explorer.Result<int[]> r = new Explorer<>(m, new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
        assertThat(r.states()).isEqualTo(6);
        assertThat(r.findings()).extracting(f -> f.finding().message()).containsExactly("made once");
        Explorer.Finding<int[]> f = r.findings().get(0);
        assertThat(f.trace()).extracting(Explorer.Step::choice).containsExactly(0, 0, 0, 1);
        assertThat(f.state()[0]).isEqualTo(5);
    }

    /**
     * The ignoring problem: thread A goes round a ring 0 -> 1 -> 2 -> 0 for ever, thread B has
     * one step (flag = 1) that commutes with every step of A, so the model prunes it wherever A
     * can step. A state {a, flag} with a == 2 and flag == 1 violates. A is passed through round
     * the ring; the proviso must still explore B's step somewhere on the cycle.
     */
    static final class RingAndFlag implements Model<int[]> {
        @Override public int[] initial() { return new int[] {0, 0}; }
        @Override public int choices(int[] s) { return s[1] == 0 ? 2 : 1; }
        @Override public int[] successor(int[] s, int c) {
            return c == 0 ? new int[] {(s[0] + 1) % 3, s[1]} : new int[] {s[0], 1};
        }
        @Override public boolean[] prune(int[] s, java.util.List<int[]> successors) {
            return successors.size() == 2 ? new boolean[] {false, true} : null;
        }
        @Override public long fingerprint(int[] s) { return (s[0] * 2L + s[1]) * 0x9E3779B97F4A7C15L + 1; }
        @Override public Finding violation(int[] s) { return s[0] == 2 && s[1] == 1 ? v("A at 2 with the flag") : null; }
        @Override public String describe(int[] s, int c) { return c == 0 ? "A" : "B"; }
        @Override public boolean passesThrough() { return true; }
    }

    @Test
    void aPrunedStepIgnoredRoundACyclePassedThroughIsExploredByTheProviso() {
        Explorer.Result<int[]> r = new Explorer<>(new RingAndFlag(), new Explorer.Bounds(1000, 100, Long.MAX_VALUE, 1)).bfs();
        assertThat(r.findings()).extracting(f -> f.finding().message()).containsExactly("A at 2 with the flag");
        int[] s = new RingAndFlag().initial();
        for (Explorer.Step st : r.findings().get(0).trace()) {
            s = new RingAndFlag().successor(s, st.choice());
        }
        assertThat(s).containsExactly(2, 1);
    }
}
