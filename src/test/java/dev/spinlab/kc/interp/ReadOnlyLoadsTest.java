package dev.spinlab.kc.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kc.rt.Libc;
import dev.spinlab.machine.ArchIntrinsics;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineObserver;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.Memory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * const objects are placed read-only (gcc's .rodata), and check's read-only reduction
 * (Interpreter.setReadOnlyLocal) makes loads of them local operations: a step runs on
 * through them to the next access another CPU could see.
 */
class ReadOnlyLoadsTest {
    static final String SRC = String.join("\n",
            "struct ops { int (*f)(int); int k; };",
            "static int twice(int x) { return 2 * x; }",
            "static const struct ops my_ops = { .f = twice, .k = 3 };",
            "static const int table[4] = { 1, 2, 3, 4 };",
            "const char *name = \"x\";",                    // pointer to const: the pointer is writable
            "int shared;",
            "int reader(void) { int s = 0; for (int i = 0; i < 4; i++) s += table[i];"
                    + " shared = my_ops.f(my_ops.k) + s; return 0; }",
            "int repoint(void) { name = \"y\"; return 0; }",
            "int vandal(void) { *(int *)&table[1] = 9; return 0; }");

    record Machine(MachineState state, Interpreter interp, Linker.Image image) {}

    static Machine boot(String entry, boolean readOnlyLocal) {
        CodeSpace code = new CodeSpace();
        MachineState s = new MachineState(1);
        Libc libc = new Libc();
        ArchIntrinsics arch = new ArchIntrinsics();
        var tu = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>())
                .compileString("ro.c", SRC);
        Linker.Image img = new Linker(code, s.mem, n -> libc.lookup(n) != null ? libc.lookup(n) : arch.lookup(n))
                .link(List.of(tu));
        Interpreter in = new Interpreter(code, MachineObserver.NONE);
        in.setReadOnlyLocal(readOnlyLocal);
        ExecContext c = s.newContext(8192);
        in.start(c, img.address(entry));
        s.pushContext(0, c.id);
        return new Machine(s, in, img);
    }

    static Interpreter.Outcome runToEnd(Machine m, List<Integer> stepsTaken) {
        for (int n = 1; n < 1000; n++) {
            Interpreter.Outcome o = m.interp().step(m.state(), 0);
            if (o != Interpreter.Outcome.PROGRESS) {
                stepsTaken.add(n);
                return o;
            }
        }
        throw new AssertionError("did not finish");
    }

    @Test
    void loadsOfConstDataAreNoStepsOfTheirOwnWhenAsked() {
        List<Integer> visible = new ArrayList<>();
        List<Integer> local = new ArrayList<>();
        Machine a = boot("reader", false);
        Machine b = boot("reader", true);
        assertThat(runToEnd(a, visible)).isEqualTo(Interpreter.Outcome.EXITED);
        assertThat(runToEnd(b, local)).isEqualTo(Interpreter.Outcome.EXITED);
        // table[0..3], my_ops.f, my_ops.k: six loads that were steps of their own
        assertThat(visible.get(0) - local.get(0)).isEqualTo(6);
        assertThat(a.state().mem.load(a.image().address("shared"), 4, false)).isEqualTo(16);
        assertThat(b.state().mem.load(b.image().address("shared"), 4, false)).isEqualTo(16);
    }

    @Test
    void constObjectsAreReadOnlyAndPointersToConstAreNot() {
        Machine m = boot("repoint", true);
        Memory mem = m.state().mem;
        assertThat(mem.readOnly(m.image().address("name"), 8)).isFalse();
        assertThat(runToEnd(m, new ArrayList<>())).isEqualTo(Interpreter.Outcome.EXITED);
        Machine v = boot("vandal", true);
        assertThat(runToEnd(v, new ArrayList<>())).isEqualTo(Interpreter.Outcome.FAULTED);
        assertThat(v.interp().lastFault().message()).contains("read-only");
    }
}
