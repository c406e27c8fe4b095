package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.kernel.StateValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The system state's invariants (StateValidator) hold after every step: along random paths of
 * check's transition function (CPU steps, timers, device interrupts) over scenarios with
 * interrupts, two CPUs, a WARN_ON_ONCE that fires, and along a whole run of an example.
 */
class StateValidatorTest {
    @Test
    void everyStateOfRandomCheckPathsIsValid() {
        for (KernelModel model : List.of(CheckScenarios.irqsOnTwoCpus(), CheckScenarios.helloOnTwoCpus(),
                CheckScenarios.bhInHardirq())) {
            StateValidator v = new StateValidator(model.kernel());
            for (long seed = 1; seed <= 3; seed++) {
                Random rnd = new Random(seed);
                KState s = model.initial();
                assertThat(v.check(s.machine())).as("initial state").isEmpty();
                for (int step = 0; step < 3_000 && model.choices(s) > 0; step++) {
                    s = model.successor(s, rnd.nextInt(model.choices(s)));
                    assertThat(v.check(s.machine())).as("seed %d, step %d", seed, step).isEmpty();
                }
            }
        }
    }

    @Test
    void everyStateOfARunIsValid() {
        Path dir = Path.of("examples/irq-vs-process");
        KernelConfig cfg = new KernelConfig(1, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 5000, 20_000_000L,
                PreprocessorOptions.defaults(), List.of(new KernelConfig.IrqDevice(5, 20)));
        Kernel k = Kernel.boot(cfg, List.of(dir.resolve("irqdemo.c")),
                List.of(new Kernel.Program("writer", List.of(dir.resolve("writer.c")))), new SourceMap(), new ArrayList<>());
        StateValidator v = new StateValidator(k);
        List<String> bad = new ArrayList<>();
        long[] steps = {0};
        new Simulation(k).run(() -> {
            steps[0]++;
            bad.addAll(v.check(k.state()));
            return !bad.isEmpty();
        });
        assertThat(bad).isEmpty();
        // the writer's 20 writes with their interrupts and the hard lockup: about 6,000 states
        // (mdelay()'s 5 ms are one wait each, no longer 50,000 steps of polling the clock)
        assertThat(steps[0]).isGreaterThan(3_000);
    }
}
