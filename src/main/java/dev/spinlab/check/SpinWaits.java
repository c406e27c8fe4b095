package dev.spinlab.check;

import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;

/*
 * Implementation notes.
 *
 * The spin-waits reduction (docs/check.md): a CPU waiting in wfe is blocked until a word its
 * wait loop reads changes, GenMC-style, instead of until some CPU's SEV sets its event
 * register.
 *
 * Why that is the kernel's behaviour and not a shortcut: Linux on ARM turns on the generic
 * timer's event stream (drivers/clocksource/arm_arch_timer.c, arch_timer_evtstrm_enable,
 * ARCH_TIMER_EVT_STREAM_PERIOD_US = 100), which wakes every wfe at least every 100 us, so a
 * wfe may return at any time, event or not. A wake-up whose loop iteration reads the same
 * values and waits again (a ticket lock's owner still not its ticket) changes nothing: it is
 * a stutter step. Dropping the stutter leaves a waiter with a move exactly when its iteration
 * would go somewhere new, and makes the event register itself dead: SEV sets nothing a search
 * state keeps, wfe's clear of it matters to no one, and the event words leave every footprint,
 * so an unlock of one lock no longer conflicts with a CPU waiting for another.
 *
 * A waiter's iteration is found by running its CPU alone from the wait (its event register set,
 * the other CPUs frozen) until it waits in wfe again: when it comes back to the very same
 * machine state having written nothing but its own private registers, the wait is a stutter and
 * the words it read are what can end it (a write to one of them is what wakes it, so the local
 * future of InterleavingReduction reads them). Anything else — a write another CPU can see, a
 * fault, another context, ITERATION_BOUND steps — counts as progress: the waiter gets its
 * step, as without the reduction.
 */
/** Decides whether a CPU waiting in wfe has anywhere to go (see the notes above). */
final class SpinWaits {
    /** Steps one iteration of a wait loop may take before it counts as progress. */
    static final int ITERATION_BOUND = 64;

    private final KernelModel model;

    SpinWaits(KernelModel model) {
        this.model = model;
    }

    /**
     * One iteration of the CPU's wait loop run alone from m: whether it came back to wait in wfe
     * again having written nothing but the CPU's private registers, whether it came back to m
     * itself (a stutter: the CPU has no move until one of the words it read changes), and the
     * words it read up to where it came back or went on. The CPU must be blocked in wfe.
     */
    record Iteration(boolean cameBack, boolean stutter, Footprint reads) {}

    Iteration iterate(MachineState m, int cpu) {
        MachineState start = m.copy();
        java.util.Arrays.fill(start.eventFlag, 0); // dead state under this reduction
        long home = start.fingerprint();
        return model.withoutTrace(() -> {
            MachineState x = start;
            int ctx = x.currentContext(cpu);
            Footprint reads = new Footprint();
            x.eventFlag[cpu] = 1; // the wake-up (what the event stream can always give)
            for (int n = 0; n < ITERATION_BOUND; n++) {
                Footprint fp = new Footprint();
                boolean faulted = model.stepSettled(x, cpu, fp, false) != null;
                reads.addReads(fp);
                if (faulted || fp.unknown() || !fp.writesOnlyPrivateOf(cpu) || x.currentContext(cpu) != ctx) {
                    return new Iteration(false, false, reads);
                }
                ExecContext c = x.peekContext(ctx);
                if (c.status != ExecContext.Status.RUNNABLE) {
                    boolean back = c.status == ExecContext.Status.BLOCKED && model.events().waitsInWfe(x, cpu);
                    return new Iteration(back, back && x.fingerprint() == home, reads);
                }
            }
            return new Iteration(false, false, reads);
        });
    }

    /**
     * Runs one iteration of the wait loop on m itself, every step into fp: for a CPU that has
     * just begun to wait, whose first iteration (iterate: came back, not a stutter) only leaves
     * dead values behind, such as a temporary of the loop's condition. Every later wait then
     * starts from the state its iterations come back to, so that the first wait is a stutter
     * too. The CPU could wake at once and run it anyway (the event stream), so the state is one
     * the kernel reaches.
     */
    void runIteration(MachineState m, int cpu, Footprint fp) {
        m.eventFlag[cpu] = 1;
        int ctx = m.currentContext(cpu);
        for (int n = 0; n < ITERATION_BOUND; n++) {
            model.stepSettled(m, cpu, fp, false);
            if (m.peekContext(ctx).status != ExecContext.Status.RUNNABLE) {
                return;
            }
        }
    }
}
