package dev.spinlab.kc.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kc.rt.LibcEffects;
import dev.spinlab.machine.Effects;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.Intrinsic;
import dev.spinlab.machine.Intrinsic.CpuLocality;
import dev.spinlab.machine.MachineObserver;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.Register;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * check's cpu-local reduction (Interpreter.setCpuLocalIntrinsics): a call of an intrinsic
 * declared CPU-local runs inside the step — always, only with the CPU's interrupts masked, or
 * when all the memory it declares is the step's own — and run's interpreter keeps every call
 * a visible operation.
 */
class CpuLocalIntrinsicsTest {
    static final String SRC = String.join("\n",
            "void bump(int n);", "void barrier(void);", "void copy(void *to, const void *from, long n);",
            "void other(void);",
            "static const char msg[4] = \"abc\";",
            "int shared;",
            "char global_buf[4];",
            "int count(void) { bump(1); barrier(); bump(1); shared = 1; return 0; }",
            "int to_stack(void) { char c[4]; copy(c, msg, 4); shared = c[1]; return 0; }",
            "int to_global(void) { copy(global_buf, msg, 4); shared = 2; return 0; }",
            "int from_global(void) { char c[4]; copy(c, global_buf, 4); shared = c[1]; return 0; }",
            "int undeclared(void) { barrier(); other(); shared = 3; return 0; }");

    /** A preempt_count-like register bump (local with interrupts masked), a barrier, a copy. */
    static final Map<String, Intrinsic> INTRINSICS = Map.of(
            "bump", Intrinsic.cpuLocal(CpuLocality.IRQS_OFF, Effects.updates(Register.PREEMPT), (env, a) -> {
                env.state().preemptCount[env.cpu()] += (int) a[0];
                return 0;
            }),
            "barrier", Intrinsic.cpuLocal(CpuLocality.ALWAYS, Effects.NONE, (env, a) -> 0),
            "copy", Intrinsic.cpuLocal(CpuLocality.MEMORY, LibcEffects.COPY, (env, a) -> {
                env.memory().copy(a[0], a[1], a[2]);
                return 0;
            }),
            "other", Intrinsic.declared(Effects.NONE, (env, a) -> 0));

    record Machine(MachineState state, Interpreter interp, Linker.Image image) {}

    static Machine boot(String entry, boolean cpuLocal, boolean irqsOn) {
        CodeSpace code = new CodeSpace();
        MachineState s = new MachineState(1);
        var tu = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>())
                .compileString("local.c", SRC);
        Linker.Image img = new Linker(code, s.mem, INTRINSICS::get).link(List.of(tu));
        Interpreter in = new Interpreter(code, MachineObserver.NONE);
        in.setReadOnlyLocal(true);
        in.setCpuLocalIntrinsics(cpuLocal);
        ExecContext c = s.newContext(8192);
        in.start(c, img.address(entry));
        s.pushContext(0, c.id);
        s.irqEnabled[0] = irqsOn ? 1 : 0;
        return new Machine(s, in, img);
    }

    /** The number of steps the entry takes to exit. */
    static int steps(String entry, boolean cpuLocal, boolean irqsOn) {
        Machine m = boot(entry, cpuLocal, irqsOn);
        for (int n = 1; n < 1000; n++) {
            Interpreter.Outcome o = m.interp().step(m.state(), 0);
            if (o != Interpreter.Outcome.PROGRESS) {
                assertThat(o).isEqualTo(Interpreter.Outcome.EXITED);
                return n;
            }
        }
        throw new AssertionError("did not finish");
    }

    @Test
    void registerCallsRunInsideTheStepOnlyWithInterruptsMasked() {
        int visible = steps("count", false, false);
        // bump, barrier, bump, the store: four visible operations without the reduction
        assertThat(steps("count", false, true)).isEqualTo(visible);
        // interrupts on: the barrier is local, the bumps are not (a handler could come before them)
        assertThat(visible - steps("count", true, true)).isEqualTo(1);
        // interrupts masked: only the store is left
        assertThat(visible - steps("count", true, false)).isEqualTo(3);
    }

    @Test
    void aCopyIsLocalWhenAllItsMemoryIsTheSteps() {
        // read-only source, stack destination: as local as the loads and stores it stands for
        assertThat(steps("to_stack", false, true) - steps("to_stack", true, true)).isEqualTo(1);
        // a destination another CPU can read, or a source another CPU can write: visible
        assertThat(steps("to_global", true, true)).isEqualTo(steps("to_global", false, true));
        assertThat(steps("from_global", true, true)).isEqualTo(steps("from_global", false, true));
    }

    @Test
    void anIntrinsicNotDeclaredCpuLocalStaysVisible() {
        assertThat(steps("undeclared", false, true) - steps("undeclared", true, true)).isEqualTo(1);
    }

    @Test
    void theResultsAreTheSame() {
        Machine a = boot("to_stack", false, false);
        Machine b = boot("to_stack", true, false);
        while (a.interp().step(a.state(), 0) == Interpreter.Outcome.PROGRESS) {
            // run to the end
        }
        while (b.interp().step(b.state(), 0) == Interpreter.Outcome.PROGRESS) {
            // run to the end
        }
        assertThat(b.state().mem.load(b.image().address("shared"), 4, false))
                .isEqualTo(a.state().mem.load(a.image().address("shared"), 4, false)).isEqualTo((long) 'b');
    }
}
