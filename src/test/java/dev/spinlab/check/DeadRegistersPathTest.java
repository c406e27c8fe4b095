package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.machine.MachineState;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Clearing dead registers commutes with stepping (the bisimulation that makes it sound): along
 * random paths, the machine stepped with the clearing and the machine stepped without it are
 * the same state once the latter's dead registers are cleared too. A register taken for dead
 * that some path reads would make the two runs diverge.
 */
class DeadRegistersPathTest {
    private static void followRandomPaths(java.util.function.Supplier<KernelModel> boot, int paths, int steps) {
        KernelModel cleared = boot.get();
        KernelModel kept = boot.get();
        kept.kernel().interpreter().setClearDeadRegisters(false);
        Random rnd = new Random(7);
        for (int p = 0; p < paths; p++) {
            KState a = cleared.initial();
            KState b = kept.initial();
            for (int n = 0; n < steps && cleared.choices(a) > 0; n++) {
                MachineState canon = b.machine().copy();
                cleared.kernel().interpreter().clearAllDead(canon);
                assertThat(canon.sameAs(a.machine())).as("path %d, step %d: the cleared run is the kept one cleared", p, n)
                        .isTrue();
                int c = rnd.nextInt(cleared.choices(a));
                assertThat(kept.choices(b)).isEqualTo(cleared.choices(a));
                a = cleared.successor(a, c);
                b = kept.successor(b, c);
            }
        }
    }

    /**
     * Without spin-waits, whose stutter test compares whole states: a wait's first round there
     * comes back to the same state only once its dead temporaries are cleared, so the two
     * models offer different choices by design.
     */
    private static final Reductions NO_SPIN_WAITS = new Reductions(true, true, true, true, true, true, false, true, false, false);

    @Test
    void helloOnTwoCpus() {
        java.nio.file.Path dir = java.nio.file.Path.of("examples/hello");
        java.nio.file.Path test = dir.resolve("test.c");
        followRandomPaths(() -> CheckScenarios.boot(2, java.util.List.of(), java.util.List.of(),
                java.util.List.of(dir.resolve("hello.c")), java.util.List.of(new dev.spinlab.kernel.Kernel.Program("a",
                        java.util.List.of(test)), new dev.spinlab.kernel.Kernel.Program("b", java.util.List.of(test))),
                NO_SPIN_WAITS), 20, 1500);
    }

    @Test
    void irqsOnTwoCpus() {
        java.nio.file.Path dir = java.nio.file.Path.of("examples/irq-vs-process");
        followRandomPaths(() -> CheckScenarios.boot(2, java.util.List.of("USE_IRQSAVE", "WRITES=2"),
                java.util.List.of(new dev.spinlab.kernel.KernelConfig.IrqDevice(5, 3)),
                java.util.List.of(dir.resolve("irqdemo.c")), java.util.List.of(new dev.spinlab.kernel.Kernel.Program("writer",
                        java.util.List.of(dir.resolve("writer.c")))), NO_SPIN_WAITS), 20, 1000);
    }
}
