package dev.spinlab.machine;

import java.util.Arrays;

/*
 * Implementation notes.
 *
 * The whole simulated machine as one value (DESIGN principle 3): memory, and per CPU the
 * irq-enabled flag, a preempt_count slot, the wfe event register, the exclusive monitor used
 * by ldrex/strex, pending interrupt lines, and the stack of execution contexts the CPU is
 * running (the task at the bottom, softirq/hardirq contexts pushed on top, as on a real CPU
 * where an interrupt runs on top of whatever it interrupted). Execution contexts not on any
 * CPU (sleeping or runnable tasks) stay in the context table.
 *
 * copy(), sameAs() and fingerprint() walk the fields in one canonical order. The step counter
 * is history, not state: it is excluded from equality and fingerprint so that the model
 * checker can recognise a state reached along two paths of different length.
 */
public final class MachineState {
    /** Deepest nesting of contexts on one CPU (task, softirq, hardirq, NMI and some slack). */
    public static final int MAX_NEST = 8;
    public static final long NO_MONITOR = -1;

    public final int ncpu;
    public Memory mem;
    public final int[] irqEnabled;
    public final int[] preemptCount;
    public final int[] eventFlag;
    public final long[] exclusive;
    public final long[] pendingIrq;
    private final int[] cpuStack;
    private final int[] cpuDepth;
    private ExecContext[] contexts = new ExecContext[8];
    private int nContexts;
    /** Steps executed so far (history, not state). */
    public long steps;
    /**
     * Simulated time in nanoseconds. Like the step counter it is excluded from equality and
     * fingerprint: the model checker abstracts time (a timer may fire at any point after it is
     * armed), and a run only needs it to be deterministic.
     */
    public long timeNs;

    /**
     * The machine's devices: per device, how many events it still has to deliver (the --irq
     * lines' raises left, eth0's echo requests still to arrive). A device's budget decides what
     * can happen next, so it is state like the rest. A negative budget is a doorbell device
     * not rung yet (-count: it raises nothing until its driver rings it, then count).
     */
    public int[] deviceEvents = new int[0];

    /** Per context: whether this state has its own copy (else it shares it with another state). */
    private boolean[] owned = new boolean[8];

    public MachineState(int ncpu) {
        if (ncpu < 1 || ncpu > 64) {
            throw new IllegalArgumentException("cpus must be 1..64, got " + ncpu);
        }
        this.ncpu = ncpu;
        this.mem = new Memory();
        this.irqEnabled = new int[ncpu];
        Arrays.fill(irqEnabled, 1);
        this.preemptCount = new int[ncpu];
        this.eventFlag = new int[ncpu];
        this.exclusive = new long[ncpu];
        Arrays.fill(exclusive, NO_MONITOR);
        this.pendingIrq = new long[ncpu];
        this.cpuStack = new int[ncpu * MAX_NEST];
        this.cpuDepth = new int[ncpu];
    }

    private MachineState(MachineState o) {
        this.ncpu = o.ncpu;
        this.mem = o.mem.copy();
        this.irqEnabled = o.irqEnabled.clone();
        this.preemptCount = o.preemptCount.clone();
        this.eventFlag = o.eventFlag.clone();
        this.exclusive = o.exclusive.clone();
        this.pendingIrq = o.pendingIrq.clone();
        this.cpuStack = o.cpuStack.clone();
        this.cpuDepth = o.cpuDepth.clone();
        // contexts are shared copy-on-write, like memory blocks: both states copy one before
        // changing it (context()); a shared context's fingerprint is computed once
        this.contexts = o.contexts.clone();
        this.owned = new boolean[o.contexts.length];
        for (int i = 0; i < o.nContexts; i++) {
            if (o.owned[i]) {
                o.contexts[i].fpCached = false; // it may have changed since it was last hashed
                o.owned[i] = false;
            }
        }
        this.nContexts = o.nContexts;
        this.deviceEvents = o.deviceEvents.clone();
        this.steps = o.steps;
        this.timeNs = o.timeNs;
    }

    public MachineState copy() {
        return new MachineState(this);
    }

    // ---- contexts ----

    /** Creates a context with a fresh stack of {@code stackSize} bytes in memory. */
    public ExecContext newContext(long stackSize) {
        long lo = mem.map(stackSize, 16, 64, Memory.VALID);
        ExecContext c = new ExecContext(nContexts, lo, lo + stackSize);
        if (nContexts == contexts.length) {
            contexts = Arrays.copyOf(contexts, nContexts * 2);
            owned = Arrays.copyOf(owned, contexts.length);
        }
        owned[nContexts] = true;
        contexts[nContexts++] = c;
        return c;
    }

