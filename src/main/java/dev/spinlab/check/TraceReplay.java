package dev.spinlab.check;

import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.LogRecord;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.machine.MachineState;
import java.util.List;
import java.util.function.Predicate;

/**
 * Follows a trace of check (its choices, indices into KernelModel's choices of each state)
 * from the booted kernel with the log on, as {@code spinlab replay} does: every step through
 * check's own path, so a choice means here what it meant to the search. The log is restamped
 * with run's clock (see Clock); at the end, a finding of the last state (a deadlock, an oops
 * the search stops at) is written into the log, since nothing printed it.
 */
public final class TraceReplay {
    /**
     * Where the trace ended: its last state, the clock there, the findings its last step
     * reported, the state's own finding (or null), and whether the target was reached.
     */
    public record Replayed(KState end, long timeNs, List<Finding> reports, Finding violation, boolean reached) {}

    private TraceReplay() {}

    /**
     * The model a check's trace is followed with: the check's reductions (user-steps, read-only
     * and private-data decide how far one step runs) and, when private-data was used, the words
     * that were visible in its answering run (null: none hidden).
     */
    public static KernelModel model(Kernel k, Reductions reductions, List<Long> visibleWords) {
        KernelModel model = new KernelModel(k, k.state(), reductions);
        if (reductions.privateData() && visibleWords != null) {
            model.usePrivateData(PrivateData.withRevealed(visibleWords));
        }
        return model;
    }

    /**
     * Takes the choices from the model's initial state (model(): the booted kernel, as the
     * check searched it). A choice that the state does not offer is an
     * IllegalArgumentException (the sources or spinlab changed since the check).
     *
     * @param target whether a finding is the one the trace leads to
     * @param headline the target's one line, for the log when it is the last state's own finding
     */
    public static Replayed follow(KernelModel model, List<Integer> choices, Predicate<Finding> target, String headline) {
        model.keepKernelFindings(true);
        Kernel k = model.kernel();
        Clock clock = new Clock(k);
        KState s = model.initial();
        for (int i = 0; i < choices.size(); i++) {
            int c = choices.get(i);
            int offered = model.choices(s);
            if (c >= offered) {
                throw new IllegalArgumentException("trace does not match this build of spinlab/model: step " + (i + 1)
                        + " offers only " + offered + " choice" + (offered == 1 ? "" : "s")
                        + ", the trace takes choice " + c);
            }
            int logMark = k.log().size();
            int findingMark = k.findings().size();
            s = model.successor(s, c);
            clock.advance(s.machine());
            clock.stamp(logMark, findingMark);
        }
        int logMark = k.log().size();
        k.flushOutput();
        clock.stamp(logMark, k.findings().size());
        // a BUG the kernel reported on the last transition is in the log already, in its words;
        // a deadlock (or an oops the search stops at) is a property of the state: nothing printed it
        List<Finding> reports = model.reports(s);
        Finding violation = model.violation(s);
        boolean reported = reports.stream().anyMatch(target);
        boolean stateFinding = !reported && violation != null && target.test(violation);
        if (stateFinding) {
            logStateFinding(k, s.machine(), headline, clock.now);
        }
        return new Replayed(s, clock.now, reports, violation, reported || stateFinding);
    }

    /** The finding's line, then what every CPU runs, in dump_stack()'s format. */
    private static void logStateFinding(Kernel k, MachineState m, String headline, long now) {
        k.log().add(new LogRecord(now, 3, "spinlab", "spinlab: " + headline));
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            String dump = k.dumpStack(m, cpu);
            if (dump == null) {
                continue;
            }
            k.log().add(new LogRecord(now, 3, "spinlab", "spinlab: backtrace of CPU#" + cpu + ":"));
            for (String line : dump.split("\n")) {
                k.log().add(new LogRecord(now, 4, "spinlab", line));
            }
        }
    }

    /**
     * The log's timestamps along the replayed path. check abstracts time — the machine's clock
     * stands still after boot and a timer fires by setting jiffies to its expiry — so the kernel
     * stamps every line with the end of boot. replay restamps them as run's clock would go: each
     * step takes Simulation.STEP_NS of CPU time shared by the CPUs, and a firing timer moves the
     * clock on to its expiry (jiffies count Simulation.TICK_NS from boot, as in run).
     */
    private static final class Clock {
        private final Kernel k;
        private final long stepNs;
        private final long jiffies;
        long now;

        Clock(Kernel k) {
            this.k = k;
            this.stepNs = Math.max(1, Simulation.STEP_NS / k.state().ncpu);
            this.jiffies = k.globalAddress("jiffies");
            this.now = k.state().timeNs;
        }

        void advance(MachineState m) {
            now = Math.max(now + stepNs, m.mem.load(jiffies, 8, false) * Simulation.TICK_NS);
        }

        /** Gives the log records and findings from these indices on the current time. */
        void stamp(int logFrom, int findingsFrom) {
            List<LogRecord> log = k.log();
            for (int i = logFrom; i < log.size(); i++) {
                LogRecord l = log.get(i);
                log.set(i, new LogRecord(now, l.level(), l.source(), l.text()));
            }
            List<Finding> fs = k.findings();
            for (int i = findingsFrom; i < fs.size(); i++) {
                fs.set(i, fs.get(i).at(now));
            }
        }
    }
}
