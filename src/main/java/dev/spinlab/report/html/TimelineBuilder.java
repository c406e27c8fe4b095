package dev.spinlab.report.html;

import dev.spinlab.check.TraceStep;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.lockdep.Lockdep;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one timeline step by step from the machine state each step was taken in, its typed
 * description (check.TraceStep) and lockdep's held locks (Lockdep.Tasks.heldLocks): the
 * steps with their stacks, the lock bars (a task holding a lock; a CPU spinning on one) and
 * the event marks.
 */
final class TimelineBuilder {
    /**
     * The loops a CPU spins in waiting for a lock (include/asm/spinlock.h: the ticket lock's
     * wfe loop and the rwlock's): a step whose innermost frame is one of them spins.
     */
    static final Set<String> SPIN_FUNCTIONS = Set.of("arch_spin_lock", "arch_read_lock", "arch_write_lock");

    /**
     * Where a lock is taken once lockdep has been told (kernel/locking/spinlock_debug.c): a task
     * with one of these on its stack is still acquiring its innermost held lock.
     */
    static final Set<String> ACQUIRE_FUNCTIONS = Set.of("do_raw_spin_lock", "do_raw_read_lock", "do_raw_write_lock");

    /* include/linux/preempt.h */
    static final int SOFTIRQ_OFFSET = 0x100;
    static final int HARDIRQ_MASK = 0x000f0000;
    static final int NMI_MASK = 0x00f00000;

    /** Steps at the end of a trace that are highlighted when no spin says where the end began. */
    static final int LAST_STEPS = 5;

    private final Kernel k;
    private final PageBuilder page;
    private final List<HtmlModel.Step> steps = new ArrayList<>();
    private final List<HtmlModel.LockBar> bars = new ArrayList<>();
    private final List<HtmlModel.Mark> marks = new ArrayList<>();
    /** Open bars: key (task, lock instance, context, state, cpu) to the step it opened at. */
    private final Map<String, Open> open = new LinkedHashMap<>();
    private boolean lockInfo;

    private record Open(HtmlModel.LockBar bar, int from) {}

    TimelineBuilder(Kernel k, PageBuilder page) {
        this.k = k;
        this.page = page;
    }

    /**
     * What a step needs from the machine, read when it is taken (a run's machine moves on):
     * its description, the stack of its CPU, the comm of its task, the tasks spinning on a CPU
     * (task to CPU) and the held locks (null when lockdep does not track them) with their
     * tasks' comms.
     */
    record Snap(TraceStep view, String kind, List<StackEntry> stack, String task, Map<Long, Integer> inLockLoop,
                long waitingCpus, Map<Long, Integer> acquiring, Map<Long, List<Lockdep.HeldLock>> held,
                Map<Long, String> comms) {}

    /** Per CPU: it has waited in its lock loop since it entered it (see PageBuilder.waitLine). */
    private final boolean[] spinningCpu = new boolean[dev.spinlab.kernel.KernelConfig.MAX_CPUS];

