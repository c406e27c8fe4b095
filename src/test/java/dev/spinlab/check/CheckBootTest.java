package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where check's search starts (CheckBoot.runToStart): every program started, none of them
 * ahead of the others. With three programs on three CPUs the first one started used to run on
 * while init forked the third, into its open() and write() — even into the driver's busy-wait
 * delay, begun on the running clock that check then freezes: a deadlock no kernel has (its
 * delay never ends), and every schedule in which it starts last was missing.
 */
class CheckBootTest {
    @Test
    void noProgramHasMadeASystemCallWhenTheSearchStarts() {
        Path dir = Path.of("examples/irq-vs-process");
        List<Kernel.Program> programs = new ArrayList<>();
        for (String name : List.of("w1", "w2", "w3")) {
            programs.add(new Kernel.Program(name, List.of(dir.resolve("writer.c"))));
        }
        KernelConfig cfg = CheckBoot.config(3, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 200_000_000L,
                PreprocessorOptions.defaults(), List.of(), 0);
        Kernel k = Kernel.boot(cfg, List.of(dir.resolve("irqdemo.c")), programs, new SourceMap(), new ArrayList<>());
        assertThat(CheckBoot.runToStart(k)).isEqualTo(Simulation.End.STOPPED);
        assertThat(k.programsStarted()).isEqualTo(3);
        MachineState m = k.state();
        List<Long> tasks = k.userTaskAddresses();
        int seen = 0;
        for (int id = 0; id < m.contextCount(); id++) {
            ExecContext c = m.peekContext(id);
            if (!tasks.contains(c.tag) || c.status == ExecContext.Status.EXITED) {
                continue;
            }
            seen++;
            List<StackEntry> stack = k.interpreter().stack(c);
            assertThat(stack).as("program context %d", id).extracting(StackEntry::function)
                    .doesNotContain("do_syscall_64");
        }
        // (a program whose first schedule has not come yet has no context of its own to look at)
        assertThat(seen).isGreaterThanOrEqualTo(2);
    }
}
