package dev.spinlab.check;

import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kernel.Kernel;
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
        return step(m, action).text();
    }

    /** The typed step: who, where, and the CPU's preempt_count and irq flag (see TraceStep). */
    TraceStep step(MachineState m, int action) {
        if (action == KernelEvents.TIMER) {
            long[] t = events.earliestTimer(m);
            return TraceStep.event(String.format("timer (expires at jiffies %d) fires on CPU#%d", t[1], t[0]), (int) t[0]);
        }
        if (action <= KernelEvents.EVENT_BASE) {
            int d = KernelEvents.eventDevice(action);
            int cpu = KernelEvents.eventCpu(action);
            int left = m.deviceEvents[d];
            if (events.isEth0(d)) {
                return TraceStep.event(String.format("eth0 receives echo request %d from 10.0.0.2, raises irq %d on CPU#%d",
                        k.config().rxPackets() - left + 1, events.eventLines[d], cpu), cpu);
            }
            return TraceStep.event(String.format("device raises irq %d on CPU#%d (%d left after this)", events.eventLines[d],
                    cpu, left - 1), cpu);
        }
        int cpu = action;
        ExecContext c = m.peekContext(m.currentContext(cpu));
        List<StackEntry> st = interp.stack(c);
        StackEntry top = st.isEmpty() ? null : st.get(0);
        boolean irq = m.interruptDeliverable(cpu);
        // user and kernel steps are told apart, so a trace shows each entry and return
        boolean user = top != null && k.isUserCode(top.loc().file());
        String actor = String.format("CPU#%d %s%s%s", cpu, comm(m, c.tag), user ? " (user)" : "",
                irq ? " takes irq " + Long.numberOfTrailingZeros(m.pendingIrq[cpu]) + " then steps" : " steps");
        String where = top == null ? "?" : top.function() + " (" + top.loc() + ")";
        boolean on = m.irqEnabled[cpu] != 0;
        String text = String.format("%s: %s, preempt_count %08x, irqs %s", actor, where, m.preemptCount[cpu], on ? "on" : "off");
        return new TraceStep(text, actor, cpu, true, top == null ? null : top.function(),
                top == null ? null : top.loc().file(), top == null ? 0 : top.loc().line(),
                top == null ? 0 : top.loc().col(), m.preemptCount[cpu], on);
    }
}
