package dev.spinlab.bench;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The second seed's scenario (examples/hello) run end to end by the model kernel: time per
 * whole run, from which simulated kernel steps per second follow (steps are printed in the
 * run's summary: 93,245 on one CPU, 392,264 on two).
 *
 * <p>Run from the repository root: {@code mvn -q -B install -DskipTests &&
 * mvn -q -B -f bench/pom.xml package && java -jar bench/target/benchmarks.jar KernelBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KernelBench {
    @Param({"1", "2"})
    int cpus;

    /** Boots, loads the hello driver, runs a and b to the end (soft lockup or exit); returns the steps. */
    @Benchmark
    public long helloScenario() {
        KernelConfig cfg = new KernelConfig(cpus, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 5000, 200_000_000L,
                PreprocessorOptions.defaults());
        Path dir = Path.of("examples/hello");
        Kernel k = Kernel.boot(cfg, List.of(dir.resolve("hello.c")),
                List.of(new Kernel.Program("a", List.of(dir.resolve("test.c"))),
                        new Kernel.Program("b", List.of(dir.resolve("test.c")))),
                new SourceMap(), new ArrayList<>());
        return new Simulation(k).run().steps();
    }
}
