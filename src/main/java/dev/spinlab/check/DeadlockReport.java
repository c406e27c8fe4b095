package dev.spinlab.check;

import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;

/**
 * check's deadlock property: a state with no choice left while some user process has not
 * exited, or, every process gone, while a CPU is stuck (anyCpuStuck). The finding names every CPU, what it runs, where, and whether it waits, with the
 * driver frame nearest the top of the first stuck CPU's stack as its location.
 */
final class DeadlockReport {
    private final Kernel k;
    private final Interpreter interp;

    DeadlockReport(Kernel k) {
        this.k = k;
        this.interp = k.interpreter();
    }

    /** The deadlock finding of a state with no choice left, or null when every user process has exited and every CPU idles. */
    Finding of(MachineState m) {
        return of(m, java.util.Collections.emptySortedMap());
    }

    /**
     * The same for a state whose CPUs in spinning can step but only spin in a busy-wait that
     * nothing will end (SpinDetector): each is named with its loop's driver frame.
     */
    Finding of(MachineState m, java.util.SortedMap<Integer, Finding.Where> spinning) {
        List<String> alive = new ArrayList<>();
        for (long t : k.userTasks(m)) {
            long state = m.mem.load(t + k.taskStruct().field("__state").offset(), 8, false);
            if (state != 0x80) { // TASK_DEAD
                alive.add(comm(m, t));
            }
        }
        if (alive.isEmpty() && !anyCpuStuck(m, spinning)) {
            return null;
        }
        StringBuilder sb = new StringBuilder("no CPU can make progress");
        if (!alive.isEmpty()) {
            sb.append(" and ").append(String.join(", ", alive)).append(alive.size() == 1 ? " has" : " have")
                    .append(" not exited");
        }
        Finding.Where at = null;
        int firstCpu = 0;
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            int ctx = m.currentContext(cpu);
            if (ctx < 0) {
                continue;
            }
            ExecContext c = m.peekContext(ctx);
            List<StackEntry> st = interp.stack(c);
            if (at == null) {
                // the first stuck CPU's driver frame (a spinning one's loop)
                at = spinning.containsKey(cpu) ? spinning.get(cpu) : k.findingWhere(st);
                firstCpu = cpu;
            }
            String where = st.isEmpty() ? "?" : st.get(0).function() + " (" + st.get(0).loc() + ")";
            sb.append("; CPU#").append(cpu).append(" runs ").append(comm(m, c.tag));
            if (spinning.containsKey(cpu)) {
                // named by the loop's driver frame: the innermost frame, preempt_count and the
                // irq flag change along each iteration, and every state of the cycle is this one
                sb.append(" spinning in ").append(spinning.get(cpu)).append(" (a busy-wait no CPU or event can end)");
                continue;
            }
            sb.append(c.status == ExecContext.Status.BLOCKED ? " waiting in " : " at ").append(where)
                    .append(String.format(" with preempt_count %08x, irqs %s", m.preemptCount[cpu],
                            m.irqEnabled[cpu] != 0 ? "on" : "off"));
        }
        return new Finding(FindingKind.DEADLOCK, sb.toString(), at != null ? at : Finding.Where.NONE,
                k.findingContext(m, firstCpu), m.timeNs, List.of());
    }

    /**
     * Whether a CPU of a state with every user process exited is stuck rather than idle: it
     * spins in a busy-wait nothing will end, runs something other than its idle task, or its
     * idle task is inside an interrupt or softirq (a handler that never returns: the hard
     * lockup the kernel's watchdog would report), so a module's own deadlock is one whether or
     * not a program is still running.
     */
    private boolean anyCpuStuck(MachineState m, java.util.SortedMap<Integer, Finding.Where> spinning) {
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            int ctx = m.currentContext(cpu);
            if (ctx < 0) {
                continue;
            }
            if (spinning.containsKey(cpu) || ctx != k.idleContext(cpu) || !KernelEvents.inTask(m, cpu)) {
                return true;
            }
        }
        return false;
    }

    private String comm(MachineState m, long task) {
        return ChoiceText.comm(k, m, task);
    }
}
