package dev.spinlab.bench;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kc.rt.Libc;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineObserver;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Interpreter steps per second and machine-state copy+fingerprint per second.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -B -f bench/pom.xml package &&
 * java -jar bench/target/benchmarks.jar InterpreterBench}
 *
 * <p>The workload is two CPUs each running a loop over a shared array (every iteration a few
 * visible steps, with local arithmetic between them), the shape of kernel code the model runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterpreterBench {
    static final String PROGRAM = String.join("\n",
            "int shared[64];",
            "unsigned long hash(unsigned long x) { x ^= x >> 13; x *= 0x9E3779B97F4A7C15UL; return x ^ (x >> 29); }",
            "int worker(int id) {",
            "  unsigned long h = id;",
            "  for (int i = 0; ; i++) {",
            "    h = hash(h + i);",
            "    shared[h & 63] += 1;",
            "  }",
            "  return 0;",
            "}",
            "int main(void) { return worker(0); }",
            "int main2(void) { return worker(1); }");

    private MachineState base;
    private CodeSpace code;
    private MachineState running;
    private Interpreter interp;
    private int cpu;

    @Setup(Level.Trial)
    public void setup() {
        SourceMap sources = new SourceMap();
        Frontend fe = new Frontend(PreprocessorOptions.defaults(), sources, new ArrayList<>());
        TranslationUnit tu = fe.compileString("bench.c", PROGRAM);
        code = new CodeSpace();
        base = new MachineState(2);
        Linker.Image img = new Linker(code, base.mem, new Libc()::lookup).link(List.of(tu));
        interp = new Interpreter(code, MachineObserver.NONE);
        ExecContext a = base.newContext(64 * 1024);
        ExecContext b = base.newContext(64 * 1024);
        interp.start(a, img.address("main"));
        interp.start(b, img.address("main2"));
        base.pushContext(0, a.id);
        base.pushContext(1, b.id);
        for (int i = 0; i < 1000; i++) {
            interp.step(base, i & 1);
        }
        base.fingerprint(); // as in a search: a state's page hashes are computed once and inherited
        running = base.copy();
    }

    /** One visible step of the interpreter (ops/s = steps per second). */
    @Benchmark
    public Interpreter.Outcome step() {
        cpu ^= 1;
        return interp.step(running, cpu);
    }

    /** Copy of the whole machine state plus its fingerprint, after one step (what a model checker does per transition). */
    @Benchmark
    public long copyStepAndFingerprint() {
        MachineState s = base.copy();
        interp.step(s, 0);
        return s.fingerprint();
    }

    /** Copy and fingerprint alone. */
    @Benchmark
    public long copyAndFingerprint() {
        return base.copy().fingerprint();
    }
}
