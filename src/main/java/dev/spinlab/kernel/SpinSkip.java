package dev.spinlab.kernel;

import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.Fingerprint;
import dev.spinlab.machine.MachineState;

/*
 * Implementation notes.
 *
 * run's busy-wait detector (Simulation). A CPU spins when its step changed nothing anyone
 * can see and brought it back to a state of its own it had after one of its last ROUND
 * steps, with nothing seen changed since: it is going round a loop that reads only what
 * no one writes, and will keep doing so until something changes. "What anyone can see" is
 * seen(): the memory's change count and top, every CPU's registers outside its contexts
 * (irq mask, preempt_count, event register, monitor, pending lines, context stack), the
 * device budgets, and the kernel's output, findings and clock reads (Kernel.outputEvents,
 * clockReads): a loop that prints or reads local_clock() is doing something each round.
 * A CPU's own state is its running context's registers and frames, by fingerprint.
 */
/** Tells which CPUs of a run are going round a busy-wait that nothing changes (see above). */
final class SpinSkip {
    /** The longest round, in steps (visible operations), recognised as a loop. */
    static final int ROUND = 8;
    /** Steps in a row that change nothing seen before a CPU's own state is looked at. */
    static final int QUIET = 4;

    private final Kernel k;
    private final MachineState s;
    /** Per CPU, its last ROUND (own state, seen) pairs after a step that changed nothing seen. */
    private final long[][] own;
    private final long[][] seenAt;
    private final int[] next;
    /** Per CPU: its steps so far, and the step after which each ring entry was made. */
    private final long[] ownSteps;
    private final long[][] madeAt;
    /** Per CPU: the length of the round it was found going round, in its steps. */
    private final long[] round;
    /** Per CPU: the seen() value at which it was found spinning, or NOT_SPINNING. */
    private final long[] spinningAt;
    /** Per CPU: its steps in a row that changed nothing seen. */
    private final int[] quiet;
    /** seen() after the last step (NOT_SPINNING after an event). */
    private long lastSeen = NOT_SPINNING;
    private static final long NOT_SPINNING = 0x5eedL;

    SpinSkip(Kernel k) {
        this.k = k;
        this.s = k.state;
        this.own = new long[s.ncpu][ROUND];
        this.seenAt = new long[s.ncpu][ROUND];
        this.next = new int[s.ncpu];
        this.ownSteps = new long[s.ncpu];
        this.madeAt = new long[s.ncpu][ROUND];
        this.round = new long[s.ncpu];
        this.spinningAt = new long[s.ncpu];
        this.quiet = new int[s.ncpu];
        java.util.Arrays.fill(spinningAt, NOT_SPINNING);
        for (long[] row : seenAt) {
            java.util.Arrays.fill(row, NOT_SPINNING);
        }
    }

    /** Everything a step of any CPU may look at, except the CPUs' contexts, as one value. */
    long seen() {
        long h = Fingerprint.mix(s.mem.changes() * 31 + s.mem.top());
        for (int c = 0; c < s.ncpu; c++) {
            h = Fingerprint.mix(h ^ s.irqEnabled[c]) + s.preemptCount[c];
            h = Fingerprint.mix(h ^ s.eventFlag[c]) + s.exclusive[c];
            h = Fingerprint.mix(h ^ s.pendingIrq[c]) + s.nesting(c);
            for (int level = 0; level < s.nesting(c); level++) {
                h = Fingerprint.mix(h ^ s.contextAt(c, level));
            }
        }
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(7, s.deviceEvents, s.deviceEvents.length)) + s.contextCount();
        h = Fingerprint.mix(h ^ k.outputEvents) + k.log.size();
        h = Fingerprint.mix(h ^ k.findings.size()) + k.clockReads;
        return h == NOT_SPINNING ? h + 1 : h;
    }

    /**
     * After a step of cpu, which ran (progressed: not blocked, exited or faulted) or not. The
     * step changed nothing seen when seen() is what it was after the step before it (of any
     * CPU; an event in between forgets that). The CPU spins when such a step brings its own
     * state back to one it had after a recent step, with seen() the same then. Its own state
     * is fingerprinted only after QUIET such steps in a row: most steps change something, and
     * a fingerprint per step cost run a tenth of its time.
     */
    void stepped(int cpu, boolean progressed) {
        ownSteps[cpu]++;
        long after = seen();
        boolean quietStep = progressed && after == lastSeen && s.currentContext(cpu) >= 0;
        lastSeen = after;
        if (!quietStep) {
            forget(cpu);
            return;
        }
        if (++quiet[cpu] < QUIET) {
            return;
        }
        int ctx = s.currentContext(cpu);
        long mine = Fingerprint.mix(s.peekContext(ctx).fingerprint() + ctx);
        for (int i = 0; i < ROUND; i++) {
            if (own[cpu][i] == mine && seenAt[cpu][i] == after) {
                spinningAt[cpu] = after;
                round[cpu] = ownSteps[cpu] - madeAt[cpu][i];
                return;
            }
        }
        own[cpu][next[cpu]] = mine;
        seenAt[cpu][next[cpu]] = after;
        madeAt[cpu][next[cpu]] = ownSteps[cpu];
        next[cpu] = (next[cpu] + 1) % ROUND;
    }

    private void forget(int cpu) {
        spinningAt[cpu] = NOT_SPINNING;
        quiet[cpu] = 0;
        java.util.Arrays.fill(seenAt[cpu], NOT_SPINNING);
    }

    /** The length in steps of the round a spinning CPU goes (see allSpinning). */
    long round(int cpu) {
        return round[cpu];
    }

    /** After an event (a tick, an interrupt taken, an NMI): every CPU shows its loop again. */
    void forgetAll() {
        for (int cpu = 0; cpu < s.ncpu; cpu++) {
            forget(cpu);
        }
        lastSeen = NOT_SPINNING;
    }

    /** Whether each of the n CPUs in cpus spins with nothing seen changed since it was found to. */
    boolean allSpinning(int[] cpus, int n) {
        for (int i = 0; i < n; i++) {
            if (spinningAt[cpus[i]] == NOT_SPINNING) {
                return false;
            }
        }
        long now = seen();
        for (int i = 0; i < n; i++) {
            if (spinningAt[cpus[i]] != now) {
                return false;
            }
        }
        return true;
    }
}
