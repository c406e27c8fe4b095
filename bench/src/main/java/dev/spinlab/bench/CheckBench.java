package dev.spinlab.bench;

import dev.spinlab.check.Reductions;
import dev.spinlab.check.KState;
import dev.spinlab.check.Explorer;
import dev.spinlab.check.KernelModel;
import dev.spinlab.kernel.Kernel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * spinlab check's exploration speed: each call is one whole breadth-first search
 * ({@link Explorer#bfs()}, one thread, check's default --max-depth and --max-memory) from the
 * booted scenario, bounded by {@code maxStates} distinct states (by default 100,000 for hello,
 * 50,000 for the two-CPU scenarios: 1-2 s a search once the JIT has compiled the interpreter). The score is searches per second; the
 * {@code bfs:states} line under it is the figure wanted, distinct states explored per second
 * ({@code bfs:transitions}: transitions per second), both summed over an iteration's searches
 * and divided by its time (JMH labels them ops/s).
 *
 * <p>Scenarios, booted once per trial as check boots them ({@link CheckScenario}):
 * <ul>
 *   <li>{@code hello-1cpu}: {@code spinlab check examples/hello --cpus 1} (7,840 states in
 *       all, 39,566 with {@code --reductions none}: each search runs to its end);
 *   <li>{@code hello-2cpu}: {@code spinlab check examples/hello --cpus 2} (741,808 states in
 *       all: the bound stops it);
 *   <li>{@code prerouting-2cpu}: {@code spinlab check examples/prerouting --cpus 2 --rx 1}
 *       with one ping ({@code ping -c 1 127.0.0.1}) instead of the manifest's {@code ping -c 2}
 *       (what check explores for the directory with that one word of its manifest changed).
 * </ul>
 * {@code reductions} is check's {@code --reductions}; with {@code all} a state stands for
 * more interleavings, so states/s alone understates what the reductions gain.
 *
 * <p>Run from the repository root: {@code mvn -q -B install -DskipTests &&
 * mvn -q -B -f bench/pom.xml package && java -jar bench/target/benchmarks.jar CheckBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
// the throughput collector, as the spinlab launcher runs check
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
public class CheckBench {
    @Param({"hello-1cpu", "hello-2cpu", "prerouting-2cpu"})
    String scenario;

    @Param({"all", "none"})
    String reductions;

    /** check's --max-states for each search; 0: the scenario's own (see {@link #boot}). */
    @Param({"0"})
    long maxStates;

    private long bound;

    private Kernel kernel;
    private Reductions red;
    private Explorer.Result<KState> last;

    /**
     * What the searches of an iteration explored. OPERATIONS, not EVENTS: JMH divides these by
     * the iteration's time like the primary score (per second, labelled ops/s); EVENTS would
     * print the raw sums.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Explored {
        public long states;
        public long transitions;

        @Setup(Level.Iteration)
        public void reset() {
            states = 0;
            transitions = 0;
        }
    }

    @Setup(Level.Trial)
    public void boot() {
        kernel = CheckScenario.boot(scenario);
        red = Reductions.parse(reductions);
        // about 1-2 s a search once compiled (several times that cold)
        bound = maxStates > 0 ? maxStates : scenario.equals("hello-1cpu") ? 100_000 : 50_000;
    }

    /** One bounded search, as check runs it (a fresh model from the booted state, one thread). */
    @Benchmark
    public Explorer.Result<KState> bfs(Explored explored) {
        KernelModel model = new KernelModel(kernel, kernel.state(), red);
        Explorer.Result<KState> r = new Explorer<>(model,
                new Explorer.Bounds(bound, 100_000, Runtime.getRuntime().maxMemory() * 3 / 4, 1)).bfs();
        explored.states += r.states();
        explored.transitions += r.transitions();
        last = r;
        return r;
    }

    @TearDown(Level.Trial)
    public void summary() {
        if (last != null) {
            System.out.printf("%n%s, reductions %s: %s%s, %d states, %d transitions, depth %d, %d findings%n",
                    scenario, reductions, last.verdict(), last.boundHit() != null ? " (" + last.boundHit() + ")" : "",
                    last.states(), last.transitions(), last.depth(), last.findings().size());
        }
    }
}
