package dev.spinlab.kc.interp;

import dev.spinlab.kc.ir.CSemantics;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.IrFunction;
import dev.spinlab.kc.ir.Op;
import dev.spinlab.machine.AccessObserver;
import dev.spinlab.machine.CallEnv;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.ExecFault;
import dev.spinlab.machine.MachineObserver;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.Register;
import dev.spinlab.machine.Memory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/*
 * Implementation notes.
 *
 * Executes IR against a MachineState, one step at a time. A step runs the context on top of
 * a CPU's context stack until it has performed exactly one visible operation and stops just
 * before the next one (or when the context blocks, exits or faults). Visible operations are
 * the ones another CPU could observe or that leave the CPU: loads and stores outside the
 * context's own stack, block copies touching such memory, and calls of intrinsics (not of
 * observers, Intrinsic.Observer, which change nothing another CPU could see). Everything
 * else (register arithmetic, branches, calls and returns of C functions, frame accesses) is
 * local and runs inside the step, so a model checker interleaves CPUs exactly at the points
 * where interleaving can matter.
 *
 * A step that runs LOCAL_BUDGET instructions without reaching a visible operation is an
 * infinite local loop: it is reported as a fault, never a hang.
 *
 * Registers and stack memory of returning frames are cleared, so dead values never make two
 * equal states differ; under check (setClearDeadRegisters) so are the registers of live
 * frames that no path reads again (clearDead, kc.ir.Liveness).
 */
public final class Interpreter {
    public static final long LOCAL_BUDGET = 20_000_000L;
    private static final long NO_LDREX = Long.MIN_VALUE;

    public enum Outcome { PROGRESS, BLOCKED, EXITED, FAULTED, IDLE }

    private final CodeSpace code;
    private MachineObserver observer;
    private Fault lastFault;
    private final Env env = new Env();
    /** Functions whose entry is reported to callObserver; both null when nothing is observed. */
    private java.util.BitSet observedCalls;
    private CallObserver callObserver;
    /** Hears visible accesses and intrinsic calls; null when nothing listens (the usual case). */
    private AccessObserver accessObserver;

    public Interpreter(CodeSpace code, MachineObserver observer) {
        this.code = code;
        this.observer = observer;
    }

    /** Sets (or with null clears) the observer of visible accesses; see {@link AccessObserver}. */
    public void setAccessObserver(AccessObserver o) {
        this.accessObserver = o;
    }

    public CodeSpace code() {
        return code;
    }

    public void setObserver(MachineObserver observer) {
        this.observer = observer;
    }

    /**
     * Reports every entry of the C functions with the given ids (calls made by C code, direct
     * or through a pointer) to the observer. Null or an empty set turns observing off; then
     * the call path pays one null check.
     */
    public void observeCalls(java.util.BitSet functionIds, CallObserver observer) {
        boolean on = functionIds != null && !functionIds.isEmpty() && observer != null;
        this.observedCalls = on ? (java.util.BitSet) functionIds.clone() : null;
        this.callObserver = on ? observer : null;
    }

    /** The fault of the last step that returned FAULTED. */
    public Fault lastFault() {
        return lastFault;
    }

    /** Makes ctx call the function at {@code address} with args; its result becomes the exit code. */
    public void start(ExecContext ctx, long address, long... args) {
        int id = code.idOf(address);
        if (id < 0 || code.entry(id).fn() == null) {
            throw new IllegalArgumentException("not a C function: " + Long.toHexString(address));
        }
        pushFrame(ctx, code.entry(id).fn(), id, args, 0, args.length, -1);
    }

    /**
     * Makes a stopped context call the C function at {@code address} on top of its frames (the
     * kernel uses it to make a task that faulted in user space run do_exit()); the context
     * becomes runnable. The function must not return into the stopped frames.
     */
    public void callOnTop(ExecContext ctx, long address, long... args) {
        int id = code.idOf(address);
        if (id < 0 || code.entry(id).fn() == null) {
            throw new IllegalArgumentException("not a C function: " + Long.toHexString(address));
        }
        pushFrame(ctx, code.entry(id).fn(), id, args, 0, args.length, -1);
        ctx.status = ExecContext.Status.RUNNABLE;
    }

