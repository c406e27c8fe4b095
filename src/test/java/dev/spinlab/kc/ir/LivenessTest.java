package dev.spinlab.kc.ir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live registers by the backward data-flow, on hand-written functions (Liveness). */
class LivenessTest {
    private static IrFunction fn(int nregs, int nparams, int[]... ins) {
        int[] code = new int[ins.length * Op.WIDTH];
        for (int i = 0; i < ins.length; i++) {
            System.arraycopy(ins[i], 0, code, i * Op.WIDTH, Op.WIDTH);
        }
        return new IrFunction("f", "f.c", null, code, new long[] {5}, List.of(), nregs, nparams, 0,
                new dev.spinlab.kc.lex.SrcLoc[0], new int[0]);
    }

    private static BitSet regs(int... r) {
        BitSet b = new BitSet();
        for (int x : r) {
            b.set(x);
        }
        return b;
    }

    @Test
    void aBranchJoinsTheLiveSetsOfBothWays() {
        int w = Op.WIDTH;
        IrFunction f = fn(4, 1,
                new int[] {Op.CONST, 2, 0, 0, 0},       // r2 = 5
                new int[] {Op.ADD, 3, 0, 2, 0},         // r3 = r0 + r2
                new int[] {Op.JZ, 3, 5 * w, 0, 0},      // if (!r3) goto 5
                new int[] {Op.MOV, 1, 3, 0, 0},         // r1 = r3
                new int[] {Op.RET, 1, 0, 0, 0},         // return r1
                new int[] {Op.RET, 0, 0, 0, 0});        // return r0
        Liveness l = f.liveness();
        assertThat(l.liveAt(0)).isEqualTo(regs(0));
        assertThat(l.liveAt(w)).isEqualTo(regs(0, 2));
        assertThat(l.liveAt(2 * w)).isEqualTo(regs(0, 3));
        assertThat(l.liveAt(3 * w)).isEqualTo(regs(3));
        assertThat(l.liveAt(4 * w)).isEqualTo(regs(1));
        assertThat(l.liveAt(5 * w)).isEqualTo(regs(0));
    }

    @Test
    void aLoopKeepsWhatItsNextRoundReadsAndACallReadsItsArguments() {
        int w = Op.WIDTH;
        IrFunction f = fn(8, 1,
                new int[] {Op.LOAD, 1, 0, 0, 4},        // 0: r1 = *r0 (a lock word)
                new int[] {Op.AND, 2, 1, 1, 0},         // 1: r2 = r1 & r1 (a temporary)
                new int[] {Op.JNZ, 2, 4 * w, 0, 0},     // 2: if (r2) goto 4
                new int[] {Op.JMP, 0, 0, 0, 0},         // 3: goto 0 (the loop)
                new int[] {Op.CALL, 4, 5, 6, 2},        // 4: r4 = r5(r6, r7)
                new int[] {Op.RET, 4, 0, 0, 0});        // 5: return r4
        Liveness l = f.liveness();
        // the temporary r2 and the loaded r1 are dead at the loop's head: the round rewrites them
        assertThat(l.liveAt(0)).isEqualTo(regs(0, 5, 6, 7));
        assertThat(l.liveAt(3 * w)).isEqualTo(regs(0, 5, 6, 7));
        assertThat(l.liveAt(4 * w)).isEqualTo(regs(5, 6, 7));
        assertThat(l.liveAt(5 * w)).isEqualTo(regs(4));
    }
}
