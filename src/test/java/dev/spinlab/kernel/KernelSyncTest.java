package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model kernel's sleeping and atomic synchronisation primitives (wait queues, completions,
 * mutexes, semaphores, rwlocks, atomics, workqueues), each exercised by a small module under
 * src/test/resources/kernel/sync/ on a booted 2-CPU machine; the assertions are on the kernel
 * log and the findings of the run.
 */
class KernelSyncTest {

    private record Run(Kernel kernel, Simulation.Result result) {
        List<String> lines() {
            List<String> out = new ArrayList<>();
            for (LogRecord r : kernel.log()) {
                out.add(r.isKernel() ? r.text() : r.source() + ": " + r.text());
            }
            return out;
        }

        int index(String prefix) {
            List<String> l = lines();
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i).startsWith(prefix)) {
                    return i;
                }
            }
            throw new AssertionError("no line starting with \"" + prefix + "\" in\n" + String.join("\n", l));
        }

        long timeOf(String prefix) {
            return kernel.log().get(index(prefix)).timeNs();
        }

        List<String> findingKinds() {
            return kernel.findings().stream().map(f -> f.kind().id).toList();
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(KernelSyncTest.class.getResource("/kernel/sync/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Boots with the module and programs (NAME:FILE), runs to the end, at most 5 s of simulated time. */
    private static Run run(String module, String... programs) {
        return run(PreemptModel.VOLUNTARY, 1, module, programs);
    }

    private static Run run(PreemptModel preempt, long seed, String module, String... programs) {
        KernelConfig config = new KernelConfig(2, preempt, seed, 5_000_000_000L, 1, 5_000_000L,
                PreprocessorOptions.defaults());
        List<Kernel.Program> progs = new ArrayList<>();
        for (String p : programs) {
            String[] nv = p.split(":");
            progs.add(new Kernel.Program(nv[0], List.of(resource(nv[1]))));
        }
        Kernel k = Kernel.boot(config, List.of(resource(module)), progs, new SourceMap(), new ArrayList<>());
        Simulation.Result r = new Simulation(k).run();
        Run run = new Run(k, r);
        if (Boolean.getBoolean("sync.dump")) {
            run.kernel().log().forEach(l -> System.out.println(l.timestamp() + " " + l.source() + " " + l.text()));
            System.out.println(r);
        }
        return run;
    }

    private static int count(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        int n = 0;
        for (String l : lines) {
            if (p.matcher(l).find()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void mutexSerialisesTwoProcessesWritingToADriver() {
        Run run = run("mutex_drv.c", "a:mutex_user.c", "b:mutex_user.c");
        List<String> lines = run.lines();

        assertThat(run.result().end()).isEqualTo(Simulation.End.ALL_EXITED);
        assertThat(lines).noneMatch(l -> l.contains("VIOLATION"));
        assertThat(lines).anyMatch(l -> l.matches("a/\\d+: done")).anyMatch(l -> l.matches("b/\\d+: done"));
        // every update survived the sleep inside the critical section: 1..10, in order
        List<Integer> values = new ArrayList<>();
        Matcher m;
        for (String l : lines) {
            if ((m = Pattern.compile("^[ab]: counter (\\d+)$").matcher(l)).matches()) {
                values.add(Integer.parseInt(m.group(1)));
            }
        }
        assertThat(values).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // the two processes really contended: b got in before a had finished
        assertThat(run.index("b: counter")).isLessThan(run.index("a/"));
        assertThat(run.kernel().findings()).isEmpty();
    }

    /* Other interleavings and preemption models: sleeping and waking stay correct (no lost wake-up, no hang). */
    @ParameterizedTest
    @CsvSource({"NONE,2", "VOLUNTARY,3", "FULL,1", "FULL,4", "FULL,5"})
    void mutexWritersCompleteUnderEveryPreemptionModel(PreemptModel preempt, long seed) {
        Run run = run(preempt, seed, "mutex_drv.c", "a:mutex_user.c", "b:mutex_user.c");

        assertThat(run.result().end()).isEqualTo(Simulation.End.ALL_EXITED);
        assertThat(run.lines()).noneMatch(l -> l.contains("VIOLATION"));
        assertThat(run.lines()).anyMatch(l -> l.matches("[ab]: counter 10"));
        assertThat(run.kernel().findings()).isEmpty();
    }

    @Test
    void mutexLockUnderASpinlockIsASleepInAtomicContext() {
        Run run = run("mutex_in_atomic.c");

        assertThat(run.lines()).anyMatch(l -> l.startsWith(
                "BUG: sleeping function called from invalid context at kernel/locking/mutex.c:"));
        assertThat(run.lines()).contains("in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: init");
        // might_sleep() first, then lockdep's wait-context check at mutex_acquire (a mutex,
        // LD_WAIT_SLEEP, under a spinlock_t, LD_WAIT_CONFIG), as a kernel with both prints
        assertThat(run.findingKinds()).containsExactly("sleep-in-atomic", "lockdep:invalid-wait-context");
        assertThat(run.lines()).contains("[ BUG: Invalid wait context ]");
        assertThat(KernelIntrinsics.names(run.kernel().findings().get(0).stack()))
                .containsSubsequence("__might_sleep", "mutex_lock", "bad_init");
        assertThat(run.lines()).contains("bad_init finished");
    }

    @Test
    void mutexUnlockedByATaskThatDoesNotOwnItWarns() {
        Run run = run("mutex_owner.c");

        assertThat(run.lines()).contains("locked: 1");
        // lockdep sees the release first (mutex_release() comes before the owner check, as in
        // the kernel); its report clears debug_locks (debug_locks_off), which silences the
        // mutex debugging's DEBUG_LOCKS_WARN_ON, as in the kernel: one report only
        assertThat(run.findingKinds()).containsExactly("lockdep:bad-unlock-balance");
        assertThat(run.kernel().findings()).allMatch(f -> f.task().equals("stranger"));
        assertThat(run.lines()).contains("WARNING: bad unlock balance detected!")
                .doesNotContain("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)");
        // as in the kernel, the report does not stop the unlock
        assertThat(run.lines()).contains("trylock after the foreign unlock: 1");
    }

    @Test
    void completionsAndWaitQueuesWakeTheirWaiters() {
        Run run = run("completion_timer.c");
        List<String> lines = run.lines();

        assertThat(run.result().end()).isEqualTo(Simulation.End.BOOTED);
        // the timer's callback runs in softirq context 10 jiffies later and ends both waits
        assertThat(run.index("timer callback in_softirq=1"))
                .isLessThan(run.index("wait_event returned after 10 jiffies"));
        assertThat(run.timeOf("wait_event returned")).isGreaterThanOrEqualTo(100_000_000L);
        assertThat(lines).contains("completion observed, done=0");
        // complete_all() releases both waiters, not before
        assertThat(lines).contains("before complete_all: released=0", "after complete_all: released=2",
                "waiter1 released", "waiter2 released");
        // wake_up_interruptible_all() ends the statement form and the condition-function form
        assertThat(lines).contains("iwaiter saw flag2=1",
                "fnwaiter: wait_event_interruptible_fn returned 0, flag2=1");
        assertThat(run.kernel().findings()).isEmpty();
    }

    @Test
    void workRunsInAKworkerAndFlushWaitsForIt() {
        Run run = run("workqueue.c");
        List<String> lines = run.lines();

        assertThat(lines).contains("schedule_work: 1 then 0");
        assertThat(lines).anyMatch(l -> l.matches("work runs in kworker/\\d:0 \\(in_task=1\\)"));
        assertThat(run.index("work finished")).isLessThan(run.index("flush_work returned 1, work_done=1"));
        assertThat(run.timeOf("flush_work returned")).isGreaterThanOrEqualTo(50_000_000L);
        assertThat(lines).contains("flush_work of an idle work returned 0", "delayed work queued, ran=0",
                "after msleep(100), ran=1");
        Matcher m = Pattern.compile("delayed work runs in kworker/\\d:0 after (\\d+) jiffies")
                .matcher(lines.get(run.index("delayed work runs in")));
        assertThat(m.matches()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(5);
        assertThat(lines).contains("cancel_delayed_work_sync returned 1", "cancelled work ran=0 pending=0");
        assertThat(lines).noneMatch(l -> l.contains("cancelled work ran\n") || l.equals("cancelled work ran"));
        assertThat(run.kernel().findings()).isEmpty();
    }

    @Test
    void semaphoreOfTwoAdmitsTwoHoldersAndBlocksTheThird() {
        Run run = run("semaphore.c");
        List<String> lines = run.lines();

        assertThat(lines).contains("after 20ms: holders=2 count=0 trylock=1", "all done: max_holders=2 count=2");
        assertThat(count(lines, "^holder\\d in")).isEqualTo(3);
        // the third holder got in only after one of the first two left
        int third = run.index("holder3 in");
        assertThat(Math.min(run.index("holder1 out"), run.index("holder2 out"))).isLessThan(third);
        // down_trylock() returns 0 on success, as in the kernel
        assertThat(lines).contains("binary: trylock=0 trylock=1");
        assertThat(run.kernel().findings()).isEmpty();
    }

    @Test
    void rwlockReadersShareAndAWriterExcludes() {
        Run run = run("rwlock.c");
        List<String> lines = run.lines();

        assertThat(lines).contains("readers shared the lock: 2 of 2", "exclusion violations: 0",
                "write held: read_trylock=0 write_trylock=0", "read held: write_trylock=0 read_trylock=1",
                "recursive read_lock taken while a writer waits (writer_trying=1)");
        assertThat(run.index("recursive read_lock taken"))
                .isLessThan(run.index("writer got the lock after the reader left"));
        assertThat(run.kernel().findings()).isEmpty();
    }

    @Test
    void atomicIncrementsFromTwoCpusAreNeverLost() {
        Run run = run("atomic.c");
        List<String> lines = run.lines();

        assertThat(lines).anyMatch(l -> l.startsWith("inc1 ran on CPU"));
        assertThat(lines).anyMatch(l -> l.startsWith("inc2 ran on CPU"));
        assertThat(run.index("inc1 ran on CPU")).isNotNegative();
        String cpu1 = lines.get(run.index("inc1 ran on CPU"));
        String cpu2 = lines.get(run.index("inc2 ran on CPU"));
        assertThat(cpu1.substring(cpu1.length() - 1)).isNotEqualTo(cpu2.substring(cpu2.length() - 1));
        Matcher m = Pattern.compile("atomic counter (\\d+) of 3000, plain counter (\\d+)")
                .matcher(lines.get(run.index("atomic counter")));
        assertThat(m.matches()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(3000);
        // the same interleaving loses plain increments: the run really raced
        assertThat(Integer.parseInt(m.group(2))).isLessThan(3000);
        assertThat(lines).contains("cmpxchg 5 7 xchg 7 dec_and_test 1 value 0",
                "add_return 10 sub_return 7 fetch_add 7 inc_return 12 dec_return 11 value 11",
                "test_and_set_bit 0 1 test_bit 1 bits 200000000 0",
                "after set_bit(70) clear_bit(33): 0 40 test_bit(70) 1");
    }
}
