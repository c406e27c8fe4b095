package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kernel.Kernel;
import dev.spinlab.machine.MachineState;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The spin-waits reduction (SpinWaits): a CPU waiting in wfe for a held lock has no move, an
 * event register set by some SEV does not give it one, a write to a word its wait loop reads
 * does; and its wake-up's footprint reads those words. Two programs write to
 * examples/irq-vs-process's device on two CPUs, both taking its lock; the states are those of
 * a bounded search.
 */
class SpinWaitsTest {
    /** A state of the search with a CPU blocked in wfe that cannot step, and that CPU. */
    record Waiting(KState state, int cpu) {}

    /** States reachable from the model's start, breadth-first, where some CPU waits in wfe with no move. */
    static List<Waiting> waitingStates(KernelModel model, int maxStates, int want) {
        List<Waiting> found = new ArrayList<>();
        ArrayDeque<KState> queue = new ArrayDeque<>(List.of(model.initial()));
        Set<Long> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < maxStates && found.size() < want) {
            KState s = queue.poll();
            if (!seen.add(model.fingerprint(s))) {
                continue;
            }
            MachineState m = s.machine();
            for (int cpu = 0; cpu < m.ncpu; cpu++) {
                if (model.events().waitsInWfe(m, cpu) && !model.events().canStep(m, cpu)) {
                    found.add(new Waiting(s, cpu));
                }
            }
            for (int c = 0; c < model.choices(s); c++) {
                queue.add(model.successor(s, c));
            }
        }
        return found;
    }

    /** examples/irq-vs-process's driver with two writers on two CPUs (-DUSE_IRQSAVE, one write each, no interrupt). */
    static KernelModel twoWriters(Reductions reductions) {
        Path dir = Path.of("examples/irq-vs-process");
        Path writer = dir.resolve("writer.c");
        return CheckScenarios.boot(2, List.of("USE_IRQSAVE", "WRITES=1"), List.of(), List.of(dir.resolve("irqdemo.c")),
                List.of(new Kernel.Program("w1", List.of(writer)), new Kernel.Program("w2", List.of(writer))), reductions);
    }

    @Test
    void aWaiterMovesWhenWhatItsLoopReadsChangesNotOnAnEvent() {
        KernelModel model = twoWriters(Reductions.ALL);
        List<Waiting> waits = waitingStates(model, 20_000, 20);
        assertThat(waits).as("states where a CPU waits for the driver's lock").isNotEmpty();
        int released = 0;
        for (Waiting w : waits) {
            MachineState m = w.state().machine();
            // an event register set by some SEV (another lock's unlock, an exception return):
            // the loop would read the same owner and wait again, so still no move
            MachineState evented = m.copy();
            evented.eventFlag[w.cpu()] = 1;
            assertThat(model.events().canStep(evented, w.cpu())).isFalse();
            Footprint wake = model.wakeReads(m, w.cpu());
            assertThat(wake).isNotNull();
            List<Long> read = new ArrayList<>();
            wake.forEachWord((word, write) -> {
                if (!write && word >= 0) {
                    read.add(word);
                }
            });
            assertThat(read).as("memory words the wait loop reads").isNotEmpty();
            // the other CPU runs alone until a step of it writes one of those words (the unlock)
            int other = 1 - w.cpu();
            KState s = w.state();
            boolean wrote = false;
            for (int n = 0; n < 5_000 && !wrote && model.events().canStep(s.machine(), other); n++) {
                s = model.apply(s, other);
                Footprint step = s.step;
                wrote = read.stream().anyMatch(step::writesWord);
                if (!wrote) {
                    assertThat(model.events().canStep(s.machine(), w.cpu()))
                            .as("no move before the lock word changes").isFalse();
                }
            }
            if (!wrote) {
                continue; // the other CPU blocked or went on elsewhere (it sleeps holding the lock, say)
            }
            released++;
            assertThat(model.events().canStep(s.machine(), w.cpu())).as("a move once it has").isTrue();
            // and the wake-up's footprint reads that word: it conflicts with the write that enabled it
            KState woken = model.apply(s, w.cpu());
            assertThat(read.stream().anyMatch(word -> {
                boolean[] hit = {false};
                woken.step.forEachWord((x, write) -> hit[0] |= !write && x == word);
                return hit[0];
            })).isTrue();
        }
        assertThat(released).as("waits that the holder's unlock ended, run alone").isPositive();
    }

    @Test
    void withoutTheReductionTheEventRegisterWakesTheWaiter() {
        Reductions noSpinWaits = new Reductions(true, true, true, true, true, true, false, true, false, false);
        KernelModel model = twoWriters(noSpinWaits);
        List<Waiting> waits = waitingStates(model, 20_000, 1);
        assertThat(waits).isNotEmpty();
        MachineState evented = waits.get(0).state().machine().copy();
        evented.eventFlag[waits.get(0).cpu()] = 1;
        assertThat(model.events().canStep(evented, waits.get(0).cpu())).isTrue();
    }
}
