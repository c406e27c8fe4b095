package dev.spinlab.bench;

import dev.spinlab.check.FingerprintSet;
import dev.spinlab.check.KState;
import dev.spinlab.check.KernelModel;
import dev.spinlab.check.Reductions;
import dev.spinlab.kernel.Kernel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Memory per state of check's breadth-first search (issue 15, item 5), measured rather than
 * estimated: a frontier of real states of a scenario (the first levels of an unreduced
 * breadth-first expansion, distinct by fingerprint) is built and held, and the heap in use
 * after a full collection is compared with and without it; the stored (visited) side is the
 * explorer's own layout: its fingerprint table's bytes per allowed state, plus a parent link
 * (two ints) per explored state.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.spinlab.bench.StateMemory [SCENARIO] [STATES]
 * </pre>
 * SCENARIO as CheckBench's (hello-2cpu, abba-4cpu, prerouting-2cpu, ...; default hello-2cpu),
 * STATES the frontier's size (default 20,000). Run from the repository's root (the examples).
 */
public final class StateMemory {
    private StateMemory() {}

    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "hello-2cpu";
        int want = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Kernel k = CheckScenario.boot(scenario);
        KernelModel model = new KernelModel(k, k.state(), Reductions.ALL);
        long before = usedAfterGc();
        List<KState> frontier = frontier(model, want);
        long after = usedAfterGc();
        double perFrontier = (after - before) / (double) frontier.size();
        long maxStates = 5_000_000L;
        double perStored = FingerprintSet.bytesFor(maxStates) / (double) maxStates + 2 * Integer.BYTES;
        System.out.printf("%s: %d frontier states hold %.1f MiB: %.0f bytes per frontier state%n",
                scenario, frontier.size(), (after - before) / 1048576.0, perFrontier);
        System.out.printf("stored (visited) state: %.1f bytes (fingerprint table sized for %,d states, parent link)%n",
                perStored, maxStates);
        // keep the frontier reachable until it has been measured
        if (frontier.isEmpty()) {
            throw new IllegalStateException("no states");
        }
    }

    /** Distinct states, level by level from the initial one, until want of them are held. */
    static List<KState> frontier(KernelModel model, int want) {
        Set<Long> seen = new HashSet<>();
        List<KState> level = new ArrayList<>(List.of(model.initial()));
        seen.add(model.fingerprint(level.get(0)));
        List<KState> held = new ArrayList<>(level);
        while (held.size() < want && !level.isEmpty()) {
            List<KState> next = new ArrayList<>();
            for (KState s : level) {
                for (int c = 0; c < model.choices(s) && held.size() + next.size() < want; c++) {
                    KState t = model.successor(s, c);
                    if (seen.add(model.fingerprint(t))) {
                        next.add(t);
                    }
                }
            }
            held.addAll(next);
            level = next;
        }
        return held;
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
