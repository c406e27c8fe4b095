package dev.spinlab.kernel;

import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;

/**
 * The invariants of a system state: the machine with the kernel's own records in it. Tests
 * call {@link #check} after every step of run and check paths; a violation is a bug of
 * spinlab (the model kernel, the machine or a checker's step), never of the driver under test,
 * so none of these is a property a driver can break (a driver that leaks a spinlock breaks
 * preempt_count's balance, not these).
 *
 * <ul>
 * <li>each CPU runs distinct contexts, none of them on another CPU, none exited;</li>
 * <li>preempt_count's fields (include/linux/preempt.h) are in range: no negative count, at
 *     most one NMI, no more hardirq levels than the CPU has exception frames (the interrupt
 *     entry pushes the frame before irq_enter() counts it);</li>
 * <li>irq flags and wfe event registers are 0 or 1; pending lines are the timer's, the IPIs'
 *     and the devices';</li>
 * <li>each device's budget is between 0 and what was configured;</li>
 * <li>each CPU's task context runs a task that names that context (task->exec_ctx), and
 *     every user task is on the kernel's task list once;</li>
 * <li>the WARN_ON_ONCE record (lib/bug.c) is ascending without repeats, zero after the last;
 *     the taint mask holds only the flags the model sets (TAINT_WARN, TAINT_SOFTLOCKUP).</li>
 * </ul>
 */
public final class StateValidator {
    private static final int HARDIRQ_SHIFT = 16;
    private static final int NMI_SHIFT = 20;

    private final Kernel k;
    private final long warnOnce;
    private final long taint;
    private final int[] configured;

    public StateValidator(Kernel k) {
        this.k = k;
        this.warnOnce = k.global("__warn_once_done");
        this.taint = k.global("tainted_mask");
        KernelConfig c = k.config();
        this.configured = new int[c.irqs().size() + (c.rxPackets() > 0 ? 1 : 0)];
        for (int i = 0; i < c.irqs().size(); i++) {
            configured[i] = c.irqs().get(i).count();
        }
        if (c.rxPackets() > 0) {
            configured[configured.length - 1] = c.rxPackets();
        }
    }

    /** Every invariant m breaks, as messages (empty: none). */
    public List<String> check(MachineState m) {
        List<String> bad = new ArrayList<>();
        int[] onCpu = new int[m.contextCount()];
        java.util.Arrays.fill(onCpu, -1);
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            for (int level = 0; level < m.nesting(cpu); level++) {
                int id = m.contextAt(cpu, level);
                if (id < 0 || id >= m.contextCount()) {
                    bad.add("CPU#" + cpu + " runs context " + id + ", which does not exist");
                    continue;
                }
                if (onCpu[id] >= 0) {
                    bad.add("context " + id + " is on CPU#" + onCpu[id] + " and on CPU#" + cpu);
                }
                onCpu[id] = cpu;
                if (m.peekContext(id).status == ExecContext.Status.EXITED) {
                    bad.add("CPU#" + cpu + " runs context " + id + ", which has exited");
                }
            }
            checkPreempt(m, cpu, bad);
            if ((m.irqEnabled[cpu] & ~1) != 0 || (m.eventFlag[cpu] & ~1) != 0) {
                bad.add("CPU#" + cpu + ": irq flag " + m.irqEnabled[cpu] + ", event register " + m.eventFlag[cpu]);
            }
            long known = 1L << Simulation.IRQ_TIMER | 0xffL; // the timer and the IPIs (lines 0-7)
            for (KernelConfig.IrqDevice d : k.config().irqs()) {
                known |= 1L << d.line();
            }
            known |= 1L << SpinlabNic.IRQ;
            if ((m.pendingIrq[cpu] & ~known) != 0) {
                bad.add(String.format("CPU#%d: unknown pending lines %x", cpu, m.pendingIrq[cpu] & ~known));
            }
            int task = m.nesting(cpu) == 0 ? -1 : m.contextAt(cpu, 0);
            if (task >= 0 && task < m.contextCount()) {
                long t = m.peekContext(task).tag;
                if (t != 0 && k.task.get(m.mem, t, "exec_ctx") != task) {
                    bad.add("CPU#" + cpu + " runs context " + task + " of task " + k.comm(t)
                            + ", whose exec_ctx is " + k.task.get(m.mem, t, "exec_ctx"));
                }
            }
        }
        if (m.deviceEvents.length != configured.length) {
            bad.add(m.deviceEvents.length + " device budgets, " + configured.length + " devices configured");
        } else {
            for (int d = 0; d < configured.length; d++) {
                boolean doorbell = d < k.config().irqs().size() && k.config().irqs().get(d).doorbell();
                int left = m.deviceEvents[d];
                // 0..count left, or a doorbell device not rung yet (-count)
                if (!(left >= 0 && left <= configured[d]) && !(doorbell && left == -configured[d])) {
                    bad.add("device " + d + " has " + m.deviceEvents[d] + " events left of " + configured[d]);
                }
            }
        }
        List<Long> user = k.userTasks(m);
        if (new java.util.HashSet<>(user).size() != user.size()) {
            bad.add("a user task is on the task list twice");
        }
        long prev = 0;
        boolean ended = false;
        for (int i = 0; i < KernelIntrinsics.WARN_ONCE_SITES; i++) {
            long site = m.mem.load(warnOnce + 8L * i, 8, false);
            if (site == 0) {
                ended = true;
            } else if (ended || Long.compareUnsigned(site, prev) <= 0) {
                bad.add("the WARN_ON_ONCE record is not ascending at entry " + i);
                break;
            } else {
                prev = site;
            }
        }
        long mask = m.mem.load(taint, 8, false);
        if ((mask & ~(1L << Kernel.TAINT_WARN | 1L << Kernel.TAINT_SOFTLOCKUP)) != 0) {
            bad.add(String.format("tainted_mask %x has flags the model never sets", mask));
        }
        return bad;
    }

    private static void checkPreempt(MachineState m, int cpu, List<String> bad) {
        int pc = m.preemptCount[cpu];
        int hardirq = pc >>> HARDIRQ_SHIFT & 0xf;
        int nmi = pc >>> NMI_SHIFT & 0xf;
        if (pc < 0 || nmi > 1) {
            bad.add(String.format("CPU#%d: preempt_count %08x out of range", cpu, pc));
        }
        int frames = 0;
        int ctx = m.currentContext(cpu);
        if (ctx >= 0) {
            ExecContext c = m.peekContext(ctx);
            for (int i = 0; i < c.depth(); i++) {
                if ((c.frame(i, ExecContext.F_FLAGS) & ExecContext.FLAG_EXCEPTION) != 0) {
                    frames++;
                }
            }
        }
        // nmi_enter() counts HARDIRQ_OFFSET too (include/linux/hardirq.h: __nmi_enter): the hardirq field counts every level
        if (hardirq > frames || nmi > hardirq) {
            bad.add(String.format("CPU#%d: preempt_count %08x counts %d interrupt levels, the CPU has %d exception frames",
                    cpu, pc, hardirq, frames));
        }
    }
}
