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
 * step, as without the reduction. A first wait's iteration comes back to a state that differs
 * only in a dead temporary of the loop's condition; check clears dead registers after every
 * step (Interpreter.clearDead), so that is the same state and the first wait is a stutter
 * too (without the clearing, that one wake-up would be taken).
 *
 * A polling loop (`while (!spin_trylock(&l)) cpu_relax();`, `while (!READ_ONCE(flag))
 * cpu_relax();`) is the same wait without wfe: the kernel's busy-waits call cpu_relax() on each
 * round, so a CPU about to call it is tested the same way, its iteration run until it is about
 * to call it again. A stutter there leaves the CPU without a move until a word it read
 * changes; a state where every CPU is so stuck and no event can come has no choice — the
 * deadlock SpinDetector finds as a cycle without this reduction, reported in its words. A loop
 * without cpu_relax() stays a cycle of steps (SpinDetector).
 */
/** Decides whether a CPU waiting in wfe, or polling with cpu_relax(), has anywhere to go (see the notes above). */
final class SpinWaits {
    /** Steps one iteration of a wait loop may take before it counts as progress. */
    static final int ITERATION_BOUND = 64;

    private final KernelModel model;

    SpinWaits(KernelModel model) {
        this.model = model;
    }

    /**
     * One iteration of the CPU's wait loop run alone from m: whether it is a stutter (it comes
     * back to m itself having written nothing but the CPU's private registers, so the CPU has no
     * move until one of the words it read changes) and the words it read up to where it came
     * back or went on. The CPU waits in wfe, or polls: it is about to call cpu_relax().
     */
    record Iteration(boolean stutter, Footprint reads) {}

    /** Slots of the cache of iterations (a power of two): a state's waiters are asked about often. */
    private static final int CACHE = 1 << 12;
    private final long[] cachedKeys = new long[CACHE];
    private final Iteration[] cached = new Iteration[CACHE];

    /**
     * The iteration from m, remembered by m's fingerprint: the choices, the local futures, the
     * wake-up's footprint and the interrupts reduction all ask about the same waiter of a state.
     */
    Iteration iterate(MachineState m, int cpu) {
        long key = dev.spinlab.machine.Fingerprint.mix(m.fingerprint() + cpu);
        int slot = (int) (key & (CACHE - 1));
        Iteration it = cached[slot];
        if (it != null && cachedKeys[slot] == key) {
            return it;
        }
        it = run(m, cpu);
        cachedKeys[slot] = key;
        cached[slot] = it;
        return it;
    }

    private Iteration run(MachineState m, int cpu) {
        MachineState start = m.copy();
        java.util.Arrays.fill(start.eventFlag, 0); // dead state under this reduction
        long home = start.fingerprint();
        boolean polling = model.events().pollsAt(start, cpu);
        return model.withoutTrace(() -> {
            MachineState x = start;
            int ctx = x.currentContext(cpu);
            Footprint reads = new Footprint();
            if (!polling) {
                x.eventFlag[cpu] = 1; // the wake-up (what the event stream can always give)
            }
            for (int n = 0; n < ITERATION_BOUND; n++) {
                Footprint fp = new Footprint();
                boolean faulted = model.stepSettled(x, cpu, fp, false) != null;
                reads.addReads(fp);
                if (faulted || fp.unknown() || !fp.writesOnlyPrivateOf(cpu) || x.currentContext(cpu) != ctx) {
                    return new Iteration(false, reads);
                }
                ExecContext c = x.peekContext(ctx);
                boolean back = polling ? model.events().pollsAt(x, cpu) : model.events().waitsInWfe(x, cpu);
                if (back || c.status != ExecContext.Status.RUNNABLE) {
                    return new Iteration(back && x.fingerprint() == home, reads);
                }
            }
            return new Iteration(false, reads);
        });
    }
}
