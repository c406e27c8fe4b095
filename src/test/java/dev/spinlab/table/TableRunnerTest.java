package dev.spinlab.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.check.Explorer;
import dev.spinlab.kernel.PreemptModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few cells on one CPU (the whole table takes minutes: docs/table.md). */
class TableRunnerTest {
    @TempDir
    Path dir;

    private TableRunner runner() {
        return new TableRunner(new TableRunner.Settings(PreemptModel.VOLUNTARY, 100_000, null, 1), dir);
    }

    /**
     * The answer is the weakest candidate check passes: every weaker one was checked and has a
     * finding, the chosen one was checked and has none — and checking any candidate on its own
     * gives the same verdict as the walk did.
     */
    private static void assertWeakestPassing(TableRunner runner, TableRunner.CellResult r) {
        List<Primitive> cands = r.cell().candidates();
        Primitive chosen = r.chosen();
        assertThat(chosen).isNotNull();
        int i = cands.indexOf(chosen);
        assertThat(r.attempts()).extracting(TableRunner.Attempt::primitive).containsExactlyElementsOf(cands.subList(0, i + 1));
        for (int j = 0; j < i; j++) {
            assertThat(r.attempts().get(j).verdict()).isEqualTo(Explorer.Verdict.FINDINGS);
            assertThat(r.attempts().get(j).checkText()).contains("shortest trace");
        }
        assertThat(r.attempts().get(i).verdict()).isEqualTo(Explorer.Verdict.OK);
    }

    @Test
    void userAgainstSoftirqNeedsBhOnOneCpuAndTheEvidenceIsCheckTraces() {
        TableRunner t = runner();
        TableRunner.CellResult r = t.cell(Cell.parse("user,softirq-A"), 1);
        assertWeakestPassing(t, r);
        assertThat(r.chosen()).isEqualTo(Primitive.SPIN_LOCK_BH);
        assertThat(r.attempts().get(0).findingKinds()).contains("data-race");
        assertThat(r.attempts().get(1).findingKinds()).contains("deadlock");
        assertThat(r.weakerFailure().primitive()).isEqualTo(Primitive.SPIN_LOCK);
        String why = TableReport.why(List.of(r));
        assertThat(why).contains("cell User Context A / Softirq A on 1 CPU: spin_lock_bh")
                .contains("device raises irq 7 on CPU#0").contains("spinlab check: no deadlock or BUG reachable")
                .doesNotContain(dir.toString());
    }

    /** Changing the cell's inputs changes the answer: a hardirq against itself needs nothing, against a task an irq-off lock. */
    @Test
    void theSameHandlerNeedsNothingAndATaskSharingWithAHandlerNeedsIrqsOff() {
        TableRunner t = runner();
        TableRunner.CellResult same = t.cell(Cell.parse("hardirq-A,hardirq-A"), 1);
        assertWeakestPassing(t, same);
        assertThat(same.chosen()).isEqualTo(Primitive.NONE);
        TableRunner.CellResult user = t.cell(Cell.parse("user,hardirq-A"), 1);
        assertWeakestPassing(t, user);
        assertThat(user.chosen()).isEqualTo(Primitive.SPIN_LOCK_IRQ);
        // a candidate stronger than the answer passes too (the walk stopped before it)
        assertThat(t.attempt(Cell.parse("user,hardirq-A"), 1, Primitive.SPIN_LOCK_IRQSAVE).verdict())
                .isEqualTo(Explorer.Verdict.OK);
    }

    /**
     * The doorbell device (the task starts it in its write handler) keeps the overlaps that
     * make the cell: on two CPUs the handler still races with the unlocked task, and on one
     * it still interrupts a task holding the lock with only bottom halves off.
     */
    @Test
    void aTaskAndTheHandlerOfTheDeviceItStartsStillOverlap() {
        TableRunner t = new TableRunner(new TableRunner.Settings(PreemptModel.VOLUNTARY, 30_000, null, 1), dir);
        TableRunner.Attempt none = t.attempt(Cell.parse("user,hardirq-A"), 2, Primitive.NONE);
        assertThat(none.verdict()).isEqualTo(Explorer.Verdict.FINDINGS);
        assertThat(none.findingKinds()).containsExactly("data-race");
        assertThat(none.checkText()).contains("data-race in user_a_none / hardirq_a_none");
        TableRunner.Attempt bh = t.attempt(Cell.parse("user,hardirq-A"), 1, Primitive.SPIN_LOCK_BH);
        assertThat(bh.findingKinds()).containsExactly("deadlock");
    }

    /**
     * A task against a timer its device's handler arms needs bottom halves off on one CPU:
     * the timer can fire inside the task's access (with the interrupts reduction, the device's
     * event was deferred past the access and none was "proved").
     */
    @Test
    void aTaskSharingWithATimerNeedsBhOffOnOneCpu() {
        TableRunner t = new TableRunner(new TableRunner.Settings(PreemptModel.VOLUNTARY, 100_000, null, 1), dir);
        TableRunner.CellResult r = t.cell(Cell.parse("user,timer-A"), 1);
        assertWeakestPassing(t, r);
        assertThat(r.chosen()).isEqualTo(Primitive.SPIN_LOCK_BH);
        assertThat(r.attempts().get(0).findingKinds()).containsExactly("data-race");
    }