    /**
     * Takes an exception on a CPU: pushes a call of the C function at {@code address} on top of
     * the context the CPU is running, as hardware does when it takes an interrupt on the
     * current stack. Irqs are masked and the local exclusive monitor cleared on entry; the
     * frame's return is an exception return (see {@link ExecContext#FLAG_EXCEPTION}). Those two
     * register writes are told to obs (may be null), as the return tells its own.
     */
    public void takeException(MachineState s, int cpu, ExecContext ctx, AccessObserver obs, long address,
                              long... args) {
        int id = code.idOf(address);
        if (id < 0 || code.entry(id).fn() == null) {
            throw new IllegalArgumentException("not a C function: " + Long.toHexString(address));
        }
        long saved = s.irqEnabled[cpu] != 0 ? ExecContext.FLAG_SAVED_IRQ_ON : 0;
        if (ctx.status == ExecContext.Status.BLOCKED) {
            // an interrupt completes a waiting wfi/wfe: execution resumes after it (ARM)
            int top = ctx.frameTop - ExecContext.FRAME_WORDS;
            ctx.frames[top + ExecContext.F_PC] += Op.WIDTH;
            ctx.status = ExecContext.Status.RUNNABLE;
        }
        pushFrame(ctx, code.entry(id).fn(), id, args, 0, args.length, -1);
        ctx.frames[ctx.frameTop - ExecContext.FRAME_WORDS + ExecContext.F_FLAGS] = ExecContext.FLAG_EXCEPTION | saved;
        s.irqEnabled[cpu] = 0;
        s.exclusive[cpu] = MachineState.NO_MONITOR;
        if (obs != null) {
            obs.register(Register.IRQ_MASK, cpu, true);
            obs.register(Register.MONITOR, cpu, true);
        }
    }

    private void pushFrame(ExecContext ctx, IrFunction f, int id, long[] src, int srcFrom, int argc, int retReg) {
        int base;
        if (ctx.frameTop == 0) {
            base = 0;
        } else {
            int fb = ctx.frameTop - ExecContext.FRAME_WORDS;
            IrFunction caller = code.entry((int) ctx.frames[fb + ExecContext.F_FN]).fn();
            base = (int) ctx.frames[fb + ExecContext.F_REGBASE] + caller.nregs;
        }
        long fp = ctx.sp - f.frameSize;
        // every call also costs its return address and saved frame pointer, as on x86-64, so
        // recursion through functions without locals overflows the stack too (it used to grow
        // the Java arrays until the heap ran out: issue 18); the addresses stay as they were
        if (fp - CALL_BYTES * (ctx.depth() + 1L) < ctx.stackLo) {
            throw new ExecFault(ExecFault.Kind.STACK_OVERFLOW, fp,
                    "stack overflow in " + f.name + " (stack of " + (ctx.stackHi - ctx.stackLo) + " bytes)");
        }
        ctx.ensureRegs(base + f.nregs);
        int n = Math.min(argc, f.nregs);
        System.arraycopy(src, srcFrom, ctx.regs, base, n);
        ctx.regTop = base + f.nregs;
        ctx.sp = fp;
        ctx.ensureFrames(ctx.frameTop + ExecContext.FRAME_WORDS);
        int fb = ctx.frameTop;
        ctx.frames[fb + ExecContext.F_FN] = id;
        ctx.frames[fb + ExecContext.F_PC] = 0;
        ctx.frames[fb + ExecContext.F_REGBASE] = base;
        ctx.frames[fb + ExecContext.F_FP] = fp;
        ctx.frames[fb + ExecContext.F_RETREG] = retReg;
        ctx.frames[fb + ExecContext.F_FLAGS] = 0;
        ctx.frameTop += ExecContext.FRAME_WORDS;
    }

    /**
     * Whether loads from read-only memory (string literals, const objects) are local
     * operations instead of visible ones. Nothing can change such memory, so a load of it
     * commutes with every other CPU's step: check (setReadOnlyLocal(true)) lets a step run on
     * through it, which removes the interleavings around it; run keeps them visible, so that
     * its timing, one visible operation per step, stays what it was.
     */
    private boolean readOnlyLocal;

    public void setReadOnlyLocal(boolean on) {
        this.readOnlyLocal = on;
    }

    /**
     * Whether calls of intrinsics declared CPU-local (Intrinsic.cpuLocal: the CPU's own
     * preempt_count and irq mask, current, barriers) run inside the step instead of being
     * visible operations: check's cpu-local reduction. Each such call commutes with every
     * other CPU's step and every event, and, when its locality asks for the interrupts to be
     * masked, no handler can arrive before it; so the boundary before it separates nothing
     * that could matter. run keeps them visible (its timing, one visible operation per step).
     */
    private boolean cpuLocalIntrinsics;

    public void setCpuLocalIntrinsics(boolean on) {
        this.cpuLocalIntrinsics = on;
    }

    /**
     * Whether the wfe event registers are dead state (check's spin-waits clears them after every
     * transition and wakes a waiter by what its loop reads): an EVENTS_DEAD call (SEV) is then
     * CPU-local too, with the cpu-local calls on.
     */
    private boolean eventsDead;

    public void setEventsDead(boolean on) {
        this.eventsDead = on;
    }

