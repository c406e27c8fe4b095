package dev.spinlab.lockdep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lockdep observes: a run schedules exactly the same with it on, on for every report, or off. */
class LockdepObserverTest {
    static Kernel run(LockdepMode mode, int cpus) {
        Path dir = Path.of("examples/lockdep-softirq");
        KernelConfig cfg = new KernelConfig(cpus, PreemptModel.VOLUNTARY, 1, 5_000_000_000L, 0, 20_000_000L,
                PreprocessorOptions.defaults(), List.of(), mode);
        Kernel k = Kernel.boot(cfg, List.of(dir.resolve("ct.c")),
                List.of(new Kernel.Program("flush", List.of(dir.resolve("flush.c")))), new SourceMap(), new ArrayList<>());
        new Simulation(k).run();
        return k;
    }

    @Test
    void theScheduleDoesNotDependOnLockdep() {
        for (int cpus = 1; cpus <= 2; cpus++) {
            Kernel off = run(LockdepMode.OFF, cpus);
            Kernel first = run(LockdepMode.FIRST, cpus);
            Kernel all = run(LockdepMode.ALL, cpus);
            assertThat(first.state().steps).isEqualTo(off.state().steps);
            assertThat(all.state().steps).isEqualTo(off.state().steps);
            assertThat(first.state().timeNs).isEqualTo(off.state().timeNs);
            assertThat(off.findings()).isEmpty();
            assertThat(first.findings()).extracting(f -> f.kind().id).containsExactly("lockdep:inconsistent-lock-state");
            assertThat(first.lockdep().active()).isFalse();
            assertThat(all.lockdep().active()).isTrue();
        }
    }
}
