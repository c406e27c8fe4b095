package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The memo of local futures (LocalFutureMemo) answers only where a fresh local search would
 * answer the same: checked hit by hit (InterleavingReduction.verify runs the search anyway and
 * compares), and as a whole (the same search, state for state, with and without the memo). The
 * scenarios cover what the memo's key and checked words must see beyond the footprints: device
 * interrupts whose handlers spin on a lock the other CPU holds (stuck wait loops, handler runs
 * that fail), timers armed on both CPUs, and three CPUs.
 */
class LocalFutureMemoTest {
    private static final Explorer.Bounds BOUNDS = new Explorer.Bounds(12_000, 100_000, Long.MAX_VALUE, 1);

    private static List<Supplier<KernelModel>> scenarios() {
        return List.of(CheckScenarios::irqQuestion, CheckScenarios::helloOnTwoCpus, CheckScenarios::twoTimers,
                () -> CheckScenarios.threeCalls("src/test/resources/check/relay", "relay.c", "reader", "relay", "starter"));
    }

    @Test
    void everyAnswerFromTheMemoIsTheFreshSearchs() {
        for (Supplier<KernelModel> scenario : scenarios()) {
            KernelModel model = scenario.get();
            InterleavingReduction futures = model.interleavings();
            futures.verify = true;
            new Explorer<>(model, BOUNDS).bfs();
            assertThat(futures.memo()).isNotNull();
            assertThat(futures.memo().hits.get()).as("answers from the memo").isGreaterThan(50);
            assertThat(futures.verifyMismatches).as("answers a fresh search did not give").isZero();
        }
    }

    @Test
    void theSearchIsTheSameWithoutTheMemo() {
        for (Supplier<KernelModel> scenario : scenarios()) {
            KernelModel with = scenario.get();
            KernelModel without = scenario.get();
            without.interleavings().remember = false;
            Explorer.Result<KState> a = new Explorer<>(with, BOUNDS).bfs();
            Explorer.Result<KState> b = new Explorer<>(without, BOUNDS).bfs();
            assertThat(without.interleavings().memo()).isNull();
            assertThat(a.states()).isEqualTo(b.states());
            assertThat(a.transitions()).isEqualTo(b.transitions());
            assertThat(a.depth()).isEqualTo(b.depth());
            assertThat(a.findings().size()).isEqualTo(b.findings().size());
        }
    }

    /**
     * What the key must see that no footprint records: the CPU's live stack (its locals) and
     * not another CPU's, the devices' budgets, the timers (jiffies here), the CPU's registers.
     * Checked from a state where both writers are inside their calls.
     */
    @Test
    void theKeySeesTheCpusSideAndNothingOfTheOthers() {
        KernelModel model = CheckScenarios.irqQuestion();
        // the CPUs in turn until CPU 0 runs a function with locals in memory (a live stack)
        KState s = model.initial();
        for (int step = 0; step < 3_000 && !hasLiveStack(s.machine(), 0); step++) {
            s = model.successor(s, Math.min(step % 2, model.choices(s) - 1));
        }
        MachineState m = s.machine();
        assertThat(hasLiveStack(m, 0)).as("a live stack on CPU 0").isTrue();
        LocalFutureMemo memo = new LocalFutureMemo(model.events());
        long key = memo.key(m, 0);
        ExecContext mine = m.peekContext(m.currentContext(0));
        ExecContext theirs = m.peekContext(m.currentContext(1));

        MachineState stack = m.copy();
        stack.mem.rawPut(mine.sp, (byte) (stack.mem.rawByte(mine.sp) + 1));
        assertThat(memo.key(stack, 0)).as("a word of the CPU's live stack").isNotEqualTo(key);

        MachineState other = m.copy();
        other.mem.rawPut(theirs.stackHi - 8, (byte) (other.mem.rawByte(theirs.stackHi - 8) + 1));
        assertThat(memo.key(other, 0)).as("a word of the other CPU's stack").isEqualTo(key);
        other.preemptCount[1]++;
        assertThat(memo.key(other, 0)).as("the other CPU's registers").isEqualTo(key);

        MachineState budget = m.copy();
        budget.deviceEvents[0]--;
        assertThat(memo.key(budget, 0)).as("a device's budget").isNotEqualTo(key);

        MachineState time = m.copy();
        long jiffies = model.kernel().globalAddress("jiffies");
        time.mem.store(jiffies, 8, time.mem.load(jiffies, 8, false) + 1);
        assertThat(memo.key(time, 0)).as("jiffies").isNotEqualTo(key);

        MachineState regs = m.copy();
        regs.irqEnabled[0] ^= 1;
        assertThat(memo.key(regs, 0)).as("the CPU's irq mask").isNotEqualTo(key);
    }

    private static boolean hasLiveStack(MachineState m, int cpu) {
        int ctx = m.currentContext(cpu);
        return ctx >= 0 && m.peekContext(ctx).sp < m.peekContext(ctx).stackHi;
    }

    /**
     * The key compares ticket locks by the difference of their tickets only while no context of
     * the CPU's side is in the ticket lock's code (where a register may hold a ticket): checked
     * along a path that takes the CPUs in turn, at states inside arch_spin_* and outside.
     */
    @Test
    void theKeyComparesTicketsByTheirDifferenceOnlyOutsideTheTicketCode() {
        KernelModel model = CheckScenarios.irqQuestion();
        LocalFutureMemo memo = new LocalFutureMemo(model.events());
        java.util.BitSet ticketCode = model.events().functionsNamed(name -> name.startsWith("arch_spin_"));
        assertThat(ticketCode.isEmpty()).isFalse();
        int inside = 0;
        int outside = 0;
        KState s = model.initial();
        for (int step = 0; step < 4_000 && model.choices(s) > 0; step++) {
            MachineState m = s.machine();
            int ctx = m.currentContext(0);
            if (ctx >= 0) {
                boolean in = false;
                ExecContext c = m.peekContext(ctx);
                for (int fb = 0; fb < c.frameTop; fb += ExecContext.FRAME_WORDS) {
                    in |= ticketCode.get((int) c.frames[fb + ExecContext.F_FN]);
                }
                long relative = memo.key(m, 0) & 1;
                if (in) {
                    assertThat(relative).as("step %d, in the ticket code", step).isZero();
                    inside++;
                } else if (relative == 1) {
                    outside++;
                }
            }
            s = model.successor(s, Math.min(step % 2, model.choices(s) - 1));
        }
        assertThat(inside).as("states inside the ticket code").isPositive();
        assertThat(outside).as("states compared by ticket differences").isPositive();
    }
}
