package dev.spinlab.kc.ir;

import dev.spinlab.kc.lex.SrcLoc;
import java.util.List;

/**
 * A compiled function: code (five ints per instruction, see {@link Op}), its constant pool
 * (addresses patched by the linker through {@code relocs}), the register and frame sizes, and
 * for each instruction the source location it came from (for stack dumps and faults).
 */
public final class IrFunction {
    public final String name;
    public final String file;
    public final SrcLoc loc;
    public final int[] code;
    public final long[] consts;
    public final List<Reloc> relocs;
    public final int nregs;
    public final int nparams;
    public final int frameSize;
    private final SrcLoc[] locs;
    private final int[] locIndex;

    /** A constant that holds the address of a symbol plus an addend, filled in at link time. */
    public record Reloc(int constIndex, String symbol, long addend, SrcLoc loc) {}

    public IrFunction(String name, String file, SrcLoc loc, int[] code, long[] consts, List<Reloc> relocs,
                      int nregs, int nparams, int frameSize, SrcLoc[] locs, int[] locIndex) {
        this.name = name;
        this.file = file;
        this.loc = loc;
        this.code = code;
        this.consts = consts;
        this.relocs = relocs;
        this.nregs = nregs;
        this.nparams = nparams;
        this.frameSize = frameSize;
        this.locs = locs;
        this.locIndex = locIndex;
    }

    /** Source location of the instruction at pc (an index into code, a multiple of {@link Op#WIDTH}). */
    public SrcLoc locAt(int pc) {
        int i = pc / Op.WIDTH;
        if (i < 0 || i >= locIndex.length) {
            return loc;
        }
        return locs[locIndex[i]];
    }

    /** Computed on first use; a benign race computes the same answer twice at worst. */
    private volatile Liveness liveness;

    /** Which registers each instruction's future still reads (Liveness). */
    public Liveness liveness() {
        Liveness l = liveness;
        if (l == null) {
            l = Liveness.of(this);
            liveness = l;
        }
        return l;
    }

    public int instructionCount() {
        return code.length / Op.WIDTH;
    }

    /** A readable listing, for debugging and tests. */
    public String disassemble() {
        StringBuilder sb = new StringBuilder(name).append(": regs=").append(nregs)
                .append(" params=").append(nparams).append(" frame=").append(frameSize).append('\n');
        for (int pc = 0; pc < code.length; pc += Op.WIDTH) {
            sb.append(String.format("%5d  %-7s %d %d %d %d%n", pc / Op.WIDTH, Op.name(code[pc]),
                    code[pc + 1], code[pc + 2], code[pc + 3], code[pc + 4]));
        }
        return sb.toString();
    }
}
