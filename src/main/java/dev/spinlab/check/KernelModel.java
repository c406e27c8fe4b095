package dev.spinlab.check;

import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kc.type.PointerType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;

/*
 * Implementation notes.
 *
 * The booted model kernel as a Model for the explorer. Its choices in a state are: which CPU
 * takes its next visible step (a pending interrupt on a CPU with interrupts enabled is taken
 * first, as the hardware would), and — when a timer is armed — letting the earliest timer
 * fire. Time is abstracted: there is no periodic tick; firing a timer sets jiffies to its
 * expiry and raises the timer interrupt on its CPU, so a timer may fire at any point after it
 * is armed, in expiry order, and the state space stays finite.
 *
 * A CPU waiting in wfe/wfi with no event and no deliverable interrupt has no step (stepping
 * it would change nothing). A state with no choice left while some user process has not
 * exited is a deadlock; the report names every CPU, what it runs and whether it waits. A BUG
 * the kernel reports on a transition (scheduling while atomic, spinlock debug) is recorded with
 * its shortest trace and the search goes on, as the kernel does; a fault (oops) stops that
 * path. Lockdep's reports are predictions and are collected separately.
 *
 * Limitations (v1): one Kernel instance steps every state, so the search runs on one thread;
 * no device interrupts (--irq, --rx) and no partial-order or symmetry reduction yet.
 */
public final class KernelModel implements Model<KernelModel.KState> {
    /**
     * A machine state, the fault that stopped the transition into it (or null), and what the
     * kernel reported on that transition.
     */
    public record KState(MachineState machine, String violation, List<String> reports) {}

    private static final int IRQ_TIMER = 30;

    private final Kernel k;
    private final Interpreter interp;
    private final MachineState initial;
    private final long handleIrq;
    private final long jiffies;
    private final long timerBases;
    private final StructType timerBase;
    private final long timersOffset;
    private final long entryOffset;
    private final long expiresOffset;
    private final List<String> lockdepReports = new ArrayList<>();

    public KernelModel(Kernel k, MachineState initial) {
        this.k = k;
        this.interp = k.interpreter();
        this.initial = initial.copy();
        this.handleIrq = k.symbolAddress("handle_arch_irq");
        this.jiffies = k.globalAddress("jiffies");
        this.timerBases = k.globalAddress("timer_bases");
        this.timerBase = (StructType) ((ArrayType) k.globalType("timer_bases")).element();
        this.timersOffset = timerBase.findField("timers").offset();
        StructType timerList = (StructType) ((PointerType) timerBase.findField("running_timer").type()).target();
        this.entryOffset = timerList.findField("entry").offset();
        this.expiresOffset = timerList.findField("expires").offset();
    }

    /** Set by {@link #keepKernelFindings(boolean)}. */
    private boolean keepFindings;

    /**
     * Leaves what the kernel reports on each transition in {@link Kernel#findings()} instead of
     * removing it, for following a single path (spinlab replay), where they are that run's
     * findings. Never for a search: its transitions branch, and every path's would pile up.
     */
    public KernelModel keepKernelFindings(boolean keep) {
        this.keepFindings = keep;
        return this;
    }

    /** Lockdep reports met on any explored path, in the order met. */
    public List<String> lockdepReports() {
        return lockdepReports;
    }

    @Override
    public KState initial() {
        return new KState(initial.copy(), null, List.of());
    }

