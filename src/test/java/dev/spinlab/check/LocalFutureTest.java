package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The interleavings reduction's local futures: taking a forced interrupt run as one move
 * (KernelModel.runInterruptAlone) must give exactly the footprint the step-by-step local search
 * gives. Checked along random paths of the second seed on two CPUs, where timers are armed on
 * both CPUs and the timer interrupt can come at every step.
 */
class LocalFutureTest {
    static KernelModel helloOnTwoCpus() {
        KernelConfig cfg = CheckBoot.config(2, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 50_000_000L,
                new PreprocessorOptions(List.of(), List.of()), List.of(), 0);
        Path dir = Path.of("examples/hello");
        Path test = dir.resolve("test.c");
        Kernel k = Kernel.boot(cfg, List.of(dir.resolve("hello.c")),
                List.of(new Kernel.Program("a", List.of(test)), new Kernel.Program("b", List.of(test))),
                new SourceMap(), new ArrayList<>());
        assertThat(CheckBoot.runToStart(k)).isEqualTo(Simulation.End.STOPPED);
        k.setQuiet(true);
        return new KernelModel(k, k.state());
    }

    @Test
    void anInterruptRunAsOneMoveChangesNoLocalFuture() {
        KernelModel model = helloOnTwoCpus();
        InterleavingReduction oneMove = new InterleavingReduction(model, true);
        InterleavingReduction stepwise = new InterleavingReduction(model, false);
        int compared = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            KernelModel.KState s = model.initial();
            for (int step = 0; step < 2_000 && model.choices(s) > 0; step++) {
                if (step % 40 == 0) {
                    for (int cpu = 0; cpu < 2; cpu++) {
                        Footprint fast = oneMove.exploreLocally(s, cpu);
                        Footprint slow = stepwise.exploreLocally(s, cpu);
                        if (fast != KernelModel.FAIL_MARK && slow != KernelModel.FAIL_MARK) {
                            assertThat(fast.sameWords(slow)).as("CPU %d at step %d (seed %d)", cpu, step, seed).isTrue();
                            compared++;
                        } else {
                            // skipping states can only make a search succeed where the step-by-step one ran out
                            assertThat(slow).as("CPU %d at step %d (seed %d)", cpu, step, seed).isSameAs(KernelModel.FAIL_MARK);
                        }
                    }
                }
                s = model.successor(s, rnd.nextInt(model.choices(s)));
            }
        }
        // not vacuous: interrupts were taken as one move, and the two searches agreed often
        assertThat(oneMove.interruptsRunAsOneMove).isPositive();
        assertThat(compared).isGreaterThan(20);
    }
}
