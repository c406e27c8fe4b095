package dev.spinlab.report.html;

import dev.spinlab.check.TraceStep;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kernel.Choice;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.lockdep.LockdepMode;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * run's side of --html: hears every choice of the run before it is applied
 * (Simulation.record), reads the step from the machine as it is then, and keeps the last
 * {@link #KEEP} of them (a run takes hundreds of thousands of steps, most of them idle loops
 * or the spinning at the end); the page's timeline is that window.
 */
public final class RunRecorder implements Consumer<Choice> {
    /** Steps the page keeps: the end of the run, where its findings are. */
    public static final int KEEP = 20_000;

    private final Kernel k;
    private final TimelineBuilder tb;
    private final PageBuilder page;
    private final ArrayDeque<TimelineBuilder.Snap> window = new ArrayDeque<>();
    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private final ArrayDeque<Integer> findingsBefore = new ArrayDeque<>();
    private long total;

    public RunRecorder(Kernel k, SourceMap src) {
        this.k = k;
        this.page = new PageBuilder(src);
        this.tb = new TimelineBuilder(k, page);
    }

    @Override
    public void accept(Choice c) {
        MachineState m = k.state();
        TraceStep v = view(m, c);
        if (v == null) {
            return;
        }
        var held = tracking(m) ? k.lockdepTasks().heldLocks() : null;
        window.addLast(tb.capture(m, v, kind(c), held));
        times.addLast(m.timeNs);
        findingsBefore.addLast(k.findings().size());
        total++;
        if (window.size() > KEEP) {
            window.removeFirst();
            times.removeFirst();
            findingsBefore.removeFirst();
        }
    }

    /**
     * Whether lockdep tracks held locks now: on, and under run's FIRST mode not yet turned off
     * by a report (the kernel's debug_locks, lib/debug_locks.c: lock_acquire returns at once
     * after debug_locks_off, so the held locks stop changing).
     */
    private boolean tracking(MachineState m) {
        LockdepMode mode = k.config().lockdep();
        if (mode == LockdepMode.OFF || k.lockdepTasks() == null) {
            return false;
        }
        if (debugLocks == 0) {
            debugLocks = k.globalAddress("debug_locks");
        }
        return mode == LockdepMode.ALL || m.mem.load(debugLocks, 4, false) != 0;
    }

    private long debugLocks;

    /** The step a choice makes, as check's traces describe steps; null for time passing and console input. */
    private TraceStep view(MachineState m, Choice c) {
        int cpu = c.cpu();
        if (c instanceof Choice.CpuStep s) {
            return cpuStep(m, s.cpu());
        }
        if (c instanceof Choice.TakeInterrupt) {
            return event(String.format("CPU#%d takes irq %d", cpu, Long.numberOfTrailingZeros(m.pendingIrq[cpu])), cpu);
        }
        if (c instanceof Choice.Tick) {
            return event("the tick (HZ) raises the timer interrupt on CPU#" + cpu, cpu);
        }
        if (c instanceof Choice.ClockEvent) {
            return event("the clock event device raises the hrtimer interrupt on CPU#" + cpu, cpu);
        }
        if (c instanceof Choice.Nmi) {
            return event("the watchdog's NMI on CPU#" + cpu, cpu);
        }
        if (c instanceof Choice.DeviceRaises d) {
            return event(String.format("device %d raises its irq on CPU#%d", d.device(), cpu), cpu);
        }
        if (c instanceof Choice.PacketArrives) {
            return event("eth0 receives an echo request, raises its irq on CPU#" + cpu, cpu);
        }
        return null; // time passing, console input: no step of a CPU
    }

    private static String kind(Choice c) {
        if (c instanceof Choice.Tick || c instanceof Choice.ClockEvent || c instanceof Choice.TimerFires) {
            return "timer";
        }
        if (c instanceof Choice.DeviceRaises || c instanceof Choice.PacketArrives) {
            return "device";
        }
        return c instanceof Choice.Nmi ? "nmi" : "irq";
    }

    private static TraceStep event(String text, int cpu) {
        return new TraceStep(text, text, cpu, false, null, null, 0, 0, -1, false);
    }

    private TraceStep cpuStep(MachineState m, int cpu) {
        int ctx = m.currentContext(cpu);
        if (ctx < 0) {
            return null;
        }
        ExecContext c = m.peekContext(ctx);
        List<StackEntry> st = k.interpreter().stack(c);
        StackEntry top = st.isEmpty() ? null : st.get(0);
        boolean user = top != null && k.isUserCode(top.loc().file());
        String actor = String.format("CPU#%d %s%s steps", cpu, tb.comm(m, c.tag), user ? " (user)" : "");
        boolean on = m.irqEnabled[cpu] != 0;
        String where = top == null ? "?" : top.function() + " (" + top.loc() + ")";
        String text = String.format("%s: %s, preempt_count %08x, irqs %s", actor, where, m.preemptCount[cpu],
                on ? "on" : "off");
        return new TraceStep(text, actor, cpu, true, top == null ? null : top.function(),
                top == null ? null : top.loc().file(), top == null ? 0 : top.loc().line(),
                top == null ? 0 : top.loc().col(), m.preemptCount[cpu], on);
    }

    /** The page: the window as one timeline, each finding reported inside it a mark, the last one its finding. */
    public String page(KernelConfig cfg, Simulation.Result r, List<String> arguments, String summary) {
        long first = total - window.size();
        int i = 0;
        List<Finding> fs = k.findings();
        Integer prev = null;
        for (TimelineBuilder.Snap s : window) {
            Integer before = findingsBefore.pollFirst();
            tb.add(s);
            // findings reported by the previous step: marked on it
            if (prev != null && before != null && before > prev && i > 0) {
                for (int j = prev; j < before; j++) {
                    tb.findingMark(i - 1, fs.get(j));
                }
            }
            prev = before;
            i++;
        }
        String note = first == 0 ? null : String.format("the last %,d of %,d steps (%.6f s to %.6f s)", window.size(),
                total, times.isEmpty() ? 0 : times.peekFirst() / 1e9, r.timeNs() / 1e9);
        Finding last = fs.isEmpty() ? null : fs.get(fs.size() - 1);
        MachineState m = k.state();
        var held = tracking(m) ? k.lockdepTasks().heldLocks() : null;
        page.add(tb.finish("run", last == null ? "run" : last.kind().id, summary, note, first, last, m, held));
        return HtmlReport.render(page.page("spinlab run", HtmlReport.command(arguments), summary, cfg.cpus()));
    }
}
