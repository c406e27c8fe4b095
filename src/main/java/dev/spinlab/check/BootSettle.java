package dev.spinlab.check;

import dev.spinlab.kernel.Kernel;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.List;

/** Where check's search starts: the end of boot, settled (see settle). */
final class BootSettle {
    private final KernelModel model;
    private final Kernel k;

    BootSettle(KernelModel model) {
        this.model = model;
        this.k = model.kernel();
    }

    /** Steps settle may take before it gives up and starts where boot left off. */
    static final int SETTLE_BOUND = 200_000;

    /**
     * Where the search starts: boot has started every program, and then the CPU running init
     * (kernel_init, pid 1) runs on alone until init has exited and that CPU has nothing left to
     * do (its idle loop waits in wfi, or it picks up another task). Init's last steps racing
     * with the programs' first ones are not explored: they are the boot's, not the drivers'
     * (without this, every interleaving of init's exit path with a program multiplies the
     * states, and nothing in a driver depends on it). If that run reports anything, faults,
     * needs another CPU or does not end within SETTLE_BOUND steps, the search starts where
     * boot left off instead.
     */
    KState settle(KState s0) {
        long initTask = initTask(s0.machine());
        if (initTask == 0) {
            return s0;
        }
        int cpu = -1;
        for (int c = 0; c < s0.machine().ncpu; c++) {
            int ctx = s0.machine().currentContext(c);
            if (ctx >= 0 && s0.machine().peekContext(ctx).tag == initTask) {
                cpu = c;
            }
        }
        if (cpu < 0) {
            return s0;
        }
        final int on = cpu;
        long idle = s0.machine().mem.load(k.globalAddress("idle_tasks") + 8L * cpu, 8, false);
        KState s = s0;
        for (int n = 0; n < SETTLE_BOUND; n++) {
            MachineState m = s.machine();
            int ctx = m.currentContext(cpu);
            long tag = ctx < 0 ? 0 : m.peekContext(ctx).tag;
            if ((tag != initTask && tag != idle) || !model.events().canStep(m, cpu)) {
                return tag == initTask ? s0 : s;
            }
            KState from = new KState(m, null, List.of());
            from.lockdep = s.lockdep;
            KState next = model.withoutTrace(() -> model.apply(from, on), false);
            if (next.violation() != null || !next.reports().isEmpty()) {
                return s0;
            }
            s = next;
        }
        return s0;
    }

    /** The task_struct of kernel_init (a kernel task named init), or 0 when it has gone. */
    private long initTask(MachineState m) {
        List<Long> user = k.userTasks(m);
        for (int id = 0; id < m.contextCount(); id++) {
            ExecContext c = m.peekContext(id);
            if (c != null && c.tag != 0 && !user.contains(c.tag) && "init".equals(ChoiceText.comm(k, m, c.tag))
                    && c.status != ExecContext.Status.EXITED) {
                return c.tag;
            }
        }
        return 0;
    }
}
