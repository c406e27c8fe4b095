package dev.spinlab.check;

import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.List;

/**
 * The text of a trace's steps: what a choice of check's kernel model does, as a reader of the
 * trace wants it (which CPU, which task, user or kernel, where, preempt_count and the irq flag;
 * which timer or device event).
 */
final class ChoiceText {
    private final Kernel k;
    private final Interpreter interp;
    private final KernelEvents events;

    ChoiceText(Kernel k, KernelEvents events) {
        this.k = k;
        this.interp = k.interpreter();
        this.events = events;
    }

    /** A task's comm in m, or "?" for none. */
    static String comm(Kernel k, MachineState m, long task) {
        if (task == 0) {
            return "?";
        }
        Field f = k.taskStruct().field("comm");
        byte[] b = m.mem.cString(task + f.offset(), (int) f.type().size());
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String comm(MachineState m, long task) {
        return comm(k, m, task);
    }

    String describe(MachineState m, int action) {
        if (action == KernelEvents.TIMER) {
            long[] t = events.earliestTimer(m);
            return String.format("timer (expires at jiffies %d) fires on CPU#%d", t[1], t[0]);
        }
        if (action <= KernelEvents.EVENT_BASE) {
            int d = KernelEvents.eventDevice(action);
            int left = m.deviceEvents[d];
            if (events.eventLines[d] == Simulation.NIC_IRQ && d == events.eventLines.length - 1 && k.config().rxPackets() > 0) {
                return String.format("eth0 receives echo request %d from 10.0.0.2, raises irq %d on CPU#%d",
                        k.config().rxPackets() - left + 1, events.eventLines[d], KernelEvents.eventCpu(action));
            }
            return String.format("device raises irq %d on CPU#%d (%d left after this)", events.eventLines[d],
                    KernelEvents.eventCpu(action), left - 1);
        }
        int cpu = action;
        ExecContext c = m.peekContext(m.currentContext(cpu));
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
