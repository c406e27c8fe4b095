package dev.spinlab.check;

import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.List;

/*
 * Implementation notes.
 *
 * A busy-wait that nothing will end: `while (!spin_trylock(&b)) cpu_relax();` on two CPUs
 * that each hold the other's lock (ABBA with trylock loops), a flag polled in a loop that no
 * context will set. The ticket lock waits in wfe, so a CPU spinning in arch_spin_lock has no
 * step and a state where every CPU waits has no choice: a deadlock. A loop without wfe always
 * has a step, so its states form a cycle instead, and the deadlock property (a state with no
 * choice) never holds there.
 *
 * A CPU spins in a state when, run alone from it (the other CPUs frozen, no event), it comes
 * back to the very same machine state within SPIN_BOUND steps without writing anything
 * another CPU can see (only its own exclusive monitor, event register, irq mask and
 * preempt_count: a failed trylock's ldrex and its preempt_disable/enable pair). Such an
 * iteration has no effect on anyone, and when every CPU that can step spins and no event can
 * come (no timer armed, no device raise left), interleaving the iterations changes nothing
 * either: each reads only what no one writes. No CPU can make progress, as in a deadlock
 * (GenMC treats such loops the same way: failed iterations of a side-effect-free spin loop are
 * stutter). A loop that writes anything shared on its way round (takes and drops a lock,
 * bumps a counter) is not a spin by this rule and is never reported: two such loops can
 * release each other, and telling when they do not needs the whole cycle, not one state.
 */
/** Finds the CPUs of a state that spin in a busy-wait nothing will end (see the notes above). */
final class SpinDetector {
    /** Steps a CPU is run alone to see it come back to where it was. */
    static final int SPIN_BOUND = 2_000;

    private final KernelModel model;

    SpinDetector(KernelModel model) {
        this.model = model;
    }

    /**
     * The CPUs of s that spin, when every choice of s is a CPU's step whose footprint writes
     * only that CPU's private registers (the successors' steps, cheap to test) and each of
     * those CPUs spins; null otherwise.
     */
    java.util.SortedMap<Integer, dev.spinlab.kernel.Finding.Where> allSpinning(KState s, List<Integer> actions,
                                                                             List<KState> successors) {
        if (s.violation() != null || actions.isEmpty()) {
            return null;
        }
        for (int i = 0; i < actions.size(); i++) {
            int a = actions.get(i);
            Footprint f = successors.get(i).step;
            if (a < 0 || f == null || !f.writesOnlyPrivateOf(a) || successors.get(i).violation() != null) {
                return null; // an event can come, or a CPU's next step changes something shared
            }
        }
        java.util.SortedMap<Integer, dev.spinlab.kernel.Finding.Where> spinning = new java.util.TreeMap<>();
        for (int a : actions) {
            dev.spinlab.kernel.Finding.Where loop = loopOf(s, a);
            if (loop == null) {
                return null;
            }
            spinning.put(a, loop);
        }
        return spinning;
    }

    /**
     * Where the CPU spins when, run alone from s, it comes back to s writing only its private
     * registers: the driver frame of the loop's first line (the same from every state of the
     * cycle, so that one busy-wait is one finding); null when it does not spin.
     */
    dev.spinlab.kernel.Finding.Where loopOf(KState s, int cpu) {
        MachineState start = s.machine();
        long target = start.fingerprint();
        return model.withoutTrace(() -> {
            MachineState m = start.copy();
            int ctx = m.currentContext(cpu);
            dev.spinlab.kernel.Finding.Where first = null;
            for (int n = 0; n < SPIN_BOUND; n++) {
                Footprint fp = new Footprint();
                if (model.stepCpu(m, cpu, fp, false) != null || !fp.writesOnlyPrivateOf(cpu)
                        || m.currentContext(cpu) != ctx || m.peekContext(ctx).status != ExecContext.Status.RUNNABLE) {
                    return null;
                }
                dev.spinlab.kernel.Finding.Where w = model.kernel().findingWhere(
                        model.interpreter().stack(m.peekContext(ctx)));
                if (first == null || (w.function().equals(first.function()) && w.file().equals(first.file())
                        && w.line() < first.line())) {
                    first = w;
                }
                if (m.fingerprint() == target) {
                    return first;
                }
            }
            return null;
        });
    }
}
