package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.lockdep.LockdepMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One interrupt handler and one timer never run on two CPUs at once (the seed article's first
 * claim; spinlab table's hardirq-A/hardirq-A and timer-A/timer-A cells): a driver whose
 * handler or timer callback increments a plain word with no lock, its line raised twice with
 * device interrupts delivered to any CPU of two (as the table delivers them), explored
 * exhaustively. The model kernel serialises both as the kernel does (kernel/irq/handle.c's
 * handle_edge_irq, kernel/time/timer.c's __mod_timer), so check proves no data race; before
 * it did, check found the word's race between the two CPUs.
 */
class SameContextTest {
    private static final Path DIR = Path.of("src/test/resources/check/irqcore");

    private static Explorer.Result<KState> explore(String module, int line) {
        KernelConfig cfg = CheckBoot.config(2, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 200_000_000L,
                PreprocessorOptions.defaults(), List.of(new KernelConfig.IrqDevice(line, 2)), 0, LockdepMode.OFF);
        Kernel k = Kernel.boot(cfg, List.of(DIR.resolve(module)), List.of(), new SourceMap(), new ArrayList<>());
        assertThat(CheckBoot.runToStart(k)).isEqualTo(Simulation.End.STOPPED);
        k.setQuiet(true);
        // every reduction but interrupts', which misses races when interrupts go to any CPU (docs/table.md)
        KernelModel model = new KernelModel(k, k.state(), Reductions.parse("user-steps,interleavings,sleep-sets"), true);
        return new Explorer<>(model, new Explorer.Bounds(1_000_000, 100_000, Long.MAX_VALUE, 1)).bfs();
    }

    @Test
    void oneHandlerNeverRunsOnTwoCpusAtOnce() {
        Explorer.Result<KState> r = explore("samehandler.c", 5);
        assertThat(r.findings()).extracting(Explorer.Finding::message).isEmpty();
        assertThat(r.verdict()).isEqualTo(Explorer.Verdict.OK);
    }

    @Test
    void aRunningTimerStaysOnItsBase() {
        Explorer.Result<KState> r = explore("sametimer.c", 11);
        assertThat(r.findings()).extracting(Explorer.Finding::message).isEmpty();
        assertThat(r.verdict()).isEqualTo(Explorer.Verdict.OK);
    }
}
