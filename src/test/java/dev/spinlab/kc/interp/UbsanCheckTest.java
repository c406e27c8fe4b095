package dev.spinlab.kc.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.ExecFault;
import dev.spinlab.machine.Intrinsic;
import dev.spinlab.machine.MachineObserver;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiler's sanitizer checks (FunctionCompiler.sanitize, gcc's -fsanitize=shift exponent
 * and -fsanitize=integer-divide-by-zero): the handler each image links under
 * __ubsan_handle_* is called with the operands and type descriptors before a bad operation,
 * never before a good one; the operation then does what x86 does (a shift by the count modulo
 * the width; idiv traps on the minimum divided by -1).
 */
class UbsanCheckTest {
    record Call(String handler, long[] args) {}

    static final class Run {
        final List<Call> calls = new ArrayList<>();
        Interpreter.Outcome end;
        long result;
        Fault fault;
    }

    static Run run(String body) {
        String src = "long n, m, z;\nlong f(void) {\n" + body + "\n}\n";
        CodeSpace code = new CodeSpace();
        MachineState s = new MachineState(1);
        Run run = new Run();
        var tu = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>())
                .compileString("ub.c", src);
        Linker.Image img = new Linker(code, s.mem, name -> name.startsWith("__ubsan_handle_")
                ? (Intrinsic) (env, a) -> {
                    run.calls.add(new Call(name, a.clone()));
                    return 0;
                } : null).link(List.of(tu));
        Interpreter in = new Interpreter(code, MachineObserver.NONE);
        ExecContext c = s.newContext(8192);
        in.start(c, img.address("f"));
        s.pushContext(0, c.id);
        for (int i = 0; i < 1000; i++) {
            run.end = in.step(s, 0);
            if (run.end != Interpreter.Outcome.PROGRESS) {
                break;
            }
        }
        run.result = c.exitCode;
        run.fault = run.end == Interpreter.Outcome.FAULTED ? in.lastFault() : null;
        return run;
    }

    @Test
    void aShiftByTheWidthOrMoreIsReportedAndShiftsByTheCountModuloTheWidth() {
        Run r = run("int v = 1; n = 100; return v << n;");
        assertThat(r.calls).hasSize(1);
        Call c = r.calls.get(0);
        assertThat(c.handler()).isEqualTo("__ubsan_handle_shift_out_of_bounds");
        // int: signed, 2^5 bits, name 0; long count: signed, 2^6 bits, name 2
        assertThat(c.args()).containsExactly(1 | 5 << 1, 1 | 6 << 1 | 2 << 8, 1, 100);
        assertThat(r.result).isEqualTo(16); // x86: 100 & 31 = 4
    }

    @Test
    void aNegativeShiftCountIsReported() {
        Run r = run("unsigned long v = 256; int k = -3; return v >> k;");
        assertThat(r.calls).extracting(Call::handler).containsExactly("__ubsan_handle_shift_out_of_bounds");
        assertThat(r.calls.get(0).args()[3]).isEqualTo(-3);
        assertThat(r.calls.get(0).args()[0]).isEqualTo(6 << 1 | 3 << 8); // unsigned long
        assertThat(r.result).isEqualTo(256L >>> (-3 & 63));
    }

    @Test
    void goodOperationsCallNothing() {
        Run r = run("int v = 3; n = 31; m = 7; long x = (v << n) + (v >> 1) + 100 / m + 100 % m; n = 63; return x + (1L << n);");
        assertThat(r.calls).isEmpty();
        assertThat(r.end).isEqualTo(Interpreter.Outcome.EXITED);
    }

    @Test
    void theMinimumDividedByMinusOneIsReportedThenTrapsAsIdivDoes() {
        Run r = run("int v = -2147483647 - 1; int d = -1; return v / d;");
        assertThat(r.calls).hasSize(1);
        assertThat(r.calls.get(0).handler()).isEqualTo("__ubsan_handle_divrem_overflow");
        assertThat(r.calls.get(0).args()).containsExactly(1 | 5 << 1, Integer.MIN_VALUE, -1);
        assertThat(r.fault.kind()).isEqualTo(ExecFault.Kind.DIV_ZERO);
        assertThat(r.fault.message()).isEqualTo("division overflow");

        Run rem = run("m = -1; n = (-9223372036854775807L - 1); return n % m;");
        assertThat(rem.calls).extracting(Call::handler).containsExactly("__ubsan_handle_divrem_overflow");
        assertThat(rem.fault.kind()).isEqualTo(ExecFault.Kind.DIV_ZERO);
    }

    @Test
    void aDivisionByZeroIsReportedBeforeItsFault() {
        Run r = run("unsigned int u = 5; return u / (unsigned int)z;");
        assertThat(r.calls).extracting(Call::handler).containsExactly("__ubsan_handle_divrem_overflow");
        assertThat(r.fault.message()).isEqualTo("division by zero");
        // INT_MIN / -1 in a wider type is fine: -2147483648L / -1
        Run wide = run("long v = -2147483647 - 1; m = -1; return v / m;");
        assertThat(wide.calls).isEmpty();
        assertThat(wide.result).isEqualTo(2147483648L);
    }
}
