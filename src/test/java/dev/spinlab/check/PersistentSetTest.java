package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The interleavings reduction's sets are persistent by the definition itself, not only by the
 * local futures it decides with: from a state where it keeps the choices of some CPUs, every
 * run that takes none of them — the other CPUs stepping together, their events arriving, not
 * one CPU at a time as a local future is searched — makes only transitions that commute with
 * every kept choice (random runs to their end: the conflicts that matter, on the shared lock,
 * come hundreds of steps later). Checked along paths of three programs on three CPUs: writers
 * sharing a lock with an interrupt handler, where sets of two CPUs are kept while no single
 * CPU's set is persistent (two CPUs' futures both take the lock); the ticket lock's queue; and
 * a relay whose two left-out CPUs together write what the kept one reads.
 */
class PersistentSetTest {
    /** Random runs that avoid the kept choices, from each checked state, and their length at most. */
    private static final int WALKS = 3;
    private static final int WALK_STEPS = 2_000;

    @Test
    void everyKeptSetCommutesWithEveryRunThatAvoidsIt() {
        int[] sets = check(threeWritersOnThreeCpus(), 3, false);
        assertThat(sets[2]).as("sets of two CPUs").isPositive();
    }

    /**
     * The ticket-fifo scenario: three CPUs meet at one lock in a fixed order, two of them
     * polling for what the others do (the holder until both have queued behind it, the second
     * caller until the first has its ticket). Since exclusive-pairs (a ticket taken in one
     * step) the sets kept along these paths are of one CPU (465 of them): the test checks those
     * against the runs of the two CPUs left out; sets of two are checked above.
     */
    @Test
    void threeCpusQueueingAtOneLock() {
        int[] sets = check(CheckScenarios.threeCalls("src/test/resources/scenarios/ticket-fifo", "fifo.c", "holder", "first", "second"),
                6, false);
        assertThat(sets[1]).as("sets of one CPU, two left out").isGreaterThan(100);
    }

    /**
     * The relay (test resources): the reader's loop reads `shared`, which the relay CPU writes
     * only once the starter CPU has set `go`. Searched alone, neither left-out CPU's future
     * touches `shared` while the other is frozen; their futures conflict with each other (on
     * `go`), and that is what keeps the reader's step from being a set of its own once the
     * starter's next step sets `go` (before, the starter's step is a set of its own). The path
     * takes the CPUs in turn and every state is checked: the relay polls, the reader loops, and
     * the starter comes to its write of `go` while the reader still reads.
     */
    @Test
    void twoLeftOutCpusThatTogetherWriteWhatTheSetReadsAreNotLeftOut() {
        check(CheckScenarios.threeCalls("src/test/resources/check/relay", "relay.c", "reader", "relay", "starter"), 1, true);
    }

    /**
     * Checks the kept sets along paths from the initial state: random ones (every 7th state
     * checked), or, directed, the one that takes the choices in turn (every state checked).
     * Returns how many sets of 1, 2, 3 CPUs were checked.
     */
    private static int[] check(KernelModel model, int seeds, boolean directed) {
        int[] sets = new int[4];
        long checked = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Random rnd = new Random(seed);
            KState s = model.initial();
            for (int step = 0; step < 700 && model.choices(s) > 0; step++) {
                if (directed || step % 7 == 0) {
                    checked += checkPersistent(model, s, sets);
                }
                List<Integer> acts = model.actions(s);
                s = model.successor(s, directed ? step % acts.size() : rnd.nextInt(acts.size()));
            }
        }
        // not vacuous: sets were kept and runs avoiding them were checked
        assertThat(sets[1]).as("sets of one CPU").isPositive();
        assertThat(checked).as("transitions checked").isGreaterThan(1_000);
        return sets;
    }

    /**
     * Checks the set the reduction keeps in s (if any) against every transition of the runs
     * from s that take none of its choices; returns how many transitions were checked.
     */
    private static long checkPersistent(KernelModel model, KState s, int[] sets) {
        List<KState> succ = new ArrayList<>();
        for (int c = 0; c < model.choices(s); c++) {
            succ.add(model.successor(s, c));
        }
        boolean[] pruned = model.interleavings().prune(s, succ);
        if (pruned == null) {
            return 0;
        }
        List<Integer> acts = model.actions(s);
        int keptCpus = 0;
        List<Footprint> kept = new ArrayList<>();
        for (int c = 0; c < acts.size(); c++) {
            int cpu = cpuOf(model, s, acts.get(c));
            if (!pruned[c]) {
                keptCpus |= 1 << cpu;
                kept.add(succ.get(c).step);
            }
        }
        sets[Integer.bitCount(keptCpus)]++;
        long checked = 0;
        Random rnd = new Random(model.fingerprint(s));
        for (int walk = 0; walk < WALKS; walk++) {
            KState st = s;
            for (int n = 0; n < WALK_STEPS; n++) {
                List<Integer> avoiding = new ArrayList<>();
                for (int a : model.actions(st)) {
                    if ((keptCpus & (1 << cpuOf(model, st, a))) == 0) {
                        avoiding.add(a); // a kept CPU's move would take the set here
                    }
                }
                if (avoiding.isEmpty()) {
                    break;
                }
                KState from = st;
                int action = avoiding.get(rnd.nextInt(avoiding.size()));
                KState next = model.withoutTrace(() -> model.apply(from, action));
                checked++;
                for (Footprint k : kept) {
                    assertThat(next.step.conflicts(k))
                            .as("a move of CPU %d, %d steps into a run avoiding the kept CPUs %s, conflicts with a kept choice",
                                    cpuOf(model, from, action), n, Integer.toBinaryString(keptCpus))
                            .isFalse();
                }
                if (next.violation() != null) {
                    break;
                }
                st = next;
            }
        }
        return checked;
    }

    private static int cpuOf(KernelModel model, KState s, int action) {
        return action >= 0 ? action : model.targetCpu(s, action);
    }

    /** examples/irq-vs-process with -DUSE_IRQSAVE -DWRITES=1: three writers on three CPUs, irq 5 raised once. */
    private static KernelModel threeWritersOnThreeCpus() {
        Path dir = Path.of("examples/irq-vs-process");
        Path writer = dir.resolve("writer.c");
        return CheckScenarios.boot(3, List.of("USE_IRQSAVE", "WRITES=1"), List.of(new KernelConfig.IrqDevice(5, 1)),
                List.of(dir.resolve("irqdemo.c")), List.of(new Kernel.Program("w1", List.of(writer)),
                        new Kernel.Program("w2", List.of(writer)), new Kernel.Program("w3", List.of(writer))));
    }
}
