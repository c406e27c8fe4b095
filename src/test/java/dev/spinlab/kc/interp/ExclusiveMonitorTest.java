package dev.spinlab.kc.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.rt.Libc;
import dev.spinlab.machine.ArchIntrinsics;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineObserver;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.SeededChoices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several C threads on several CPUs sharing memory, under seeded schedules: ldrex/strex
 * make an increment atomic, a plain increment loses updates, wfe waits for sev.
 */
class ExclusiveMonitorTest {
    static final String SRC = String.join("\n",
            "#include <arm_acle.h>",
            "unsigned int atomic_counter, plain_counter, flag, seen;",
            "static void atomic_inc(volatile unsigned int *p) {",
            "  unsigned int v;",
            "  do { v = __ldrex(p); } while (__strex(v + 1, p));",
            "}",
            "int atomic_worker(void) { for (int i = 0; i < 20; i++) atomic_inc(&atomic_counter); return 0; }",
            "int plain_worker(void) { for (int i = 0; i < 20; i++) plain_counter++; return 0; }",
            "int waiter(void) { while (!flag) __wfe(); seen = flag; return 0; }",
            "int sender(void) { flag = 7; __dsb(); __sev(); return 0; }",
            "int strex_without_ldrex(void) { return __strex(1, &flag); }",
            "int inc_then_read(void) { atomic_inc(&atomic_counter); seen = flag; return 0; }",
            "int read_between(void) {",
            "  unsigned int v;",
            "  do { v = __ldrex(&atomic_counter); v += flag; } while (__strex(v + 1, &atomic_counter));",
            "  return 0;",
            "}",
            "int store_counter(void) { atomic_counter = 100; return 0; }");

    record Machine(MachineState state, Interpreter interp, Linker.Image image) {}

