package dev.spinlab.kc.ir;

import dev.spinlab.kc.lex.SrcLoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Growing code of one function being compiled: instructions with their source locations, a
 * constant pool with relocations, and labels with forward-jump fixups.
 */
final class CodeBuffer {
    private int[] code = new int[Op.WIDTH * 64];
    private int size;
    private final List<Integer> instrLoc = new ArrayList<>();
    private final List<SrcLoc> locs = new ArrayList<>();
    private final Map<SrcLoc, Integer> locIndex = new HashMap<>();
    private long[] consts = new long[16];
    private int nconsts;
    private final List<IrFunction.Reloc> relocs = new ArrayList<>();
    private final Map<Long, Integer> constIndex = new HashMap<>();
    private int[] labelPos = new int[16];
    private int nlabels;
    /** (instruction index of the jump, operand slot, label). */
    private final List<int[]> fixups = new ArrayList<>();

    int emit(SrcLoc loc, int op, int a, int b, int c, int d) {
        if (size + Op.WIDTH > code.length) {
            code = Arrays.copyOf(code, code.length * 2);
        }
        int at = size;
        code[size++] = op;
        code[size++] = a;
        code[size++] = b;
        code[size++] = c;
        code[size++] = d;
        Integer li = locIndex.get(loc);
        if (li == null) {
            li = locs.size();
            locs.add(loc);
            locIndex.put(loc, li);
        }
        instrLoc.add(li);
        return at;
    }

    int constant(long v) {
        Integer i = constIndex.get(v);
        if (i != null) {
            return i;
        }
        int idx = addConst(v);
        constIndex.put(v, idx);
        return idx;
    }

    int symbolConstant(String symbol, long addend, SrcLoc loc) {
        int idx = addConst(0);
        relocs.add(new IrFunction.Reloc(idx, symbol, addend, loc));
        return idx;
    }

    private int addConst(long v) {
        if (nconsts == consts.length) {
            consts = Arrays.copyOf(consts, nconsts * 2);
        }
        consts[nconsts] = v;
        return nconsts++;
    }

    int newLabel() {
        if (nlabels == labelPos.length) {
            labelPos = Arrays.copyOf(labelPos, nlabels * 2);
        }
        labelPos[nlabels] = -1;
        return nlabels++;
    }

    void place(int label) {
        labelPos[label] = size;
    }

    boolean isPlaced(int label) {
        return labelPos[label] >= 0;
    }

    /** Records that operand {@code slot} (1..4) of the instruction at {@code at} is a jump to label. */
    void fixup(int at, int slot, int label) {
        fixups.add(new int[] {at, slot, label});
    }

    int size() {
        return size;
    }

    IrFunction finish(String name, String file, SrcLoc loc, int nregs, int nparams, int frameSize) {
        for (int[] f : fixups) {
            int pos = labelPos[f[2]];
            if (pos < 0) {
                throw new IllegalStateException("unplaced label in " + name);
            }
            code[f[0] + f[1]] = pos;
        }
        int[] li = new int[instrLoc.size()];
        for (int i = 0; i < li.length; i++) {
            li[i] = instrLoc.get(i);
        }
        return new IrFunction(name, file, loc, Arrays.copyOf(code, size), Arrays.copyOf(consts, nconsts),
                List.copyOf(relocs), nregs, nparams, frameSize, locs.toArray(new SrcLoc[0]), li);
    }
}