    /**
     * The same cell with every reduction of check, interrupts included: the reduction never
     * puts off an event whose handler arms a timer (KernelEvents.armsTimer), so none still fails.
     */
    @Test
    void theInterruptsReductionKeepsAnEventWhoseHandlerArmsATimer() {
        TableRunner t = new TableRunner(new TableRunner.Settings(PreemptModel.VOLUNTARY, 100_000,
                dev.spinlab.check.Reductions.ALL, 1), dir);
        TableRunner.Attempt none = t.attempt(Cell.parse("user,timer-A"), 1, Primitive.NONE);
        assertThat(none.findingKinds()).containsExactly("data-race");
    }

    /**
     * Under PREEMPT_RT the same driver needs only spin_lock against a softirq on one CPU: the
     * softirq runs in a task (the irq thread's local_bh_enable or ksoftirqd) that preempts the
     * unlocked access (a data race with none), and a task holding the rt_mutex-based spinlock_t
     * is not deadlocked by it (the softirq blocks on the lock and boosts the holder), where the
     * non-RT kernel's softirq spins on the CPU of the holder it interrupted.
     */
    @Test
    void onPreemptRtATaskAndASoftirqNeedOnlySpinLock() {
        TableRunner t = new TableRunner(new TableRunner.Settings(PreemptModel.RT, 100_000, null, 1), dir);
        TableRunner.CellResult r = t.cell(Cell.parse("user,softirq-A"), 1);
        assertWeakestPassing(t, r);
        assertThat(r.chosen()).isEqualTo(Primitive.SPIN_LOCK);
        assertThat(r.attempts().get(0).findingKinds()).containsExactly("data-race");
        assertThat(r.attempts().get(0).checkText()).contains("data-race in user_a_none / softirq_a_none")
                .contains("(1 CPU, preempt rt)");
    }

    /**
     * The renaming argument's premise (Cell.representative): a cell and its renaming are the
     * same system, so every candidate's search has the same verdict and the same state count.
     */
    @Test
    void aCellAndItsRenamingHaveTheSameSearches() {
        TableRunner t = runner();
        for (String[] pair : new String[][] {{"user-B,softirq-B", "user-A,softirq-A"}, {"tasklet-B,hardirq-B", "tasklet-A,hardirq-A"}}) {
            Cell renamed = Cell.parse(pair[0]);
            assertThat(renamed.representative()).isEqualTo(Cell.parse(pair[1]));
            TableRunner.CellResult a = t.cell(renamed, 1);
            TableRunner.CellResult b = t.cell(renamed.representative(), 1);
            assertThat(a.attempts()).extracting(TableRunner.Attempt::primitive, TableRunner.Attempt::verdict,
                    TableRunner.Attempt::states).containsExactlyElementsOf(b.attempts().stream()
                    .map(x -> org.assertj.core.groups.Tuple.tuple(x.primitive(), x.verdict(), x.states())).toList());
        }
        // run() checks a representative once and gives the renamed cell its attempts
        List<TableRunner.CellResult> rs = new TableRunner(new TableRunner.Settings(PreemptModel.VOLUNTARY, 100_000, null, 1), dir)
                .run(List.of(Cell.parse("user-A,softirq-A"), Cell.parse("user-B,softirq-B")), List.of(1));
        assertThat(rs.get(1).renamed()).isTrue();
        assertThat(rs.get(1).checked()).isEqualTo(Cell.parse("user-A,softirq-A"));
        assertThat(rs.get(1).attempts()).isEqualTo(rs.get(0).attempts());
        // the whole table: 20 checked cells per CPU count, the 35 others renamings of them
        assertThat(Cell.all().stream().map(Cell::representative).distinct()).hasSize(20);
        assertThat(Cell.parse("softirq-A,softirq-B").representative()).isEqualTo(Cell.parse("softirq-B,softirq-A"));
        assertThat(Cell.parse("timer-B,timer-B").representative()).isEqualTo(Cell.parse("timer-A,timer-A"));
    }

    /**
     * The seed's claim that one tasklet never runs on two CPUs at once, proved on two CPUs.
     * ksoftirqd's busy requeue loop takes and releases a lock each round; before free ticket
     * locks were one state whatever their counters (Memory), the loop's states never repeated
     * and the search hit every bound.
     */
    @Test
    void aTaskletNeverRunsOnTwoCpusAtOnce() {
        TableRunner t = runner();
        TableRunner.CellResult r = t.cell(Cell.parse("tasklet-A,tasklet-A"), 2);
        assertThat(r.boundReached()).as(TableReport.cellText(r)).isFalse();
        assertWeakestPassing(t, r);
        assertThat(r.chosen()).isEqualTo(Primitive.NONE);
    }

    @Test
    void aBoundReachedIsNoClaim() {
        TableRunner tiny = new TableRunner(new TableRunner.Settings(PreemptModel.VOLUNTARY, 50, null, 1), dir);
        TableRunner.CellResult r = tiny.cell(Cell.parse("tasklet-A,tasklet-A"), 1);
        assertThat(r.boundReached()).isTrue();
        assertThat(r.chosen()).isNull();
        assertThat(TableReport.cellText(r)).isEqualTo("bound reached (None)");
    }
}
