package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelBootTest {
    static Kernel boot(int cpus) {
        return boot(cpus, PreemptModel.VOLUNTARY);
    }

    static Kernel boot(int cpus, PreemptModel preempt) {
        KernelConfig c = new KernelConfig(cpus, preempt, 1, 10_000_000_000L, 5000, 50_000_000L,
                dev.spinlab.kc.pp.PreprocessorOptions.defaults());
        return Kernel.boot(c, List.of(), List.of(), new SourceMap(), new ArrayList<Diagnostic>());
    }

    @Test
    void theModelKernelCompilesWithoutAWarning() {
        Kernel k = boot(1);
        assertThat(k.kernelDiagnostics()).isEmpty();
    }

    /**
     * --preempt rt: the kernel built with CONFIG_PREEMPT_RT (spinlock_t an rt_mutex, threaded
     * interrupts, softirqs in task context) compiles cleanly too and boots without findings.
     */
    @Test
    void thePreemptRtKernelCompilesWithoutAWarningAndBootsCleanly() {
        Kernel k = boot(2, PreemptModel.RT);
        assertThat(k.kernelDiagnostics()).isEmpty();
        Simulation.Result r = new Simulation(k).run();
        assertThat(r.end()).isEqualTo(Simulation.End.BOOTED);
        assertThat(k.findings()).isEmpty();
        assertThat(k.log()).extracting(LogRecord::text).anyMatch(t -> t.contains("#1 SMP PREEMPT_RT"));
        assertThat(k.state().preemptCount).containsOnly(0);
    }

    @Test
    void bootsOnEveryCpuCountWithoutFindings() {
        for (int cpus = 1; cpus <= KernelConfig.MAX_CPUS; cpus *= 2) {
            Kernel k = boot(cpus);
            Simulation.Result r = new Simulation(k).run();
            assertThat(r.end()).isEqualTo(Simulation.End.BOOTED);
            assertThat(k.findings()).isEmpty();
            assertThat(k.log()).extracting(LogRecord::text)
                    .contains("smp: Brought up 1 node, " + cpus + " CPUs");
            assertThat(k.state().preemptCount).containsOnly(0);
        }
    }
}
