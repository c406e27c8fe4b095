package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kernel.Kernel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clearing dead registers after each step (kc.ir.Liveness, Interpreter.clearDead) only merges
 * states that differ in values no path reads again: the same findings with and without it,
 * in fewer states with it. ABBA on two CPUs (two programs, two locks) and the second seed on
 * one CPU (a timer, a sleep with a lock held, a deadlock).
 */
class DeadRegistersTest {
    private static Explorer.Result<KState> search(KernelModel model, boolean clear) {
        model.kernel().interpreter().setClearDeadRegisters(clear);
        return new Explorer<>(model, new Explorer.Bounds(500_000, 100_000, Long.MAX_VALUE, 1)).bfs();
    }

    private static void sameFindingsFewerStates(java.util.function.Supplier<KernelModel> boot) {
        Explorer.Result<KState> cleared = search(boot.get(), true);
        Explorer.Result<KState> kept = search(boot.get(), false);
        assertThat(cleared.boundHit()).isNull();
        assertThat(kept.boundHit()).isNull();
        assertThat(cleared.findings()).extracting(Explorer.Finding::message)
                .containsExactlyInAnyOrderElementsOf(kept.findings().stream().map(Explorer.Finding::message).toList());
        assertThat(cleared.states()).isLessThan(kept.states());
    }

    @Test
    void abbaOnTwoCpus() {
        Path dir = Path.of("examples/abba");
        Path op = dir.resolve("op.c");
        sameFindingsFewerStates(() -> CheckScenarios.boot(2, List.of(), List.of(),
                List.of(Path.of("examples/lockdep-abba/abba.c")),
                List.of(new Kernel.Program("add", List.of(op), List.of("add", "1"), null),
                        new Kernel.Program("count", List.of(op), List.of("count", "2"), null))));
    }

    @Test
    void helloOnOneCpu() {
        Path dir = Path.of("examples/hello");
        Path test = dir.resolve("test.c");
        sameFindingsFewerStates(() -> CheckScenarios.boot(1, List.of(), List.of(), List.of(dir.resolve("hello.c")),
                List.of(new Kernel.Program("a", List.of(test)), new Kernel.Program("b", List.of(test)))));
    }
}
