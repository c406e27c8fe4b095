package dev.spinlab.bench;

import dev.spinlab.check.Reductions;
import dev.spinlab.check.KState;
import dev.spinlab.check.KernelModel;
import dev.spinlab.kernel.Kernel;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one transition of check costs, without the search around it: copy a machine state,
 * take one choice (a CPU's step or an event, --reductions none) and fingerprint the result,
 * as the explorer does for every successor. The states are those of one path of {@code depth}
 * transitions from the scenario's start (CheckScenario; choices taken round-robin, so both
 * CPUs and the events move, and contexts go several calls down the kernel); each call takes
 * the next state of the path and the next of its choices in turn, so the score is an average
 * over the path's transitions, in nanoseconds: copying (memory chunks, the stepped context's
 * registers and frames), interpreting one visible step and hashing what it wrote.
 *
 * <p>Run from the repository root: {@code mvn -q -B install -DskipTests &&
 * mvn -q -B -f bench/pom.xml package && java -jar bench/target/benchmarks.jar TransitionBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
public class TransitionBench {
    @Param({"hello-2cpu", "prerouting-2cpu"})
    String scenario;

    @Param({"400"})
    int depth;

    private KernelModel model;
    private final java.util.List<KState> path = new java.util.ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void walk() {
        Kernel kernel = CheckScenario.boot(scenario);
        model = new KernelModel(kernel, kernel.state(), Reductions.parse("none"));
        KState s = model.initial();
        while (path.size() < depth && model.choices(s) > 0 && model.violation(s) == null) {
            model.fingerprint(s); // as the explorer does for every state it keeps: its hashes are cached
            path.add(s);
            s = model.successor(s, path.size() % model.choices(s));
        }
        System.out.printf("%n%s: a path of %d states%n", scenario, path.size());
    }

    @Benchmark
    public long transition() {
        int i = next++;
        KState s = path.get(i % path.size());
        return model.fingerprint(model.successor(s, (i / path.size()) % model.choices(s)));
    }
}