    static Machine boot(int cpus, String... entries) {
        CodeSpace code = new CodeSpace();
        MachineState s = new MachineState(cpus);
        Libc libc = new Libc();
        ArchIntrinsics arch = new ArchIntrinsics();
        var tu = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>())
                .compileString("mon.c", SRC);
        Linker.Image img = new Linker(code, s.mem, n -> libc.lookup(n) != null ? libc.lookup(n) : arch.lookup(n))
                .link(List.of(tu));
        Interpreter in = new Interpreter(code, MachineObserver.NONE);
        for (int i = 0; i < entries.length; i++) {
            ExecContext c = s.newContext(8192);
            in.start(c, img.address(entries[i]));
            s.pushContext(i, c.id);
        }
        return new Machine(s, in, img);
    }

    /** Runs to completion under seeded choices; returns the number of steps taken. */
    static long runAll(Machine m, long seed) {
        SeededChoices ch = new SeededChoices(seed);
        MachineState s = m.state();
        for (int guard = 0; guard < 100_000; guard++) {
            List<Integer> live = new ArrayList<>();
            for (int cpu = 0; cpu < s.ncpu; cpu++) {
                if (s.context(s.currentContext(cpu)).status.canRun()) {
                    live.add(cpu);
                }
            }
            if (live.isEmpty()) {
                return s.steps;
            }
            m.interp().step(s, live.get(ch.choose(live.size())));
        }
        throw new AssertionError("did not finish");
    }

    static long global(Machine m, String name) {
        return m.state().mem.load(m.image().address(name), 4, false);
    }

    @Test
    void ldrexStrexIncrementIsAtomicUnderEverySeed() {
        for (long seed = 1; seed <= 25; seed++) {
            Machine m = boot(3, "atomic_worker", "atomic_worker", "atomic_worker");
            runAll(m, seed);
            assertThat(global(m, "atomic_counter")).as("seed %d", seed).isEqualTo(60);
        }
    }

    @Test
    void plainIncrementLosesUpdatesUnderSomeSeed() {
        boolean lost = false;
        for (long seed = 1; seed <= 25 && !lost; seed++) {
            Machine m = boot(2, "plain_worker", "plain_worker");
            runAll(m, seed);
            long v = global(m, "plain_counter");
            assertThat(v).isBetween(2L, 40L);
            lost = v < 40;
        }
        assertThat(lost).as("a racy read-modify-write loses an update in some interleaving").isTrue();
    }

    @Test
    void strexFailsWithoutReservationAndAfterACompetingStore() {
        Machine m = boot(1, "strex_without_ldrex");
        runAll(m, 1);
        assertThat(m.state().context(0).exitCode).isEqualTo(1);
        assertThat(global(m, "flag")).isZero();
    }

    @Test
    void wfeWaitsUntilSev() {
        Machine m = boot(2, "waiter", "sender");
        MachineState s = m.state();
        // The waiter alone: it reads flag == 0, then blocks in wfe without progress.
        Interpreter.Outcome o = null;
        for (int i = 0; i < 5; i++) {
            o = m.interp().step(s, 0);
        }
        assertThat(o).isEqualTo(Interpreter.Outcome.BLOCKED);
        long before = s.fingerprint();
        assertThat(m.interp().step(s, 0)).isEqualTo(Interpreter.Outcome.BLOCKED);
        assertThat(s.fingerprint()).isEqualTo(before);
        runAll(m, 1);
        assertThat(global(m, "seen")).isEqualTo(7);
        assertThat(s.eventFlag[0]).isZero(); // the waiter consumed its event
    }

    // ---- check's exclusive-pairs reduction (Interpreter.setExclusivePairs) ----

    @Test
    void pairedLdrexAndStrexAreOneStep() {
        Machine m = boot(1, "inc_then_read");
        m.interp().setExclusivePairs(true);
        MachineState s = m.state();
        stepUntilMonitorOrCounter(m);
        // the step that loaded exclusively also stored: no state lies between the two
        assertThat(global(m, "atomic_counter")).isEqualTo(1);
        assertThat(s.exclusive[0]).isEqualTo(MachineState.NO_MONITOR);
    }

    @Test
    void unpairedTheLdrexIsAStepOfItsOwn() {
        Machine m = boot(1, "inc_then_read");
        MachineState s = m.state();
        stepUntilMonitorOrCounter(m);
        assertThat(global(m, "atomic_counter")).isZero();
        assertThat(s.exclusive[0]).isEqualTo(m.image().address("atomic_counter"));
    }

    @Test
    void aVisibleLoadBetweenEndsThePairAndAStoreThereStillFailsTheStrex() {
        Machine m = boot(2, "read_between", "store_counter");
        m.interp().setExclusivePairs(true);
        MachineState s = m.state();
        stepUntilMonitorOrCounter(m);
        assertThat(s.exclusive[0]).as("stopped after the ldrex, before the load of flag")
                .isEqualTo(m.image().address("atomic_counter"));
        while (s.context(s.currentContext(1)).status.canRun()) {
            m.interp().step(s, 1);
        }
        assertThat(s.exclusive[0]).as("CPU 1's store cleared CPU 0's reservation").isEqualTo(MachineState.NO_MONITOR);
        runAll(m, 1);
        assertThat(global(m, "atomic_counter")).as("the strex failed and the loop took 100 again").isEqualTo(101);
    }

    @Test
    void pairedIncrementsStayAtomicUnderEverySeed() {
        for (long seed = 1; seed <= 10; seed++) {
            Machine m = boot(3, "atomic_worker", "atomic_worker", "atomic_worker");
            m.interp().setExclusivePairs(true);
            runAll(m, seed);
            assertThat(global(m, "atomic_counter")).as("seed %d", seed).isEqualTo(60);
        }
    }

    /** Steps CPU 0 until its exclusive monitor is set or the counter has changed. */
    private static void stepUntilMonitorOrCounter(Machine m) {
        MachineState s = m.state();
        for (int i = 0; i < 50; i++) {
            m.interp().step(s, 0);
            if (s.exclusive[0] != MachineState.NO_MONITOR || global(m, "atomic_counter") != 0) {
                return;
            }
        }
        throw new AssertionError("no exclusive access in 50 steps");
    }
}
