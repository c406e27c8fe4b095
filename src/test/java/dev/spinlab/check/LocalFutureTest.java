package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The interleavings reduction's local futures take an interrupt the CPU can only run through
 * as one move (KernelModel.runInterruptAlone): that run must be the only path through its
 * states, and the local future must be exactly the step-by-step search's. Checked along random
 * paths of the second seed on two CPUs (timers armed on both, the tick possible at every step)
 * and of the interrupt example (device interrupts that can also arrive inside a handler).
 */
class LocalFutureTest {
    /**
     * What runInterruptAlone claims: each state it passes through gives the CPU exactly one move
     * of its own (its next step: no event aimed at it can come), so the run is the one path, and
     * it ends where the step-by-step run ends, with the same footprint. Checked against the
     * model's own choices along random paths in which device interrupts can also arrive while
     * a handler runs (each such state must make runInterruptAlone decline).
     */
    @Test
    void anInterruptRunAsOneMoveIsTheOnlyPathThroughItsStates() {
        int[] runsDeclined = new int[2];
        for (KernelModel model : List.of(CheckScenarios.irqsOnTwoCpus(), CheckScenarios.helloOnTwoCpus())) {
            for (long seed = 1; seed <= 3; seed++) {
                tryEveryEventAlong(model, new Random(seed), runsDeclined);
            }
        }
        assertThat(runsDeclined[0]).as("runs taken as one move").isGreaterThan(10);
        assertThat(runsDeclined[1]).as("runs declined").isPositive();
    }

    /** One random path (mostly CPU steps): at each state, every event is checked as above. */
    private static void tryEveryEventAlong(KernelModel model, Random rnd, int[] runsDeclined) {
        KState s = model.initial();
        for (int step = 0; step < 4_000 && model.choices(s) > 0; step++) {
            KState here = s;
            for (int a : model.actions(s)) {
                if (a >= 0) {
                    continue;
                }
                int cpu = model.targetCpu(s, a);
                KState next = model.apply(s, a);
                Footprint oneMove = new Footprint();
                KState end = model.withoutTrace(() -> model.runInterruptAlone(here, next, cpu, oneMove, new Footprint()));
                if (end == null) {
                    runsDeclined[1]++;
                    continue;
                }
                Footprint stepwise = new Footprint();
                KState st = next;
                for (int n = 0; model.fingerprint(st) != model.fingerprint(end); n++) {
                    assertThat(n).as("the step-by-step run reaches the one move's end").isLessThan(InterruptsReduction.HANDLER_BOUND);
                    List<Integer> mine = new ArrayList<>();
                    for (int b : model.actions(st)) {
                        if (b == cpu || (b < 0 && model.targetCpu(st, b) == cpu)) {
                            mine.add(b);
                        }
                    }
                    assertThat(mine).as("moves of CPU %d inside a run taken as one (step %d)", cpu, step)
                            .containsExactly(cpu);
                    KState from = st;
                    st = model.withoutTrace(() -> model.apply(from, cpu));
                    stepwise.addAll(st.step);
                }
                assertThat(oneMove.sameWords(stepwise)).isTrue();
                runsDeclined[0]++;
            }
            // mostly CPU steps, so that each event is tried at many points before it is taken
            List<Integer> acts = model.actions(s);
            int c = rnd.nextInt(acts.size());
            if (acts.get(c) < 0 && acts.get(0) >= 0 && rnd.nextInt(20) != 0) {
                c = 0;
            }
            s = model.successor(s, c);
        }
    }

    @Test
    void anInterruptRunAsOneMoveChangesNoLocalFuture() {
        KernelModel model = CheckScenarios.helloOnTwoCpus();
        InterleavingReduction oneMove = new InterleavingReduction(model, true);
        InterleavingReduction stepwise = new InterleavingReduction(model, false);
        int compared = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            KState s = model.initial();
            for (int step = 0; step < 2_000 && model.choices(s) > 0; step++) {
                if (step % 40 == 0) {
                    for (int cpu = 0; cpu < 2; cpu++) {
                        Footprint fast = oneMove.exploreLocally(s, cpu);
                        Footprint slow = stepwise.exploreLocally(s, cpu);
                        if (fast != InterruptsReduction.FAIL_MARK && slow != InterruptsReduction.FAIL_MARK) {
                            assertThat(fast.sameWords(slow)).as("CPU %d at step %d (seed %d)", cpu, step, seed).isTrue();
                            compared++;
                        } else {
                            // skipping states can only make a search succeed where the step-by-step one ran out
                            assertThat(slow).as("CPU %d at step %d (seed %d)", cpu, step, seed).isSameAs(InterruptsReduction.FAIL_MARK);
                        }
                    }
                }
                s = model.successor(s, rnd.nextInt(model.choices(s)));
            }
        }
        // not vacuous: interrupts were taken as one move, and the two searches agreed often
        assertThat(oneMove.interruptsRunAsOneMove).isPositive();
        assertThat(compared).isGreaterThan(20);
    }

    /**
     * A local search asks for an event's handler footprint, then, when it does not commute, for
     * the same run as one move: runInterruptAlone hands over the run handlerFootprint made
     * (InterruptsReduction.HandlerRun). What it hands over must be what it would run itself:
     * the same end (or none) and the same footprint, checked at every event along random paths
     * of the interrupt example (device interrupts that can also arrive inside a handler).
     */
    @Test
    void aHandlerRunHandedOverIsTheRunItself() {
        KernelModel model = CheckScenarios.irqsOnTwoCpus();
        int handedOver = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Random rnd = new Random(seed);
            KState s = model.initial();
            for (int step = 0; step < 1_500 && model.choices(s) > 0; step++) {
                for (int a : model.actions(s)) {
                    if (a < 0) {
                        int cpu = model.targetCpu(s, a);
                        KState here = s;
                        KState fresh = model.apply(s, a);
                        Footprint own = new Footprint();
                        KState end = model.withoutTrace(() -> model.runInterruptAlone(here, fresh, cpu, own, new Footprint()));
                        // a state with nothing cached: its handler footprint is a run of its own
                        KState bare = new KState(s.machine(), null, List.of());
                        KState next = model.apply(bare, a);
                        model.withoutTrace(() -> model.handlerFootprint(bare, a, next));
                        Footprint handed = new Footprint();
                        KState got = model.withoutTrace(() -> model.runInterruptAlone(bare, next, cpu, handed, new Footprint()));
                        assertThat(got == null).as("step %d (seed %d)", step, seed).isEqualTo(end == null);
                        if (end != null) {
                            assertThat(model.fingerprint(got)).isEqualTo(model.fingerprint(end));
                            assertThat(handed.sameWords(own)).isTrue();
                            handedOver++;
                        }
                    }
                }
                List<Integer> acts = model.actions(s);
                int c = rnd.nextInt(acts.size());
                if (acts.get(c) < 0 && acts.get(0) >= 0 && rnd.nextInt(20) != 0) {
                    c = 0;
                }
                s = model.successor(s, c);
            }
        }
        assertThat(handedOver).as("runs handed over").isGreaterThan(10);
    }
}
