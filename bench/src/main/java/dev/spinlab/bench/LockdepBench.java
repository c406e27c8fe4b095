package dev.spinlab.bench;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.lockdep.LockdepMode;
import java.io.IOException;
import java.nio.file.Files;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of lockdep per acquire/release: a module whose init takes and releases two nested
 * spinlocks LOOPS times (2 * LOOPS acquire/release pairs), booted with lockdep on and off
 * (--no-lockdep). Time per run divided by 2 * LOOPS is the cost of one pair, interpretation
 * included; the difference between the two modes is lockdep's share.
 *
 * <p>Run from the repository root: {@code mvn -q -B install -DskipTests &&
 * mvn -q -B -f bench/pom.xml package && java -jar bench/target/benchmarks.jar LockdepBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LockdepBench {
    static final int LOOPS = 50_000;

    @Param({"FIRST", "OFF"})
    LockdepMode lockdep;

    Path module;

    @Setup
    public void writeModule() throws IOException {
        Path dir = Files.createTempDirectory("lockdep-bench");
        module = dir.resolve("loop.c");
        Files.writeString(module, """
                #include <linux/module.h>
                #include <linux/init.h>
                #include <linux/spinlock.h>
                static spinlock_t a, b;
                static int loop_init(void)
                {
                    int i;
                    spin_lock_init(&a);
                    spin_lock_init(&b);
                    for (i = 0; i < %d; i++) {
                        spin_lock(&a);
                        spin_lock(&b);
                        spin_unlock(&b);
                        spin_unlock(&a);
                    }
                    return 0;
                }
                module_init(loop_init);
                """.formatted(LOOPS));
    }

    /** Boots, runs the loop module to the end of boot; returns the steps. */
    @Benchmark
    public long lockLoop() {
        KernelConfig cfg = new KernelConfig(1, PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 5000, 200_000_000L,
                PreprocessorOptions.defaults(), List.of(), lockdep);
        Kernel k = Kernel.boot(cfg, List.of(module), List.of(), new SourceMap(), new ArrayList<>());
        return new Simulation(k).run().steps();
    }
}
