package dev.spinlab.machine;

import java.util.Arrays;

/*
 * Implementation notes.
 *
 * One flow of execution of interpreted code: a user thread, a kernel task, a softirq or a
 * hardirq handler. Everything the interpreter needs to resume it lives here as primitives:
 * a register file (a window of long registers per frame), a frame stack (function id, program
 * counter, register base, frame pointer, destination register of the pending call) and the
 * bounds of its stack in simulated memory. No Java call stack ever holds simulated state, so
 * a context can be copied, hashed and resumed on any CPU.
 *
 * Registers above regTop and frames above frameTop are dead and kept zero, so they never
 * make two equal states look different.
 */
public final class ExecContext {
    public static final int FRAME_WORDS = 6;
    public static final int F_FN = 0;
    public static final int F_PC = 1;
    public static final int F_REGBASE = 2;
    public static final int F_FP = 3;
    public static final int F_RETREG = 4;
    /** Frame flags: {@link #FLAG_EXCEPTION}, {@link #FLAG_SAVED_IRQ_ON}. */
    public static final int F_FLAGS = 5;
    /**
     * The frame was pushed by an exception (interrupt) on top of whatever the context was doing,
     * as a CPU does when it takes an interrupt on the current stack; its return is an exception
     * return: the interrupted frame resumes at its saved pc and the irq flag is restored.
     */
    public static final long FLAG_EXCEPTION = 1;
    /** In an exception frame: irqs were enabled when the exception was taken. */
    public static final long FLAG_SAVED_IRQ_ON = 2;

    /** BLOCKED: waiting in an intrinsic (wfe, wfi) that is retried at the next step. */
    public enum Status { RUNNABLE, BLOCKED, EXITED, FAULTED;
        public boolean canRun() {
            return this == RUNNABLE || this == BLOCKED;
        }
    }

    /** Room a copy keeps above the live registers and frames, for the next calls. */
    private static final int REG_ROOM = 32;
    private static final int FRAME_ROOM = 2 * FRAME_WORDS;

    public final int id;
    public Status status = Status.RUNNABLE;
    public long[] regs;
    public int regTop;
    public long[] frames;
    public int frameTop;
    public long stackLo;
    public long stackHi;
    public long sp;
    /** Exit status (EXITED) or the return value of the entry function. */
    public long exitCode;
    /** Free for the layer above: the kernel records which task/context kind this is. */
    public long tag;

    public ExecContext(int id, long stackLo, long stackHi) {
        this.id = id;
        this.regs = new long[64];
        this.frames = new long[FRAME_WORDS * 16];
        this.stackLo = stackLo;
        this.stackHi = stackHi;
        this.sp = stackHi;
    }

    private ExecContext(ExecContext o) {
        this.id = o.id;
        this.status = o.status;
        // Only the live part and some room: a model checker copies a context for every step it
        // takes, and what the copy allocates, not what it computes, is what a search pays for.
        this.regs = Arrays.copyOf(o.regs, Math.min(o.regs.length, o.regTop + REG_ROOM));
        this.regTop = o.regTop;
        this.frames = Arrays.copyOf(o.frames, Math.min(o.frames.length, o.frameTop + FRAME_ROOM));
        this.frameTop = o.frameTop;
        this.stackLo = o.stackLo;
        this.stackHi = o.stackHi;
        this.sp = o.sp;
        this.exitCode = o.exitCode;
        this.tag = o.tag;
    }

    public ExecContext copy() {
        return new ExecContext(this);
    }

    public int depth() {
        return frameTop / FRAME_WORDS;
    }

    /** Word {@code field} of frame {@code i} (0 = outermost). */
    public long frame(int i, int field) {
        return frames[i * FRAME_WORDS + field];
    }

    public boolean onStack(long addr, long size) {
        return addr >= stackLo && addr + size <= stackHi;
    }

    public void ensureRegs(int n) {
        if (n > regs.length) {
            regs = Arrays.copyOf(regs, Math.max(n + REG_ROOM, regs.length + (regs.length >> 1)));
        }
    }

    public void ensureFrames(int words) {
        if (words > frames.length) {
            frames = Arrays.copyOf(frames, Math.max(words + FRAME_ROOM, frames.length + (frames.length >> 1)));
        }
    }

    /** Fingerprint cache, used by MachineState only while the context is shared (frozen). */
    long fpCache;
    boolean fpCached;

    public long fingerprint() {
        long h = Fingerprint.mix(id * 31L + status.ordinal());
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(1, regs, regTop));
        h = Fingerprint.mix(h ^ Fingerprint.ofArray(2, frames, frameTop));
        h = Fingerprint.mix(h ^ sp) ^ Fingerprint.mix(stackLo + 3 * stackHi);
        return Fingerprint.mix(h ^ exitCode ^ (tag * 0x9E3779B97F4A7C15L));
    }

    public boolean sameAs(ExecContext o) {
        return id == o.id && status == o.status && regTop == o.regTop && frameTop == o.frameTop
                && sp == o.sp && stackLo == o.stackLo && stackHi == o.stackHi && exitCode == o.exitCode
                && tag == o.tag
                && Arrays.equals(regs, 0, regTop, o.regs, 0, regTop)
                && Arrays.equals(frames, 0, frameTop, o.frames, 0, frameTop);
    }
}
