package dev.spinlab.kernel;

import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.machine.MachineState;

/*
 * Implementation notes.
 *
 * Whether the model kernel has work left, for deciding when a run is over (docs/kernel.md,
 * "When a run ends"): every CPU runs its idle task, and no timer is armed on any CPU's
 * timer base (kernel/time/timer.c's timer_bases[]: their lists hold pending timers, which
 * also carry delayed works and schedule_timeout sleeps) and no hrtimer is armed (no CPU's
 * clock event device is programmed, kernel/time/hrtimer.c). Queued work, runnable kthreads and
 * pending softirqs keep a CPU out of its idle task, so they count through the first test.
 * Read from the machine's memory, never written.
 */
final class KernelWork {
    private final Kernel k;
    private final long bases;
    private final long baseSize;
    private final long timersOffset;
    private final long idleTasks;
    /** kernel/time/hrtimer.c's per-CPU clock event compare registers (0: no hrtimer armed). */
    private final long hrtimerCompare;

    KernelWork(Kernel k) {
        this.k = k;
        ArrayType at = (ArrayType) k.globalType("timer_bases");
        CStruct base = new CStruct((StructType) at.element());
        this.bases = k.globalAddress("timer_bases");
        this.baseSize = base.size();
        this.timersOffset = base.addressOf(0, "timers");
        this.idleTasks = k.global("idle_tasks");
        this.hrtimerCompare = k.global("spinlab_hrtimer_compare");
    }

    /** No CPU runs anything but its idle task, and no timer is armed. */
    boolean idle(MachineState s) {
        for (int cpu = 0; cpu < s.ncpu; cpu++) {
            int ctx = s.currentContext(cpu);
            if (ctx < 0 || s.context(ctx).tag != s.mem.getRawLong(idleTasks + 8L * cpu)) {
                return false;
            }
        }
        return armedTimers(s) == 0 && !hrtimerArmed(s);
    }

    /** Some CPU's clock event device is programmed: an hrtimer is armed there. */
    boolean hrtimerArmed(MachineState s) {
        for (int cpu = 0; cpu < s.ncpu; cpu++) {
            if (s.mem.getRawLong(hrtimerCompare + 8L * cpu) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Timers pending on all CPUs' bases. */
    int armedTimers(MachineState s) {
        int n = 0;
        for (int cpu = 0; cpu < s.ncpu; cpu++) {
            long head = bases + cpu * baseSize + timersOffset;
            // raw reads: an armed timer may sit in freed memory (a driver's bug the run will
            // report when it fires); looking must not fault
            for (long e = s.mem.getRawLong(head); e != head && e != 0 && n < 1_000_000; e = s.mem.getRawLong(e)) {
                n++;
            }
        }
        return n;
    }
}