    /** The context with this id, this state's own copy (callers may change it). */
    public ExecContext context(int id) {
        if (!owned[id]) {
            contexts[id] = contexts[id].copy();
            owned[id] = true;
        }
        ExecContext c = contexts[id];
        c.fpCached = false; // the caller may change it: fingerprint it again
        return c;
    }

    /**
     * The context with this id, to look at only: no copy is made, so the caller must not change
     * it (for a model checker's many reads of states it never steps).
     */
    public ExecContext peekContext(int id) {
        return contexts[id];
    }

    /** The fingerprint of the context with this id (cached while the context is shared, as fingerprint() caches it). */
    public long contextFingerprint(int id) {
        ExecContext c = contexts[id];
        if (!c.fpCached) {
            c.fpCache = c.fingerprint();
            c.fpCached = true;
        }
        return c.fpCache;
    }

    public int contextCount() {
        return nContexts;
    }

    // ---- per-CPU context stacks ----

    public void pushContext(int cpu, int ctxId) {
        if (cpuDepth[cpu] == MAX_NEST) {
            throw new ExecFault(ExecFault.Kind.STACK_OVERFLOW, 0,
                    "CPU#" + cpu + ": contexts nested deeper than " + MAX_NEST);
        }
        cpuStack[cpu * MAX_NEST + cpuDepth[cpu]++] = ctxId;
    }

    public int popContext(int cpu) {
        int id = cpuStack[cpu * MAX_NEST + --cpuDepth[cpu]];
        cpuStack[cpu * MAX_NEST + cpuDepth[cpu]] = 0;
        return id;
    }

    /** The context on top of this CPU's stack (the one executing), or -1 when idle. */
    public int currentContext(int cpu) {
        int d = cpuDepth[cpu];
        return d == 0 ? -1 : cpuStack[cpu * MAX_NEST + d - 1];
    }

    public int nesting(int cpu) {
        return cpuDepth[cpu];
    }

    /** Context at nesting level {@code level} of a CPU (0 = bottom, the task). */
    public int contextAt(int cpu, int level) {
        return cpuStack[cpu * MAX_NEST + level];
    }

    /** Replaces the bottom (task) context of an idle-or-task CPU: the context switch. */
    public void setTaskContext(int cpu, int ctxId) {
        if (cpuDepth[cpu] == 0) {
            pushContext(cpu, ctxId);
        } else {
            cpuStack[cpu * MAX_NEST] = ctxId;
        }
    }

    /**
     * Whether the CPU takes an interrupt before its next instruction: a line is pending and its
     * interrupts are unmasked (kernel.Transition's CPU step takes it first).
     */
    public boolean interruptDeliverable(int cpu) {
        return pendingIrq[cpu] != 0 && irqEnabled[cpu] != 0;
    }

    // ---- exclusive monitors (ARM ldrex/strex) ----

    /** Every store clears other CPUs' monitors on the same 4-byte granule (ARM's global monitor). */
    public void noteStore(int cpu, long addr, long size) {
        for (int c = 0; c < ncpu; c++) {
            long m = exclusive[c];
            if (c != cpu && m != NO_MONITOR && m + 4 > addr && m < addr + size) {
                exclusive[c] = NO_MONITOR;
            }
        }
    }

    // ---- value semantics ----

    public long fingerprint() {
        long h = Fingerprint.mix(ncpu);
        h = Fingerprint.mix(h ^ mem.fingerprint());
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(11, irqEnabled, ncpu));
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(12, preemptCount, ncpu));
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(13, eventFlag, ncpu));
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(14, exclusive, ncpu));
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(15, pendingIrq, ncpu));
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(16, cpuStack, cpuStack.length));
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(17, cpuDepth, ncpu));
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(18, deviceEvents, deviceEvents.length));
        for (int i = 0; i < nContexts; i++) {
            // cached on the context; context(i), the only way to change it, drops the cache
            h = Fingerprint.mix(h ^ contextFingerprint(i)) + i;
        }
        return h;
    }

    public boolean sameAs(MachineState o) {
        if (ncpu != o.ncpu || nContexts != o.nContexts
                || !Arrays.equals(irqEnabled, o.irqEnabled) || !Arrays.equals(preemptCount, o.preemptCount)
                || !Arrays.equals(eventFlag, o.eventFlag) || !Arrays.equals(exclusive, o.exclusive)
                || !Arrays.equals(pendingIrq, o.pendingIrq) || !Arrays.equals(cpuStack, o.cpuStack)
                || !Arrays.equals(cpuDepth, o.cpuDepth) || !Arrays.equals(deviceEvents, o.deviceEvents)
                || !mem.sameAs(o.mem)) {
            return false;
        }
        for (int i = 0; i < nContexts; i++) {
            if (!contexts[i].sameAs(o.contexts[i])) {
                return false;
            }
        }
        return true;
    }
}
