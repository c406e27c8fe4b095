package dev.spinlab.check;

import dev.spinlab.lockdep.Lockdep;
import java.util.List;
import java.util.function.Function;

/**
 * A search with the private-data reduction (PrivateData): runs the search with the words found
 * shared so far visible and the rest hidden; a run that reveals a word it was hiding runs on a
 * while (PrivateData) and the search starts again with every word it revealed visible, until
 * a run reveals nothing (its answer is exact) or {@link PrivateData#MAX_RUNS} runs have been made,
 * or a call with undeclared effects was met — then the search runs once more without the
 * reduction. Before each new run the lockdep graph is put back as it was at the start, so the
 * answer carries the reports the abandoned runs made.
 */
public final class PrivateSearch {
    /**
     * The answer and how it was reached: runs made, states visited by all of them, the last
     * run's monitor (null when the reduction was dropped) and why it was dropped.
     */
    public record Outcome(Explorer.Result<KState> result, int runs, long statesInAllRuns, PrivateData data,
                          String droppedBecause) {
        /** One line for the text report: what the answer cost beyond its own run. */
        public String summary() {
            if (droppedBecause != null) {
                return "private-data: dropped (" + droppedBecause + "); the search ran without it";
            }
            return "private-data: " + data.revealedCount() + " shared words visible; the answer is run " + runs
                    + (runs == 1 ? "" : " (" + (runs - 1) + " restart" + (runs == 2 ? "" : "s") + ", "
                    + statesInAllRuns + " states in all runs)");
        }
    }

    private PrivateSearch() {}

    /** Random walks that seed the first run (each restart costs a run's first levels again). */
    static final int MAX_WALKS = 64;
    /** Walks in a row that found no new shared word, after which walking stops. */
    static final int QUIET_WALKS = 8;
    /** States a run that revealed a word explores at least beyond twice its states then. */
    static final long RUN_ON_STATES = 256;
    /** States of the depth-first probe after the walks. */
    static final long PROBE_STATES = 20_000;
    /** Steps of one walk at most. */
    static final int WALK_STEPS = 20_000;

    /**
     * The first run's monitor: what random walks and a short depth-first probe of the
     * unreduced steps (every access visible, so every interleaving point can be chosen) found
     * shared. A word they miss is revealed by a restart as before; they only save restarts,
     * the answer does not depend on them. The walks' random choices are seeded and the probe is
     * single-threaded, so the search stays deterministic.
     */
    static PrivateData seed(KernelModel main) {
        PrivateData rec = PrivateData.recorder();
        main.usePrivateData(rec);
        java.util.Random random = new java.util.Random(0x5EED);
        int quiet = 0;
        for (int walk = 0; walk < MAX_WALKS && quiet < QUIET_WALKS; walk++) {
            int before = rec.newlyRevealedCount();
            KState s = main.initial();
            for (int step = 0; step < WALK_STEPS; step++) {
                int n = main.choices(s);
                if (n == 0) {
                    break;
                }
                s = main.successor(s, random.nextInt(n));
            }
            quiet = rec.newlyRevealedCount() > before ? 0 : quiet + 1;
        }
        // then a short depth-first probe: it goes deep at once and varies the interleavings near
        // the bottom, where walks that all end in the same deadlock do not go
        new Explorer<>(main, new Explorer.Bounds(PROBE_STATES, 100_000, Long.MAX_VALUE, 1)).dfs();
        main.usePrivateData(null);
        return rec.next();
    }

    public static Outcome run(KernelModel main, List<KernelModel> workers, Explorer.Bounds bounds,
                              Function<Explorer<KState>, Explorer.Result<KState>> search) {
        Lockdep lockdep = main.kernel().lockdep();
        Lockdep.Mark start = lockdep == null ? null : lockdep.mark();
        PrivateData data = seed(main);
        if (start != null) {
            lockdep.restore(start); // the walks' lockdep reports are made again by the search
        }
        String dropped = null;
        int runs = 0;
        long nanos = 0;
        long states = 0;
        while (true) {
            runs++;
            PrivateData current = dropped == null ? data : null;
            for (KernelModel m : workers) {
                m.usePrivateData(current);
            }
            if (!workers.contains(main)) {
                main.usePrivateData(current);
            }
            Explorer<KState> ex = new Explorer<>(main, workers, bounds);
            if (current != null) {
                long[] firstReveal = {-1};
                ex.stopWhen(p -> {
                    if (!current.needsRestart()) {
                        return false;
                    }
                    if (firstReveal[0] < 0) {
                        firstReveal[0] = p.states();
                    }
                    // run on a while: more of what the next run would reveal is found at once
                    return p.states() >= 2 * firstReveal[0] + RUN_ON_STATES;
                });
            }
            Explorer.Result<KState> r = search.apply(ex);
            nanos += r.nanos();
            states += r.states();
            if (current == null || !current.needsRestart()) {
                Explorer.Result<KState> total = new Explorer.Result<>(r.verdict(), r.states(), r.transitions(),
                        r.depth(), r.findings(), r.boundHit(), nanos);
                return new Outcome(total, runs, states, current, dropped);
            }
            if (!current.unknownCalls().isEmpty()) {
                dropped = "a call with undeclared effects (" + current.unknownCalls().get(0) + ")";
            } else if (runs >= PrivateData.MAX_RUNS) {
                dropped = PrivateData.MAX_RUNS + " runs revealed new shared words each";
            } else {
                data = current.next();
            }
            if (start != null) {
                lockdep.restore(start);
            }
        }
    }
}
