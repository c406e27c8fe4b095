package dev.spinlab.kc.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.IrFunction;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.ir.Op;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kc.rt.Libc;
import dev.spinlab.machine.AccessObserver;
import dev.spinlab.machine.ArchIntrinsics;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineObserver;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * READ_ONCE/WRITE_ONCE (the model's __spinlab_once) compile to the same loads and stores as a
 * plain access, marked (Op.MARKED), and an aligned marked access of at most 8 bytes reaches
 * the access observer as marked, so that a data-race monitor does not report two of them
 * (KCSAN takes the kernel's volatile forms as atomic).
 */
class MarkedAccessTest {
    static final String SRC = String.join("\n",
            "struct s { int a; long b; };",
            "struct s g;",
            "char buf[16];",
            "int rplain(void) { return g.a; }",
            "int ronce(void) { return __spinlab_once(g.a); }",
            "int wplain(void) { g.b = 5; return 0; }",
            "int wonce(void) { __spinlab_once(g.b) = 5; return 0; }",
            "int rmisaligned(void) { return __spinlab_once(*(int *)(buf + 1)); }");

    record Access(long size, boolean write, boolean marked) {}

    record Run(MachineState state, Linker.Image image, CodeSpace code, List<Access> accesses) {}

    static Run run(String entry) {
        CodeSpace code = new CodeSpace();
        MachineState s = new MachineState(1);
        Libc libc = new Libc();
        ArchIntrinsics arch = new ArchIntrinsics();
        var tu = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>())
                .compileString("once.c", SRC);
        Linker.Image img = new Linker(code, s.mem, n -> libc.lookup(n) != null ? libc.lookup(n) : arch.lookup(n))
                .link(List.of(tu));
        Interpreter in = new Interpreter(code, MachineObserver.NONE);
        List<Access> seen = new ArrayList<>();
        in.setAccessObserver(new AccessObserver() {
            @Override
            public void access(long addr, long size, boolean write, int fn, int pc) {
                seen.add(new Access(size, write, false));
            }

            @Override
            public void markedAccess(long addr, long size, boolean write, int fn, int pc) {
                seen.add(new Access(size, write, true));
            }
        });
        ExecContext c = s.newContext(8192);
        in.start(c, img.address(entry));
        s.pushContext(0, c.id);
        for (int n = 0; n < 100 && in.step(s, 0) == Interpreter.Outcome.PROGRESS; n++) {
            // to the end
        }
        return new Run(s, img, code, seen);
    }

    static int[] codeOf(Run r, String fn) {
        IrFunction f = r.code().entry(r.code().idOf(r.image().address(fn))).fn();
        return f.code;
    }

    @Test
    void markedAccessesAreThePlainInstructionsWithTheMark() {
        Run r = run("rplain");
        int[] plain = codeOf(r, "rplain");
        int[] once = codeOf(r, "ronce");
        assertThat(once).hasSameSizeAs(plain);
        int marked = 0;
        for (int pc = 0; pc < plain.length; pc += Op.WIDTH) {
            int d = pc + 4;
            if (once[pc] == Op.LOAD) {
                assertThat(once[d]).isEqualTo(plain[d] | Op.MARKED);
                marked++;
            } else {
                assertThat(once[d]).isEqualTo(plain[d]);
            }
        }
        assertThat(marked).isEqualTo(1);
    }

    @Test
    void anAlignedMarkedAccessIsObservedAsMarked() {
        assertThat(run("rplain").accesses()).containsExactly(new Access(4, false, false));
        assertThat(run("ronce").accesses()).containsExactly(new Access(4, false, true));
        assertThat(run("wplain").accesses()).containsExactly(new Access(8, true, false));
        Run w = run("wonce");
        assertThat(w.accesses()).containsExactly(new Access(8, true, true));
        // the mark is no part of the store's size: all 8 bytes written
        assertThat(w.state().mem.load(w.image().address("g") + 8, 8, false)).isEqualTo(5);
        // a misaligned marked access is a plain one, as KCSAN has it
        assertThat(run("rmisaligned").accesses()).containsExactly(new Access(4, false, false));
    }

    @Test
    void onlyAnObjectCanBeAccessedOnce() {
        assertThatThrownBy(() -> new Frontend(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>())
                .compileString("bad.c", "int f(void) { return __spinlab_once(3); }"))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("READ_ONCE/WRITE_ONCE need an object");
    }
}