    /** The choices of a state: CPU numbers to step, then -1 for "fire the earliest timer". */
    private List<Integer> actions(MachineState m) {
        List<Integer> out = new ArrayList<>();
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            if (canStep(m, cpu)) {
                out.add(cpu);
            }
        }
        long[] t = earliestTimer(m);
        if (t != null && (m.pendingIrq[(int) t[0]] & (1L << IRQ_TIMER)) == 0) {
            out.add(-1);
        }
        return out;
    }

    private static boolean canStep(MachineState m, int cpu) {
        int ctx = m.currentContext(cpu);
        if (ctx < 0) {
            return false;
        }
        ExecContext c = m.context(ctx);
        if (c.status == ExecContext.Status.RUNNABLE) {
            return true;
        }
        if (c.status != ExecContext.Status.BLOCKED) {
            return false;
        }
        return m.eventFlag[cpu] != 0 || (m.pendingIrq[cpu] != 0 && m.irqEnabled[cpu] != 0);
    }

    /** {cpu, expiry} of the earliest armed timer, or null. */
    private long[] earliestTimer(MachineState m) {
        long[] best = null;
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            long head = timerBases + cpu * timerBase.size() + timersOffset;
            long node = m.mem.load(head, 8, false);
            int guard = 0;
            while (node != head && node != 0 && guard++ < 10_000) {
                long expires = m.mem.load(node - entryOffset + expiresOffset, 8, false);
                if (best == null || Long.compareUnsigned(expires, best[1]) < 0) {
                    best = new long[] {cpu, expires};
                }
                node = m.mem.load(node, 8, false);
            }
        }
        return best;
    }

    @Override
    public int choices(KState s) {
        return s.violation() != null ? 0 : actions(s.machine()).size();
    }

    @Override
    public KState successor(KState s, int choice) {
        MachineState m = s.machine().copy();
        int action = actions(s.machine()).get(choice);
        int before = k.findings().size();
        String violation = null;
        if (action < 0) {
            long[] t = earliestTimer(m);
            long now = m.mem.load(jiffies, 8, false);
            if (Long.compareUnsigned(t[1], now) > 0) {
                m.mem.store(jiffies, 8, t[1]);
            }
            m.pendingIrq[(int) t[0]] |= 1L << IRQ_TIMER;
        } else {
            int cpu = action;
            ExecContext ctx = m.context(m.currentContext(cpu));
            long pending = m.pendingIrq[cpu];
            if (pending != 0 && m.irqEnabled[cpu] != 0) {
                int irq = Long.numberOfTrailingZeros(pending);
                m.pendingIrq[cpu] &= ~(1L << irq);
                interp.takeException(m, cpu, ctx, handleIrq, irq);
            }
            Interpreter.Outcome o = interp.step(m, cpu);
            if (o == Interpreter.Outcome.FAULTED) {
                Fault f = interp.lastFault();
                violation = "fault: " + (f.message() != null ? f.message() : f.kind().title) + " at " + f.loc();
            }
        }
        List<Finding> all = k.findings();
        List<String> reports = new ArrayList<>();
        for (int i = before; i < all.size(); i++) {
            Finding f = all.get(i);
            if (f.kind().startsWith("lockdep:")) {
                if (!lockdepReports.contains(f.message())) {
                    lockdepReports.add(f.message());
                }
            } else {
                reports.add(f.kind() + ": " + f.message());
            }
        }
        while (!keepFindings && all.size() > before) {
            all.remove(all.size() - 1); // the search keeps only what it reports
        }
        return new KState(m, violation, reports);
    }

    @Override
    public List<String> reports(KState s) {
        return s.reports();
    }

    @Override
    public long fingerprint(KState s) {
        return s.machine().fingerprint();
    }

    @Override
    public String violation(KState s) {
        if (s.violation() != null) {
            return s.violation();
        }
        MachineState m = s.machine();
        if (!actions(m).isEmpty()) {
            return null;
        }
        List<String> alive = new ArrayList<>();
        for (long t : k.userTaskAddresses()) {
            long state = m.mem.load(t + k.taskStruct().field("__state").offset(), 8, false);
            if (state != 0x80) { // TASK_DEAD
                alive.add(comm(m, t));
            }
        }
        if (alive.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("deadlock: no CPU can make progress and ")
                .append(String.join(", ", alive)).append(alive.size() == 1 ? " has" : " have").append(" not exited");
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            int ctx = m.currentContext(cpu);
            if (ctx < 0) {
                continue;
            }
            ExecContext c = m.context(ctx);
            List<StackEntry> st = interp.stack(c);
            String where = st.isEmpty() ? "?" : st.get(0).function() + " (" + st.get(0).loc() + ")";
            sb.append("; CPU#").append(cpu).append(" runs ").append(comm(m, c.tag))
                    .append(c.status == ExecContext.Status.BLOCKED ? " waiting in " : " at ").append(where)
                    .append(String.format(" with preempt_count %08x, irqs %s", m.preemptCount[cpu],
                            m.irqEnabled[cpu] != 0 ? "on" : "off"));
        }
        return sb.toString();
    }

    private String comm(MachineState m, long task) {
        if (task == 0) {
            return "?";
        }
        Field f = k.taskStruct().field("comm");
        byte[] b = m.mem.cString(task + f.offset(), (int) f.type().size());
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String describe(KState s, int choice) {
        MachineState m = s.machine();
        int action = actions(m).get(choice);
        if (action < 0) {
            long[] t = earliestTimer(m);
            return String.format("timer (expires at jiffies %d) fires on CPU#%d", t[1], t[0]);
        }
        int cpu = action;
        ExecContext c = m.context(m.currentContext(cpu));
        List<StackEntry> st = interp.stack(c);
        String where = st.isEmpty() ? "?" : st.get(0).function() + " (" + st.get(0).loc() + ")";
        boolean irq = m.pendingIrq[cpu] != 0 && m.irqEnabled[cpu] != 0;
        // user and kernel steps are told apart, so a trace shows each entry and return
        boolean user = !st.isEmpty() && k.isUserCode(st.get(0).loc().file());
        return String.format("CPU#%d %s%s%s: %s, preempt_count %08x, irqs %s", cpu, comm(m, c.tag),
                user ? " (user)" : "",
                irq ? " takes irq " + Long.numberOfTrailingZeros(m.pendingIrq[cpu]) + " then steps" : " steps",
                where, m.preemptCount[cpu], m.irqEnabled[cpu] != 0 ? "on" : "off");
    }
}
