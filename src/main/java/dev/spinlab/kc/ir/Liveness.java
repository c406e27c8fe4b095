package dev.spinlab.kc.ir;

import java.util.BitSet;

/*
 * Implementation notes.
 *
 * Which registers of a function hold a value that some path from an instruction still reads
 * before writing it again (live-in), by the textbook backward data-flow over the IR. A value
 * that no path reads is dead: the interpreter clears dead registers of a context's frames at the
 * end of each step (Interpreter.clearDead), as it already clears the registers of a returning
 * frame, so that two states that differ only in dead temporaries — a condition evaluated
 * before or after another CPU's store, a retry loop's old operand — are one state. Uses and
 * definitions follow Op's table; a CALL reads its target and arguments and writes its result,
 * whatever the callee does (its frame has registers of its own).
 */
/** Live registers before each instruction of one function. */
public final class Liveness {
    private final BitSet[] liveIn;

    private Liveness(BitSet[] liveIn) {
        this.liveIn = liveIn;
    }

    /** The registers live before the instruction at pc (a multiple of Op.WIDTH); all of them past the code's end. */
    public BitSet liveAt(int pc) {
        int i = pc / Op.WIDTH;
        return i >= 0 && i < liveIn.length ? liveIn[i] : null;
    }

    public static Liveness of(IrFunction f) {
        int n = f.instructionCount();
        BitSet[] in = new BitSet[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet(f.nregs);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                int pc = i * Op.WIDTH;
                int op = f.code[pc];
                int a = f.code[pc + 1];
                int b = f.code[pc + 2];
                int c = f.code[pc + 3];
                int d = f.code[pc + 4];
                BitSet out = new BitSet(f.nregs);
                switch (op) {
                    case Op.JMP -> union(out, in, a);
                    case Op.JZ, Op.JNZ -> {
                        union(out, in, b);
                        union(out, in, pc + Op.WIDTH);
                    }
                    case Op.RET -> { }
                    default -> union(out, in, pc + Op.WIDTH);
                }
                // live-in = uses + (live-out - defs)
                int def = -1;
                switch (op) {
                    case Op.CONST, Op.LOADL, Op.LEA -> def = a;
                    case Op.MOV, Op.NEG, Op.NOT, Op.LNOT, Op.EXT, Op.LOAD, Op.ADDI -> def = a;
                    case Op.CALL -> def = a;
                    default -> {
                        if (op >= Op.ADD && op <= Op.LEU) {
                            def = a;
                        }
                    }
                }
                if (def >= 0) {
                    out.clear(def);
                }
                switch (op) {
                    case Op.MOV, Op.NEG, Op.NOT, Op.LNOT, Op.EXT, Op.LOAD, Op.ADDI, Op.STOREL -> use(out, b);
                    case Op.STORE, Op.MEMCPY -> {
                        use(out, a);
                        use(out, b);
                    }
                    case Op.MEMZERO, Op.JZ, Op.JNZ, Op.RET -> use(out, a);
                    case Op.CALL -> {
                        use(out, b);
                        for (int r = c; r < c + d; r++) {
                            use(out, r);
                        }
                    }
                    default -> {
                        if (op >= Op.ADD && op <= Op.LEU) {
                            use(out, b);
                            use(out, c);
                        }
                    }
                }
                if (!out.equals(in[i])) {
                    in[i] = out;
                    changed = true;
                }
            }
        }
        return new Liveness(in);
    }

    private static void union(BitSet out, BitSet[] in, int targetPc) {
        int j = targetPc / Op.WIDTH;
        if (j >= 0 && j < in.length) {
            out.or(in[j]);
        }
    }

    private static void use(BitSet out, int reg) {
        if (reg >= 0) {
            out.set(reg);
        }
    }
}
