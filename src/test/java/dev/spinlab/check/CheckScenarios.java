package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.MacroArg;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scenarios booted as check boots them (CheckBoot), for tests that step a KernelModel directly. */
final class CheckScenarios {
    private CheckScenarios() {}

    /** The model of a booted scenario: preempt voluntary, seed 1, -D defines, --irq devices. */
    static KernelModel boot(int cpus, List<String> defines, List<KernelConfig.IrqDevice> irqs, List<Path> modules,
                            List<Kernel.Program> programs) {
        return boot(cpus, defines, irqs, modules, programs, Reductions.ALL);
    }

    /** As above, with these reductions. */
    static KernelModel boot(int cpus, List<String> defines, List<KernelConfig.IrqDevice> irqs, List<Path> modules,
                            List<Kernel.Program> programs, Reductions reductions) {
        List<MacroArg> macros = new ArrayList<>();
        for (String d : defines) {
            macros.add(MacroArg.parseDefine(d));
        }
        KernelConfig cfg = CheckBoot.config(cpus, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 50_000_000L,
                new PreprocessorOptions(List.of(), macros), irqs, 0);
        Kernel k = Kernel.boot(cfg, modules, programs, new SourceMap(), new ArrayList<>());
        assertThat(CheckBoot.runToStart(k)).isEqualTo(Simulation.End.STOPPED);
        k.setQuiet(true);
        return new KernelModel(k, k.state(), reductions);
    }

    /** The second seed on two CPUs: examples/hello with processes a and b. */
    static KernelModel helloOnTwoCpus() {
        Path dir = Path.of("examples/hello");
        Path test = dir.resolve("test.c");
        return boot(2, List.of(), List.of(), List.of(dir.resolve("hello.c")),
                List.of(new Kernel.Program("a", List.of(test)), new Kernel.Program("b", List.of(test))));
    }

    /** examples/irq-vs-process with -DUSE_IRQSAVE -DWRITES=2 on two CPUs, its device raising irq 5 three times. */
    static KernelModel irqsOnTwoCpus() {
        Path dir = Path.of("examples/irq-vs-process");
        return boot(2, List.of("USE_IRQSAVE", "WRITES=2"), List.of(new KernelConfig.IrqDevice(5, 3)),
                List.of(dir.resolve("irqdemo.c")), List.of(new Kernel.Program("writer", List.of(dir.resolve("writer.c")))));
    }

    /**
     * Issue 15's irq/ioctl question: examples/irq-vs-process with -DUSE_IRQSAVE -DWRITES=1, two
     * writer programs on two CPUs, the device raising irq 5 twice.
     */
    static KernelModel irqQuestion() {
        Path dir = Path.of("examples/irq-vs-process");
        Path writer = dir.resolve("writer.c");
        return boot(2, List.of("USE_IRQSAVE", "WRITES=1"), List.of(new KernelConfig.IrqDevice(5, 2)),
                List.of(dir.resolve("irqdemo.c")),
                List.of(new Kernel.Program("w1", List.of(writer)), new Kernel.Program("w2", List.of(writer))));
    }

    /** Two writers on two CPUs, each arming a timer on its CPU for the same jiffy (test resources). */
    static KernelModel twoTimers() {
        Path dir = Path.of("src/test/resources/check/time/two-timers");
        Path writer = dir.resolve("writer.c");
        return boot(2, List.of(), List.of(), List.of(dir.resolve("twotimers.c")),
                List.of(new Kernel.Program("w1", List.of(writer)), new Kernel.Program("w2", List.of(writer))));
    }

    /**
     * A test module on three CPUs with three programs, each its directory's op.c making the
     * ioctl of its number (the first name 1, then 2 and 3), as the scenarios' manifests give them.
     */
    static KernelModel threeCalls(String directory, String module, String... names) {
        Path dir = Path.of(directory);
        Path op = dir.resolve("op.c");
        List<Kernel.Program> programs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            programs.add(new Kernel.Program(names[i], List.of(op), List.of(names[i], String.valueOf(i + 1)), null));
        }
        return boot(3, List.of(), List.of(), List.of(dir.resolve(module)), programs);
    }

    /** The spin_lock_bh-in-hardirq scenario (test corpus): one CPU, irq 5 raised once, a program that sleeps. */
    static KernelModel bhInHardirq() {
        Path dir = Path.of("src/test/resources/scenarios/bh-in-hardirq");
        return boot(1, List.of(), List.of(new KernelConfig.IrqDevice(5, 1)), List.of(dir.resolve("bhirq.c")),
                List.of(new Kernel.Program("sleeper", List.of(dir.resolve("sleeper.c")))));
    }
}
