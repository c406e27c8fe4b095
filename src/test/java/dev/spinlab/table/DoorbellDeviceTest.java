package dev.spinlab.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.ModuleSource;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.kernel.StateValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doorbell device the table's user-context cells use (include/linux/spinlab_irqdev.h):
 * nothing to deliver until the driver starts it, then its raises, and nothing left once the
 * driver halts it; every state of the run stays valid.
 */
class DoorbellDeviceTest {
    @TempDir
    Path dir;

    @Test
    void aDoorbellDeviceWaitsForItsDriverAndStopsWhenHalted() throws Exception {
        DriverGenerator.Generated g = DriverGenerator.generate(Cell.parse("user,hardirq-A"));
        Path module = dir.resolve("table.c");
        Files.writeString(module, g.module());
        Path prog = dir.resolve("ua.c");
        Files.writeString(prog, g.programs().get("ua"));
        KernelConfig cfg = new KernelConfig(1, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 5000, 20_000_000L,
                PreprocessorOptions.defaults(), g.irqs());
        Kernel k = Kernel.bootModules(cfg, List.of(ModuleSource.of(module)),
                List.of(new Kernel.Program("ua", List.of(prog))), new SourceMap(), new ArrayList<>());
        StateValidator v = new StateValidator(k);
        List<Integer> budgets = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Simulation.Result r = new Simulation(k).run(() -> {
            int left = k.state().deviceEvents[0];
            if (budgets.isEmpty() || budgets.get(budgets.size() - 1) != left) {
                budgets.add(left);
            }
            bad.addAll(v.check(k.state()));
            return !bad.isEmpty();
        });
        assertThat(bad).isEmpty();
        // not started (-1), started by the write (1), then raised or halted (0); the run does not wait for it
        assertThat(budgets).containsExactly(-1, 1, 0);
        assertThat(r.undelivered()).isZero();
    }
}