    /**
     * Whether a step that made an __ldrex runs on through the __strex to the same word when that
     * is its next visible operation: check's exclusive-pairs reduction. Whatever another CPU or
     * an interrupt could do between the two either commutes with the ldrex (it does not store to
     * the granule) or clears this CPU's exclusive monitor, so the strex fails and the loop takes
     * its ldrex again from a state that differs only in dead registers: a stutter. Every
     * execution is thus equivalent to one where the pair runs back to back. run keeps them two
     * steps (its timing, one visible operation per step).
     */
    private boolean exclusivePairs;

    public void setExclusivePairs(boolean on) {
        this.exclusivePairs = on;
    }

    /** Whether this call of the intrinsic is local now (Intrinsic.CpuLocality). */
    private boolean cpuLocalNow(dev.spinlab.machine.Intrinsic in, MachineState s, int cpu, ExecContext ctx, long[] args,
                                dev.spinlab.machine.PrivateMemory priv, long owner) {
        return switch (in.cpuLocality()) {
            case NEVER -> false;
            case ALWAYS -> true;
            case IRQS_OFF -> s.irqEnabled[cpu] == 0;
            case EVENTS_DEAD -> eventsDead;
            case MEMORY -> {
                LocalRanges probe = localRanges;
                probe.begin(s.mem, ctx, priv, owner);
                in.effects().declare(s, cpu, args, probe);
                yield probe.local;
            }
        };
    }

    private final LocalRanges localRanges = new LocalRanges();

    /**
     * Whether an access needs no visible operation of its own: the context's stack, a read of
     * read-only memory (with read-only loads local), or data the private-data monitor hides
     * (asked last: it records the access with its owner).
     */
    private boolean stepOwn(ExecContext ctx, Memory mem, dev.spinlab.machine.PrivateMemory priv, long owner,
                            long addr, long size, boolean write) {
        return ctx.onStack(addr, size) || !write && readOnlyLocal && mem.readOnly(addr, size)
                || priv != null && priv.access(owner, addr, size, write);
    }

    /**
     * Hears a MEMORY-local intrinsic's declared effects: local while every range is on the
     * context's stack, read-only (as a source, with read-only loads local) or hidden by the
     * private-data reduction (which records it as it would the loads and stores themselves),
     * and every register is one of the flow's own (below).
     */
    private final class LocalRanges implements dev.spinlab.machine.AccessObserver {
        private Memory mem;
        private ExecContext ctx;
        private dev.spinlab.machine.PrivateMemory priv;
        private long owner;
        boolean local;

        void begin(Memory mem, ExecContext ctx, dev.spinlab.machine.PrivateMemory priv, long owner) {
            this.mem = mem;
            this.ctx = ctx;
            this.priv = priv;
            this.owner = owner;
            this.local = true;
        }

        @Override
        public void access(long addr, long size, boolean write, int fn, int pc) {
            if (size > 0 && !stepOwn(ctx, mem, priv, owner, addr, size, write)) {
                local = false;
            }
        }

        @Override
        public void undeclared(String name) {
            local = false;
        }

        /**
         * An allocation arena's pointer is the step's own: each arena serves one flow at a
         * time (AllocArenas); reading the CPU's current context or its preempt_count (which
         * arena) finds the same values whatever interrupt comes and goes first.
         */
        @Override
        public void register(dev.spinlab.machine.Register reg, int index, boolean write) {
            boolean own = reg == dev.spinlab.machine.Register.ARENA
                    || !write && (reg == dev.spinlab.machine.Register.CONTEXT || reg == dev.spinlab.machine.Register.PREEMPT);
            if (!own) {
                local = false;
            }
        }
    }

    /**
     * Memory a step runs on through as through its own stack (check's private-data
     * reduction), or null: every access outside the stack and read-only memory is visible.
     */
    private dev.spinlab.machine.PrivateMemory privateMemory;
    /**
     * Hidden accesses one step makes at most: a loop over private data (a busy-wait on a flag
     * nobody else has touched yet) must still end its step, and ending a step early only
     * makes transitions finer.
     */
    static final int HIDDEN_PER_STEP = 4096;

    public void setPrivateMemory(dev.spinlab.machine.PrivateMemory p) {
        this.privateMemory = p;
    }

