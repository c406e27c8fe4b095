package dev.spinlab.bench;

import dev.spinlab.check.CheckBoot;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' check scenarios, booted as check boots them (see CheckBench for each). */
final class CheckScenario {
    private CheckScenario() {}

    static Kernel boot(String scenario) {
        int cpus;
        int rx;
        List<Path> modules;
        List<Kernel.Program> programs;
        switch (scenario) {
            case "hello-1cpu", "hello-2cpu" -> {
                // examples/hello/spinlab.yaml: modules [hello.c], programs a:test.c, b:test.c
                Path dir = Path.of("examples/hello");
                cpus = scenario.equals("hello-1cpu") ? 1 : 2;
                rx = 0;
                modules = List.of(dir.resolve("hello.c"));
                programs = List.of(program("a", dir.resolve("test.c")), program("b", dir.resolve("test.c")));
            }
            case "prerouting-2cpu" -> {
                // examples/prerouting/spinlab.yaml: modules [pktcount.c], programs ctl:ctl.c and
                // ping (here -c 1, not the manifest's -c 2)
                Path dir = Path.of("examples/prerouting");
                cpus = 2;
                rx = 1;
                modules = List.of(dir.resolve("pktcount.c"));
                programs = List.of(program("ctl", dir.resolve("ctl.c")),
                        Kernel.Program.builtin("ping", List.of("ping", "-c", "1", "127.0.0.1")));
            }
            case "abba-2cpu", "abba-4cpu" -> {
                // examples/abba/spinlab.yaml: module ../lockdep-abba/abba.c, programs add:op.c 1, count:op.c 2
                Path dir = Path.of("examples/abba");
                cpus = scenario.equals("abba-2cpu") ? 2 : 4;
                rx = 0;
                modules = List.of(Path.of("examples/lockdep-abba/abba.c"));
                programs = List.of(new Kernel.Program("add", List.of(dir.resolve("op.c")), List.of("op.c", "1"), null),
                        new Kernel.Program("count", List.of(dir.resolve("op.c")), List.of("op.c", "2"), null));
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        // check's defaults for what the manifests leave out: preempt voluntary, seed 1,
        // --max-time 60 (prerouting's 40 s is never reached during boot), --max-steps 200000000
        KernelConfig cfg = CheckBoot.config(cpus, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 200_000_000L,
                PreprocessorOptions.defaults(), List.of(), rx);
        Kernel kernel = Kernel.boot(cfg, modules, programs, new SourceMap(), new ArrayList<>());
        Simulation.End end = CheckBoot.runToStart(kernel);
        if (end != Simulation.End.STOPPED) {
            throw new IllegalStateException(scenario + ": the run ended during boot (" + end + ")");
        }
        kernel.setQuiet(true);
        return kernel;
    }

    /** A program as a manifest's "NAME:FILE" gives it: argv[0] is FILE as written there. */
    private static Kernel.Program program(String name, Path source) {
        return new Kernel.Program(name, List.of(source), List.of(source.getFileName().toString()), null);
    }
}