    /** Reads a step taken in m (the state before it), with the held locks of that state (or null). */
    Snap capture(MachineState m, TraceStep v, String eventKind, Map<Long, List<Lockdep.HeldLock>> held) {
        List<StackEntry> st = List.of();
        String task = null;
        if (v.cpuStep()) {
            ExecContext c = m.peekContext(m.currentContext(v.cpu()));
            st = k.interpreter().stack(c);
            task = comm(m, c.tag);
        }
        Map<Long, Integer> loop = new HashMap<>();
        Map<Long, Integer> acquiring = new HashMap<>();
        long waiting = 0;
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            int ctx = m.currentContext(cpu);
            if (ctx >= 0) {
                ExecContext c = m.peekContext(ctx);
                List<StackEntry> cs = v.cpuStep() && cpu == v.cpu() ? st : k.interpreter().stack(c);
                // only the innermost context's frames: below an interrupt's entry is the code it
                // interrupted, whose acquisition is not the innermost held lock's
                for (StackEntry e : cs) {
                    if (ACQUIRE_FUNCTIONS.contains(e.function())) {
                        acquiring.put(c.tag, cpu);
                        break;
                    }
                    if (e.exceptionEntry()) {
                        break;
                    }
                }
                if (spinning(cs)) {
                    loop.put(c.tag, cpu);
                    StackEntry top = cs.get(0);
                    if (c.status == ExecContext.Status.BLOCKED || page.waitLine(top.loc().file(), top.loc().line())) {
                        waiting |= 1L << cpu;
                    }
                }
            }
        }
        Map<Long, String> names = new HashMap<>();
        if (held != null) {
            for (Long t : held.keySet()) {
                names.put(t, comm(m, t));
            }
        }
        return new Snap(v, eventKind, st, task, loop, waiting, acquiring, held, names);
    }

    /** Adds a captured step. */
    void add(Snap s) {
        int i = steps.size();
        // a CPU spins from the moment it waits in its lock loop until it leaves the loop
        java.util.Set<Integer> inLoop = new java.util.HashSet<>(s.inLockLoop().values());
        Map<Long, Integer> spinners = new HashMap<>();
        for (int cpu = 0; cpu < spinningCpu.length; cpu++) {
            spinningCpu[cpu] = inLoop.contains(cpu) && (spinningCpu[cpu] || (s.waitingCpus() & 1L << cpu) != 0);
        }
        s.inLockLoop().forEach((task, cpu) -> {
            if (spinningCpu[cpu]) {
                spinners.put(task, cpu);
            }
        });
        TraceStep v = s.view();
        if (!v.cpuStep()) {
            steps.add(new HtmlModel.Step(v.cpu(), true, null, false, null, false, false, -1, false, v.text(), -1,
                    null, null, 0, null));
            marks.add(new HtmlModel.Mark(i, v.cpu(), s.kind() == null ? "event" : s.kind(), v.text()));
            locks(s, i, spinners);
            return;
        }
        int pc = v.preemptCount();
        String spin = spinningCpu[v.cpu()] ? spinLock(spinners, s.held(), v.cpu()) : null;
        steps.add(new HtmlModel.Step(v.cpu(), false, s.task(), v.located() && k.isUserCode(v.file()), context(pc),
                (pc & SOFTIRQ_OFFSET) != 0, (pc & HARDIRQ_MASK) != 0, pc, v.irqsOn(), v.text(), page.stack(s.stack()),
                v.function(), v.file(), v.line(), spin));
        if (v.located()) {
            page.embed(v.file(), v.line());
        }
        locks(s, i, spinners);
    }

    /** capture then add: a step of a trace followed now. */
    void step(MachineState m, TraceStep v, Map<Long, List<Lockdep.HeldLock>> held) {
        add(capture(m, v, null, held));
    }

    /** A finding reported on step i, marked on its CPU's lane. */
    void findingMark(int i, Finding f) {
        marks.add(new HtmlModel.Mark(i, Math.max(0, f.cpu()), "finding", f.headline()));
    }

    /** The innermost context preempt_count says the CPU is in (in_nmi, in_hardirq, in_serving_softirq). */
    static String context(int pc) {
        if ((pc & NMI_MASK) != 0) {
            return "nmi";
        }
        if ((pc & HARDIRQ_MASK) != 0) {
            return "hardirq";
        }
        return (pc & SOFTIRQ_OFFSET) != 0 ? "softirq" : "task";
    }

    static boolean spinning(List<StackEntry> st) {
        return !st.isEmpty() && SPIN_FUNCTIONS.contains(st.get(0).function());
    }

    /**
     * The lock the CPU spins on: lockdep records an acquisition before the wait (spin_acquire
     * comes before LOCK_CONTENDED in __raw_spin_lock), so it is the spinning task's innermost
     * held lock; "?" when lockdep does not say.
     */
    private static String spinLock(Map<Long, Integer> spinners, Map<Long, List<Lockdep.HeldLock>> held, int cpu) {
        if (held == null) {
            return "?";
        }
        for (Map.Entry<Long, Integer> e : spinners.entrySet()) {
            List<Lockdep.HeldLock> h = held.get(e.getKey());
            if (e.getValue() == cpu && h != null && !h.isEmpty()) {
                return h.get(h.size() - 1).lock();
            }
        }
        return "?";
    }

    /**
     * The lock bars after step i: each task's held locks are holds, except the innermost lock of
     * a task spinning on a CPU, which is a spin; a bar that changes closes and a new one opens.
     */
    private void locks(Snap s, int i, Map<Long, Integer> spinners) {
        Map<Long, List<Lockdep.HeldLock>> held = s.held();
        if (held == null) {
            closeAll(i);
            return;
        }
        lockInfo = true;
        Map<String, HtmlModel.LockBar> now = new LinkedHashMap<>();
        for (Map.Entry<Long, List<Lockdep.HeldLock>> e : held.entrySet()) {
            List<Lockdep.HeldLock> hs = e.getValue();
            Integer spinCpu = spinners.get(e.getKey());
            Integer acqCpu = s.acquiring().get(e.getKey());
            String task = s.comms().getOrDefault(e.getKey(), "?");
            for (int j = 0; j < hs.size(); j++) {
                Lockdep.HeldLock h = hs.get(j);
                boolean innermost = j == hs.size() - 1;
                String state = innermost && spinCpu != null ? "spin" : innermost && acqCpu != null ? "acquiring" : "held";
                int cpu = state.equals("spin") ? spinCpu : state.equals("acquiring") ? acqCpu : -1;
                HtmlModel.LockBar b = new HtmlModel.LockBar(h.lock(), String.format("%016x", h.instance()), task,
                        state, cpu, irqContext(h.irqContext()), 0, 0);
                now.put(e.getKey() + "|" + j + "|" + b.instance() + "|" + b.ctx() + "|" + b.state() + "|" + b.cpu(), b);
            }
        }
        open.entrySet().removeIf(e -> {
            if (now.containsKey(e.getKey())) {
                return false;
            }
            close(e.getValue(), i);
            return true;
        });
        now.forEach((key, b) -> open.putIfAbsent(key, new Open(b, i)));
    }

    private void close(Open o, int to) {
        HtmlModel.LockBar b = o.bar();
        if (to > o.from()) {
            bars.add(new HtmlModel.LockBar(b.lock(), b.instance(), b.task(), b.state(), b.cpu(), b.ctx(), o.from(), to));
        }
    }

    private void closeAll(int to) {
        open.values().forEach(o -> close(o, to));
        open.clear();
    }

    static String irqContext(int c) {
        return (c & 2) != 0 ? "hardirq" : (c & 1) != 0 ? "softirq" : "task";
    }

    /** A task's comm in m (task_struct.comm), or "?". */
    String comm(MachineState m, long task) {
        if (task == 0) {
            return "?";
        }
        Field f = k.taskStruct().field("comm");
        byte[] b = m.mem.cString(task + f.offset(), (int) f.type().size());
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * The timeline, ending in state end (its held locks endHeld), for a finding (or null):
     * a deadlock gets its wait cycle; the last steps are highlighted.
     */
    HtmlModel.Timeline finish(String name, String kind, String headline, String note, long firstStep, Finding f,
                              MachineState end, Map<Long, List<Lockdep.HeldLock>> endHeld) {
        int n = steps.size();
        closeAll(n);
        HtmlModel.Cycle cycle = null;
        if (f != null && f.kind() == dev.spinlab.kernel.FindingKind.DEADLOCK && end != null) {
            cycle = new WaitCycle(k, this).of(end, endHeld);
        }
        int from = Math.max(0, n - LAST_STEPS);
        // a deadlock's end begins where the spinning that never ends began
        for (HtmlModel.LockBar b : bars) {
            if (b.state().equals("spin") && b.to() == n && f != null) {
                from = Math.min(from, b.from());
            }
        }
        if (f != null && f.cpu() >= 0 && end != null
                && marks.stream().noneMatch(x -> x.kind().equals("finding") && x.text().equals(f.headline()))) {
            marks.add(new HtmlModel.Mark(n - 1 < 0 ? 0 : n - 1, f.cpu(), "finding", f.headline()));
        }
        int findingStack = f == null ? -1 : page.stack(f.stack());
        if (f != null && f.where() != null) {
            page.embed(f.where().file(), f.where().line());
        }
        String lockNote = lockInfo ? null : "no lock bars: lockdep did not track held locks here (--no-lockdep,"
                + " or run's lockdep turned off at its first report: run --lockdep-all, or check, keeps it on)";
        String allNotes = note == null ? lockNote : lockNote == null ? note : note + "; " + lockNote;
        return new HtmlModel.Timeline(name, kind, headline, allNotes, firstStep, List.copyOf(steps), List.copyOf(bars),
                List.copyOf(marks), f == null ? n : from, cycle, findingStack,
                f == null || f.where() == Finding.Where.NONE ? null : f.where().toString());
    }
}
