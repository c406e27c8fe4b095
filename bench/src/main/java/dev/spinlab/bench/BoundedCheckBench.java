package dev.spinlab.bench;

import dev.spinlab.check.BoundedSearch;
import dev.spinlab.check.Explorer;
import dev.spinlab.check.KState;
import dev.spinlab.check.KernelModel;
import dev.spinlab.check.Reductions;
import dev.spinlab.kernel.Kernel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * check's bug-finding mode ({@code --preemptions K}): each call is one whole preemption-bounded
 * breadth-first search of the ABBA example ({@code spinlab check examples/abba --cpus N
 * --preemptions K}, one thread, user-steps the only reduction, as check runs it), bounded at
 * {@code maxStates}. The score is searches per second (seconds per search is its inverse);
 * the summary line after the trial gives the states and findings of the last search.
 *
 * <p>Run from the repository root: {@code mvn -q -B install -DskipTests &&
 * mvn -q -B -f bench/pom.xml package && java -jar bench/target/benchmarks.jar BoundedCheckBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseTransparentHugePages", "-Xmx8g"})
public class BoundedCheckBench {
    @Param({"abba-2cpu", "abba-4cpu"})
    String scenario;

    @Param({"1"})
    int preemptions;

    @Param({"1000000"})
    long maxStates;

    private Kernel kernel;
    private Explorer.Result<KState> last;

    @Setup(Level.Trial)
    public void boot() {
        kernel = CheckScenario.boot(scenario);
    }

    @Benchmark
    public Explorer.Result<KState> bounded() {
        KernelModel model = new KernelModel(kernel, kernel.state(), BoundedSearch.reductions(Reductions.ALL, false));
        Explorer.Bounds bounds = new Explorer.Bounds(maxStates, 100_000, Runtime.getRuntime().maxMemory() * 3 / 4, 1);
        last = BoundedSearch.run(model, List.of(model), bounds, preemptions, Explorer::bfs);
        return last;
    }

    @TearDown(Level.Trial)
    public void summary() {
        if (last != null) {
            System.out.printf("%n%s, --preemptions %d: %s%s, %d states, %d findings%n", scenario, preemptions,
                    last.verdict(), last.boundHit() != null ? " (" + last.boundHit() + ")" : "", last.states(),
                    last.findings().size());
        }
    }
}
