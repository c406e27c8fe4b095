package dev.spinlab.kc.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kc.rt.Libc;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineObserver;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The machine state is a faithful value: stepping a copy gives the same fingerprints as
 * stepping the original, a copy is unaffected by steps of the original, and states reached
 * by the same schedule are equal and hash equal.
 */
class StateValueProperties {
    /** Two CPUs sharing a counter, a heap list and a string buffer: memory, heap and stack traffic. */
    static final String PROGRAM = String.join("\n",
            "#include <stdlib.h>",
            "#include <string.h>",
            "struct node { int v; struct node *next; };",
            "int counter; struct node *head; char buf[32];",
            "static int work(int id, int n) {",
            "  int local[4] = {id, n, 0, 0};",
            "  for (int i = 0; i < n; i++) {",
            "    counter += local[0] + i;",
            "    struct node *x = malloc(sizeof *x);",
            "    x->v = i; x->next = head; head = x;",
            "    if (i % 3 == 0) { buf[(i + id) % 31] = 'a' + i % 26; }",
            "    local[2] ^= counter;",
            "  }",
            "  while (head && head->v > n / 2) { struct node *d = head; head = head->next; free(d); }",
            "  return local[2] & 0x7f;",
            "}",
            "int cpu0(void) { return work(1, 9); }",
            "int cpu1(void) { return work(2, 7); }");

    static MachineState initial;
    static Interpreter interp;

    static synchronized void boot() {
        if (initial != null) {
            return;
        }
        Frontend fe = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>());
        TranslationUnit tu = fe.compileString("state.c", PROGRAM);
        CodeSpace code = new CodeSpace();
        MachineState s = new MachineState(2);
        Linker.Image img = new Linker(code, s.mem, new Libc()::lookup).link(List.of(tu));
        interp = new Interpreter(code, MachineObserver.NONE);
        ExecContext a = s.newContext(16 * 1024);
        ExecContext b = s.newContext(16 * 1024);
        interp.start(a, img.address("cpu0"));
        interp.start(b, img.address("cpu1"));
        s.pushContext(0, a.id);
        s.pushContext(1, b.id);
        initial = s;
    }

    @Provide
    Arbitrary<List<Integer>> schedules() {
        return Arbitraries.integers().between(0, 1).list().ofMinSize(1).ofMaxSize(300);
    }

    private static void run(MachineState s, List<Integer> schedule) {
        for (int cpu : schedule) {
            interp.step(s, cpu);
        }
    }

    @Property(tries = 60)
    void steppingACopyMatchesSteppingTheOriginal(@ForAll("schedules") List<Integer> prefix,
                                                 @ForAll("schedules") List<Integer> suffix) {
        boot();
        MachineState original = initial.copy();
        run(original, prefix);
        long atFork = original.fingerprint();
        MachineState copy = original.copy();
        assertThat(copy.fingerprint()).isEqualTo(atFork);
        assertThat(copy.sameAs(original)).isTrue();
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int cpu : suffix) {
            interp.step(original, cpu);
            a.add(original.fingerprint());
        }
        MachineState untouched = copy.copy();
        for (int cpu : suffix) {
            interp.step(copy, cpu);
            b.add(copy.fingerprint());
        }
        assertThat(b).isEqualTo(a);
        assertThat(copy.sameAs(original)).isTrue();
        assertThat(untouched.fingerprint()).isEqualTo(atFork);
    }

    @Property(tries = 60)
    void equalStatesHashEqualAndDifferentStatesDiffer(@ForAll("schedules") List<Integer> x,
                                                      @ForAll("schedules") List<Integer> y) {
        boot();
        MachineState s1 = initial.copy();
        MachineState s2 = initial.copy();
        run(s1, x);
        run(s2, y);
        if (s1.sameAs(s2)) {
            assertThat(s1.fingerprint()).isEqualTo(s2.fingerprint());
        } else {
            // 64-bit fingerprints of distinct states collide with negligible probability
            assertThat(s1.fingerprint()).isNotEqualTo(s2.fingerprint());
        }
    }

    @Property(tries = 30)
    void theSameScheduleReachesTheSameState(@ForAll("schedules") List<Integer> schedule,
                                            @ForAll @IntRange(min = 0, max = 50) int cut) {
        boot();
        MachineState s1 = initial.copy();
        run(s1, schedule);
        MachineState s2 = initial.copy();
        int k = Math.min(cut, schedule.size());
        run(s2, schedule.subList(0, k));
        MachineState s3 = s2.copy();
        run(s3, schedule.subList(k, schedule.size()));
        assertThat(s3.sameAs(s1)).isTrue();
        assertThat(s3.fingerprint()).isEqualTo(s1.fingerprint());
    }
}