    /** Exception frames on ctx: the flow its top frame belongs to (PrivateMemory.owner). */
    static int exceptionDepth(ExecContext ctx) {
        int n = 0;
        for (int fb = ExecContext.F_FLAGS; fb < ctx.frameTop; fb += ExecContext.FRAME_WORDS) {
            if ((ctx.frames[fb] & ExecContext.FLAG_EXCEPTION) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Hears an intrinsic's declared accesses for the private-data monitor, as owner's. */
    private static final class OwnerAccesses implements AccessObserver {
        final dev.spinlab.machine.PrivateMemory to;
        final long owner;

        OwnerAccesses(dev.spinlab.machine.PrivateMemory to, long owner) {
            this.to = to;
            this.owner = owner;
        }

        @Override
        public void access(long addr, long size, boolean write, int fn, int pc) {
            to.access(owner, addr, size, write);
        }

        @Override
        public void undeclared(String what) {
            to.unknown(owner, what);
        }
    }

    /** Executes one step of the context on top of the CPU. */
    public Outcome step(MachineState s, int cpu) {
        int cid = s.currentContext(cpu);
        Outcome o = stepOnce(s, cpu);
        if (clearDeadRegisters && cid >= 0) {
            clearDead(s.peekContext(cid));
        }
        return o;
    }

    /** Set by {@link #setClearDeadRegisters}. */
    private boolean clearDeadRegisters;
    /** The lowest frameTop of the stepped context during the current step (clearDead). */
    private int lowestTop;

    /**
     * Whether each step ends by clearing the registers of the stepped context that no path
     * reads again before writing (kc.ir.Liveness): check's states, where two states that
     * differ only in such values are one; run has no use for it.
     */
    public void setClearDeadRegisters(boolean on) {
        this.clearDeadRegisters = on;
    }

    /**
     * Zeroes the dead registers of every frame of c: those not live before the instruction
     * the frame resumes at (the next one for the top frame, the return address for a caller,
     * the call to retry for a blocked one). c is the step's own copy (step took it with
     * MachineState.context).
     */
    private void clearDead(ExecContext c) {
        // only the frames that were on top during the step can have changed since the last
        // clearing (a deep kernel stack would otherwise be walked at every step)
        clearDeadFrom(c, Math.max(0, Math.min(lowestTop, c.frameTop) - ExecContext.FRAME_WORDS));
    }

    /**
     * Clears the dead registers of every frame of every context of s (a search's first state:
     * from there each step keeps its own context's frames cleared, clearDead).
     */
    public void clearAllDead(MachineState s) {
        for (int id = 0; id < s.contextCount(); id++) {
            if (s.peekContext(id) != null) {
                clearDeadFrom(s.context(id), 0);
            }
        }
    }

    private void clearDeadFrom(ExecContext c, int from) {
        if (c.status != ExecContext.Status.RUNNABLE && c.status != ExecContext.Status.BLOCKED) {
            return;
        }
        for (int fb = from; fb + ExecContext.FRAME_WORDS <= c.frameTop; fb += ExecContext.FRAME_WORDS) {
            IrFunction fn = code.entry((int) c.frames[fb + ExecContext.F_FN]).fn();
            if (fn == null) {
                continue;
            }
            int pc = (int) c.frames[fb + ExecContext.F_PC];
            java.util.BitSet live = fn.liveness().liveAt(pc);
            if (live == null) {
                continue;
            }
            // a caller waiting for its callee (the frame above is no exception entry): the call's
            // result register is written by the return before anything reads it
            int above = fb + ExecContext.FRAME_WORDS;
            int result = -1;
            if (above < c.frameTop && (c.frames[above + ExecContext.F_FLAGS] & ExecContext.FLAG_EXCEPTION) == 0
                    && pc >= Op.WIDTH && fn.code[pc - Op.WIDTH] == Op.CALL) {
                result = fn.code[pc - Op.WIDTH + 1];
            }
            int base = (int) c.frames[fb + ExecContext.F_REGBASE];
            int end = Math.min(base + fn.nregs, c.regs.length);
            for (int r = base; r < end; r++) {
                if (c.regs[r] != 0 && (!live.get(r - base) || r - base == result)) {
                    c.regs[r] = 0;
                }
            }
        }
    }

    private Outcome stepOnce(MachineState s, int cpu) {
        int cid = s.currentContext(cpu);
        if (cid < 0) {
            return Outcome.IDLE;
        }
        ExecContext ctx = s.context(cid);
        if (ctx.status == ExecContext.Status.EXITED) {
            return Outcome.EXITED;
        }
        if (ctx.status == ExecContext.Status.FAULTED) {
            return Outcome.FAULTED;
        }
        if (ctx.status == ExecContext.Status.BLOCKED) {
            ctx.status = ExecContext.Status.RUNNABLE; // retry the waiting call
        }
        s.steps++;
        lowestTop = ctx.frameTop;
        Memory mem = s.mem;
        boolean visible = false;
        long ldrexAt = NO_LDREX;
        long budget = LOCAL_BUDGET;
        int fb = ctx.frameTop - ExecContext.FRAME_WORDS;
        IrFunction f = code.entry((int) ctx.frames[fb + ExecContext.F_FN]).fn();
        int[] ins = f.code;
        long[] k = f.consts;
        int pc = (int) ctx.frames[fb + ExecContext.F_PC];
        int base = (int) ctx.frames[fb + ExecContext.F_REGBASE];
        long fp = ctx.frames[fb + ExecContext.F_FP];
        long[] r = ctx.regs;
        dev.spinlab.machine.PrivateMemory priv = privateMemory;
        long owner = priv == null ? 0 : dev.spinlab.machine.PrivateMemory.owner(cid, exceptionDepth(ctx));
        int hiddenLeft = HIDDEN_PER_STEP;
        try {
            while (true) {
                if (--budget < 0) {
                    throw new ExecFault(ExecFault.Kind.STEP_BUDGET, 0, "no shared-memory access or call in "
                            + LOCAL_BUDGET + " instructions: infinite loop?");
                }
                int op = ins[pc];
                int a = ins[pc + 1];
                int b = ins[pc + 2];
                int c = ins[pc + 3];
                int d = ins[pc + 4];
                switch (op) {
                    case Op.CONST: r[base + a] = k[b]; break;
                    case Op.MOV: r[base + a] = r[base + b]; break;
                    case Op.ADD: r[base + a] = r[base + b] + r[base + c]; break;
                    case Op.SUB: r[base + a] = r[base + b] - r[base + c]; break;
                    case Op.MUL: r[base + a] = r[base + b] * r[base + c]; break;
                    case Op.DIVS: case Op.DIVU: case Op.REMS: case Op.REMU:
                        if (r[base + c] == 0) {
                            throw new ExecFault(ExecFault.Kind.DIV_ZERO, 0, "division by zero");
                        }
                        if (r[base + c] == -1 && (op == Op.DIVS || op == Op.REMS)
                                && r[base + b] == (d == 4 ? Integer.MIN_VALUE : Long.MIN_VALUE)) {
                            // x86's idiv traps (#DE) when the quotient does not fit, for % too
                            throw new ExecFault(ExecFault.Kind.DIV_ZERO, 0, "division overflow");
                        }
                        r[base + a] = CSemantics.binary(op, r[base + b], r[base + c]);
                        break;
                    case Op.AND: r[base + a] = r[base + b] & r[base + c]; break;
                    case Op.OR: r[base + a] = r[base + b] | r[base + c]; break;
                    case Op.XOR: r[base + a] = r[base + b] ^ r[base + c]; break;
                    case Op.SHL: r[base + a] = r[base + b] << r[base + c]; break;
                    case Op.SHRS: r[base + a] = r[base + b] >> r[base + c]; break;
                    case Op.SHRU: r[base + a] = r[base + b] >>> r[base + c]; break;
                    case Op.EQ: r[base + a] = r[base + b] == r[base + c] ? 1 : 0; break;
                    case Op.NE: r[base + a] = r[base + b] != r[base + c] ? 1 : 0; break;
                    case Op.LTS: r[base + a] = r[base + b] < r[base + c] ? 1 : 0; break;
                    case Op.LES: r[base + a] = r[base + b] <= r[base + c] ? 1 : 0; break;
                    case Op.LTU: r[base + a] = Long.compareUnsigned(r[base + b], r[base + c]) < 0 ? 1 : 0; break;
                    case Op.LEU: r[base + a] = Long.compareUnsigned(r[base + b], r[base + c]) <= 0 ? 1 : 0; break;
                    case Op.NEG: r[base + a] = -r[base + b]; break;
                    case Op.NOT: r[base + a] = ~r[base + b]; break;
                    case Op.LNOT: r[base + a] = r[base + b] == 0 ? 1 : 0; break;
                    case Op.EXT: r[base + a] = CSemantics.ext(r[base + b], c); break;
                    case Op.ADDI: r[base + a] = r[base + b] + c; break;
                    case Op.LEA: r[base + a] = fp + c; break;
                    case Op.LOADL: r[base + a] = mem.load(fp + c, d & 15, (d & Op.SIGNED) != 0); break;
                    case Op.STOREL: mem.store(fp + c, d, r[base + b]); break;
                    case Op.LOAD: {
                        long addr = r[base + b] + c;
                        int size = d & 15;
                        if (!ctx.onStack(addr, size) && !(readOnlyLocal && mem.readOnly(addr, size))) {
                            if (!(priv != null && priv.access(owner, addr, size, false) && hiddenLeft-- > 0)) {
                                if (visible) {
                                    ctx.frames[fb + ExecContext.F_PC] = pc;
                                    return Outcome.PROGRESS;
                                }
                                visible = true;
                            }
                            if (accessObserver != null) {
                                observe(addr, size, false, ctx, fb, d, pc);
                            }
                        }
                        r[base + a] = mem.load(addr, size, (d & Op.SIGNED) != 0);
                        break;
                    }
                    case Op.STORE: {
                        long addr = r[base + a] + c;
                        int size = d & 15;
                        if (!ctx.onStack(addr, size)) {
                            if (!(priv != null && priv.access(owner, addr, size, true) && hiddenLeft-- > 0)) {
                                if (visible) {
                                    ctx.frames[fb + ExecContext.F_PC] = pc;
                                    return Outcome.PROGRESS;
                                }
                                visible = true;
                                if (accessObserver != null) {
                                    observe(addr, size, true, ctx, fb, d, pc);
                                }
                            } else if (accessObserver != null) {
                                // hidden: still part of the step's footprint (no other flow touches it)
                                observe(addr, size, true, ctx, fb, d, pc);
                            }
                            mem.store(addr, size, r[base + b]);
                            s.noteStore(cpu, addr, size);
                        } else {
                            mem.store(addr, size, r[base + b]);
                        }
                        break;
                    }
                    case Op.MEMCPY: case Op.MEMZERO: {
                        long dst = r[base + a];
                        long src = op == Op.MEMCPY ? r[base + b] : dst;
                        // local: the context's stack, or (as the source of a copy) read-only memory
                        boolean dstLocal = ctx.onStack(dst, c);
                        boolean srcLocal = op != Op.MEMCPY || ctx.onStack(src, c) || readOnlyLocal && mem.readOnly(src, c);
                        if (!(dstLocal && srcLocal)) {
                            boolean srcHidden = op != Op.MEMCPY || stepOwn(ctx, mem, priv, owner, src, c, false);
                            boolean dstHidden = stepOwn(ctx, mem, priv, owner, dst, c, true);
                            if (!(srcHidden && dstHidden && hiddenLeft-- > 0)) {
                                if (visible) {
                                    ctx.frames[fb + ExecContext.F_PC] = pc;
                                    return Outcome.PROGRESS;
                                }
                                visible = true;
                            }
                            s.noteStore(cpu, dst, c);
                            if (accessObserver != null) {
                                if (op == Op.MEMCPY) {
                                    accessObserver.access(src, c, false, (int) ctx.frames[fb + ExecContext.F_FN], pc);
                                }
                                accessObserver.access(dst, c, true, (int) ctx.frames[fb + ExecContext.F_FN], pc);
                            }
                        }
                        if (op == Op.MEMCPY) {
                            mem.copy(dst, src, c);
                        } else {
                            mem.fill(dst, c, (byte) 0);
                        }
                        break;
                    }
                    case Op.JMP: pc = a; continue;
                    case Op.JZ:
                        if (r[base + a] == 0) {
                            pc = b;
                            continue;
                        }
                        break;
                    case Op.JNZ:
                        if (r[base + a] != 0) {
                            pc = b;
                            continue;
                        }
                        break;
                    case Op.CALL: {
                        long target = r[base + b];
                        int id = code.idOf(target);
                        if (id < 0) {
                            throw new ExecFault(target == 0 ? ExecFault.Kind.NULL_DEREF : ExecFault.Kind.BAD_CALL,
                                    target, target == 0 ? "call through NULL function pointer"
                                            : "call through invalid function pointer 0x" + Long.toHexString(target));
                        }
                        CodeSpace.Entry e = code.entry(id);
                        if (e.fn() != null) {
                            ctx.frames[fb + ExecContext.F_PC] = pc + Op.WIDTH;
                            pushFrame(ctx, e.fn(), id, r, base + c, d, a);
                            if (observedCalls != null && observedCalls.get(id)) {
                                callObserver.entered(s, cpu, ctx, id);
                            }
                            fb = ctx.frameTop - ExecContext.FRAME_WORDS;
                            f = e.fn();
                            ins = f.code;
                            k = f.consts;
                            pc = 0;
                            base = (int) ctx.frames[fb + ExecContext.F_REGBASE];
                            fp = ctx.frames[fb + ExecContext.F_FP];
                            r = ctx.regs;
                            continue;
                        }
                        if (e.intrinsic() instanceof dev.spinlab.machine.Intrinsic.Observer) {
                            // an observer's call is local: it runs inside this step
                            ctx.frames[fb + ExecContext.F_PC] = pc;
                            env.begin(s, cpu, ctx, f, pc, id);
                            long v = e.intrinsic().call(env, Arrays.copyOfRange(r, base + c, base + c + d));
                            r = ctx.regs;
                            if (a >= 0) {
                                r[base + a] = v;
                            }
                            break;
                        }
                        // the arguments are copied before the locality test only when it needs them
                        long[] args = null;
                        boolean local = false;
                        if (cpuLocalIntrinsics && e.intrinsic().cpuLocality() != dev.spinlab.machine.Intrinsic.CpuLocality.NEVER) {
                            args = Arrays.copyOfRange(r, base + c, base + c + d);
                            local = cpuLocalNow(e.intrinsic(), s, cpu, ctx, args, priv, owner) && hiddenLeft-- > 0;
                        }
                        if (!local) {
                            if (visible && !(ldrexAt != NO_LDREX && "__strex".equals(e.name())
                                    && r[base + c + 1] == ldrexAt && s.exclusive[cpu] == ldrexAt)) {
                                ctx.frames[fb + ExecContext.F_PC] = pc;
                                return Outcome.PROGRESS;
                            }
                            visible = true;
                            // exclusive-pairs: this step's one visible operation may be an ldrex
                            // that its strex then completes
                            ldrexAt = exclusivePairs && "__ldrex".equals(e.name()) ? r[base + c] : NO_LDREX;
                        }
                        ctx.frames[fb + ExecContext.F_PC] = pc;
                        if (args == null) {
                            args = Arrays.copyOfRange(r, base + c, base + c + d);
                        }
                        dev.spinlab.machine.Effects fx = e.intrinsic().effects();
                        if (accessObserver != null) {
                            if (fx == null) {
                                accessObserver.undeclared("intrinsic " + e.name());
                            } else {
                                fx.declare(s, cpu, args, accessObserver);
                            }
                        }
                        if (priv != null) {
                            if (fx == null) {
                                priv.unknown(owner, "intrinsic " + e.name());
                            } else {
                                fx.declare(s, cpu, args, new OwnerAccesses(priv, owner));
                            }
                        }
                        env.begin(s, cpu, ctx, f, pc, id);
                        long v = e.intrinsic().call(env, args);
                        if (env.blocked) {
                            ctx.status = ExecContext.Status.BLOCKED;
                            return Outcome.BLOCKED;
                        }
                        if (env.exited) {
                            exitContext(s, ctx, env.exitStatus);
                            return Outcome.EXITED;
                        }
                        r = ctx.regs;
                        if (a >= 0) {
                            r[base + a] = v;
                        }
                        if (s.currentContext(cpu) != cid || ctx.status != ExecContext.Status.RUNNABLE) {
                            ctx.frames[fb + ExecContext.F_PC] = pc + Op.WIDTH;
                            return Outcome.PROGRESS;
                        }
                        break;
                    }
                    case Op.RET: {
                        long v = a >= 0 ? r[base + a] : 0;
                        int retReg = (int) ctx.frames[fb + ExecContext.F_RETREG];
                        long flags = ctx.frames[fb + ExecContext.F_FLAGS];
                        popFrame(s, ctx, f, fb);
                        if (ctx.frameTop < lowestTop) {
                            lowestTop = ctx.frameTop; // the caller runs on: its registers may change
                        }
                        if ((flags & ExecContext.FLAG_EXCEPTION) != 0) {
                            owner--; // the interrupted flow's accesses from here (PrivateMemory.owner)
                            // exception return: restore the irq flag; an exception return is
                            // also a wake-up event for wfe and clears the local monitor (ARM)
                            s.irqEnabled[cpu] = (flags & ExecContext.FLAG_SAVED_IRQ_ON) != 0 ? 1 : 0;
                            s.eventFlag[cpu] = 1;
                            s.exclusive[cpu] = MachineState.NO_MONITOR;
                            if (accessObserver != null) {
                                // the mask, the event register and the monitor are written as by
                                // any other step that sets them: a handler footprint computed
                                // while the mask was set must not outlive this step (found by
                                // ReductionProperties: a race with a timer missed under the
                                // interrupts reduction)
                                accessObserver.register(Register.IRQ_MASK, cpu, true);
                                accessObserver.registerSet(Register.EVENT, cpu);
                                accessObserver.register(Register.MONITOR, cpu, true);
                            }
                        }
                        if (ctx.frameTop == 0) {
                            ctx.exitCode = v;
                            ctx.status = ExecContext.Status.EXITED;
                            return Outcome.EXITED;
                        }
                        fb = ctx.frameTop - ExecContext.FRAME_WORDS;
                        f = code.entry((int) ctx.frames[fb + ExecContext.F_FN]).fn();
                        ins = f.code;
                        k = f.consts;
                        pc = (int) ctx.frames[fb + ExecContext.F_PC];
                        base = (int) ctx.frames[fb + ExecContext.F_REGBASE];
                        fp = ctx.frames[fb + ExecContext.F_FP];
                        r = ctx.regs;
                        if (retReg >= 0) {
                            r[base + retReg] = v;
                        }
                        continue;
                    }
                    default:
                        throw new IllegalStateException("bad opcode " + op + " in " + f.name);
                }
                pc += Op.WIDTH;
            }
        } catch (ExecFault ex) {
            ctx.frames[fb + ExecContext.F_PC] = pc;
            ctx.status = ExecContext.Status.FAULTED;
            lastFault = new Fault(ex.kind(), ex.getMessage(), ex.address(), cpu, ctx.id,
                    f.locAt(pc), stack(ctx));
            return Outcome.FAULTED;
        }
    }

    /**
     * Tells the access observer of a load or store of the running function: a marked one
     * (READ_ONCE/WRITE_ONCE, Op.MARKED) that is aligned and at most 8 bytes as marked, which
     * KCSAN takes as atomic (kernel/kcsan/core.c, __tsan_volatile_read/write); else plain.
     */
    private void observe(long addr, int size, boolean write, ExecContext ctx, int fb, int kind, int pc) {
        int fn = (int) ctx.frames[fb + ExecContext.F_FN];
        if ((kind & Op.MARKED) != 0 && size <= 8 && (addr & (size - 1)) == 0) {
            accessObserver.markedAccess(addr, size, write, fn, pc);
        } else {
            accessObserver.access(addr, size, write, fn, pc);
        }
    }

    private void popFrame(MachineState s, ExecContext ctx, IrFunction f, int fb) {
        int base = (int) ctx.frames[fb + ExecContext.F_REGBASE];
        long fp = ctx.frames[fb + ExecContext.F_FP];
        Arrays.fill(ctx.regs, base, ctx.regTop, 0L);
        ctx.regTop = base;
        if (f.frameSize > 0) {
            s.mem.fill(fp, f.frameSize, (byte) 0);
        }
        ctx.sp = fp + f.frameSize;
        Arrays.fill(ctx.frames, fb, fb + ExecContext.FRAME_WORDS, 0L);
        ctx.frameTop = fb;
    }

    /** Ends a context (C's exit): all frames are discarded. */
    public void exitContext(MachineState s, ExecContext ctx, long status) {
        while (ctx.frameTop > 0) {
            int fb = ctx.frameTop - ExecContext.FRAME_WORDS;
            popFrame(s, ctx, code.entry((int) ctx.frames[fb + ExecContext.F_FN]).fn(), fb);
        }
        ctx.exitCode = status;
        ctx.status = ExecContext.Status.EXITED;
    }

    /** The C call stack of a context, innermost first. */
    /** Bytes a call takes on the stack beside its frame: return address and saved %rbp. */
    static final int CALL_BYTES = 16;

    /**
     * The call stack, innermost first. One deeper than {@link StackEntry#FOLD_ABOVE} frames
     * (runaway recursion: no real stack is that deep) keeps its innermost and
     * outermost {@link StackEntry#FOLD_KEEP} frames with one {@link StackEntry#folded} entry
     * between them, so reports stay readable and small.
     */
    public List<StackEntry> stack(ExecContext ctx) {
        List<StackEntry> out = new ArrayList<>();
        int depth = ctx.depth();
        for (int i = depth - 1; i >= 0; i--) {
            if (depth > StackEntry.FOLD_ABOVE && i == depth - 1 - StackEntry.FOLD_KEEP) {
                int skip = depth - 2 * StackEntry.FOLD_KEEP;
                out.add(StackEntry.folded(skip));
                i -= skip - 1;
                continue;
            }
            IrFunction f = code.entry((int) ctx.frame(i, ExecContext.F_FN)).fn();
            int pc = (int) ctx.frame(i, ExecContext.F_PC);
            boolean interrupted = i < ctx.depth() - 1
                    && (ctx.frame(i + 1, ExecContext.F_FLAGS) & ExecContext.FLAG_EXCEPTION) != 0;
            if (i < ctx.depth() - 1 && !interrupted) {
                pc = Math.max(0, pc - Op.WIDTH); // a caller's pc is past its call: point at the call
            }
            boolean exception = (ctx.frame(i, ExecContext.F_FLAGS) & ExecContext.FLAG_EXCEPTION) != 0;
            out.add(new StackEntry(f.name, f.locAt(pc), pc / Op.WIDTH * 4, f.instructionCount() * 4, exception));
        }
        return out;
    }

    /** The CallEnv handed to intrinsics; one reusable instance per interpreter. */
    private final class Env implements CallEnv {
        private MachineState state;
        private int cpu;
        private ExecContext ctx;
        private IrFunction caller;
        private int pc;
        private int callee;
        boolean blocked;
        boolean exited;
        int exitStatus;

        void begin(MachineState s, int cpu, ExecContext ctx, IrFunction caller, int pc, int callee) {
            this.callee = callee;
            this.state = s;
            this.cpu = cpu;
            this.ctx = ctx;
            this.caller = caller;
            this.pc = pc;
            this.blocked = false;
            this.exited = false;
        }

        @Override public MachineState state() { return state; }
        @Override public int cpu() { return cpu; }
        @Override public ExecContext context() { return ctx; }
        @Override public void block() { blocked = true; }

        @Override public void exit(int status) {
            exited = true;
            exitStatus = status;
        }

        @Override public void output(byte[] bytes) { observer.output(state, ctx, bytes); }
        @Override public String callerName() { return caller.name; }
        @Override public String callSite() { return caller.locAt(pc).toString(); }

        /** The intrinsic's accesses are its own (code id, pc 0), not the calling C code's plain ones. */
        @Override public void accessed(long addr, long size, boolean write) {
            if (accessObserver != null) {
                accessObserver.access(addr, size, write, callee, 0);
            }
        }
    }
}
