package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.machine.MachineState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How check abstracts time (docs/check.md "Time"): when a timer's tick is offered, and no lockup detectors. */
class TimeAbstractionTest {
    /** preempt_count bits that make in_task() false: NMI, HARDIRQ, SOFTIRQ_OFFSET (include/linux/preempt.h). */
    static final int NOT_IN_TASK = 0xf00000 | 0xf0000 | 0x100;

    @Test
    void aDueTimersTickComesOnlyWhenItsCpuCanTakeItInTaskContext() {
        KernelModel model = CheckScenarios.twoTimers();
        Kernel k = model.kernel();
        long jiffies = k.globalAddress("jiffies");
        // irq_stat[cpu].__softirq_pending, bit TIMER_SOFTIRQ (1)
        long timerSoftirq = k.globalAddress("irq_stat");
        long irqStat = ((dev.spinlab.kc.type.ArrayType) k.globalType("irq_stat")).element().size();
        int dueOffered = 0;
        int dueWithheld = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Random rnd = new Random(seed);
            KState s = model.initial();
            for (int step = 0; step < 3_000 && model.choices(s) > 0; step++) {
                MachineState m = s.machine();
                long[] t = model.events().earliestTimer(m);
                boolean offered = false;
                for (int c = 0; c < model.choices(s); c++) {
                    offered |= model.describe(s, c).startsWith("timer ");
                }
                boolean due = t != null && Long.compareUnsigned(t[1], m.mem.load(jiffies, 8, false)) <= 0;
                if (due) {
                    int cpu = (int) t[0];
                    // it can take the tick: in task context, and interrupts on or waiting in wfi
                    boolean canTake = (m.preemptCount[cpu] & NOT_IN_TASK) == 0
                            && (m.irqEnabled[cpu] != 0 || model.events().waitsInWfi(m, cpu));
                    boolean raised = (m.pendingIrq[cpu] & (1L << KernelEvents.IRQ_TIMER)) != 0
                            || (m.mem.load(timerSoftirq + irqStat * cpu, 4, false) & 2) != 0;
                    assertThat(offered).as("seed %d step %d", seed, step).isEqualTo(canTake && !raised);
                    if (offered) {
                        dueOffered++;
                    } else if (!raised) {
                        dueWithheld++;
                    }
                }
                s = model.successor(s, rnd.nextInt(model.choices(s)));
            }
        }
        // the walks met both sides of the rule
        assertThat(dueOffered).isPositive();
        assertThat(dueWithheld).isPositive();
    }

    @Test
    void checkBootsWithNowatchdogWhileRunKeepsTheDetectors() {
        KernelModel model = CheckScenarios.helloOnTwoCpus();
        Kernel checked = model.kernel();
        assertThat(checked.state().mem.load(checked.globalAddress("watchdog_user_enabled"), 4, false)).isZero();

        KernelConfig cfg = new KernelConfig(1, PreemptModel.VOLUNTARY, 1, 1_000_000_000L, 0, 5_000_000L,
                new PreprocessorOptions(List.of(), List.of()));
        Kernel run = Kernel.boot(cfg, List.of(Path.of("examples/hello/hello.c")), List.of(), new SourceMap(),
                new ArrayList<>());
        new Simulation(run, false).run(run::bootDone);
        assertThat(run.state().mem.load(run.globalAddress("watchdog_user_enabled"), 4, false)).isEqualTo(1);
    }
}
