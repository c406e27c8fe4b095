package dev.spinlab.kc.ir;

import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.IntType;

/**
 * C's integer operator semantics on 64-bit registers, written once (DESIGN: one place for
 * promotion, wraparound and shifts) and used by the compiler's constant folding, the
 * interpreter and the tests. Values of narrow types are kept normalised: a signed type
 * sign-extended from its width, an unsigned type zero-extended, _Bool 0 or 1.
 */
public final class CSemantics {
    private CSemantics() {}

    public static final int EXT_NONE = 0;
    public static final int EXT_S8 = 1;
    public static final int EXT_U8 = 2;
    public static final int EXT_S16 = 3;
    public static final int EXT_U16 = 4;
    public static final int EXT_S32 = 5;
    public static final int EXT_U32 = 6;
    public static final int EXT_BOOL = 7;

    public static long ext(long v, int kind) {
        switch (kind) {
            case EXT_S8: return (byte) v;
            case EXT_U8: return v & 0xffL;
            case EXT_S16: return (short) v;
            case EXT_U16: return v & 0xffffL;
            case EXT_S32: return (int) v;
            case EXT_U32: return v & 0xffffffffL;
            case EXT_BOOL: return v != 0 ? 1 : 0;
            default: return v;
        }
    }

    /** The normalisation a value of type t needs (EXT_NONE for 64-bit integers and pointers). */
    public static int extKind(CType t) {
        if (t instanceof IntType it) {
            switch (it.kind()) {
                case BOOL: return EXT_BOOL;
                case CHAR: case SCHAR: return EXT_S8;
                case UCHAR: return EXT_U8;
                case SHORT: return EXT_S16;
                case USHORT: return EXT_U16;
                case INT: return EXT_S32;
                case UINT: return EXT_U32;
                default: return EXT_NONE;
            }
        }
        return EXT_NONE;
    }

    /** Memory access kind for LOAD: size, plus {@link Op#SIGNED} when the type is signed. */
    public static int loadKind(CType t) {
        int size = (int) t.size();
        boolean signed = t instanceof IntType it && it.signed();
        return size | (signed ? Op.SIGNED : 0);
    }

    public static boolean isSigned(CType t) {
        return t instanceof IntType it && it.signed();
    }

    /** Evaluates a binary IR operation (no division-by-zero check: callers check). */
    public static long binary(int op, long x, long y) {
        switch (op) {
            case Op.ADD: return x + y;
            case Op.SUB: return x - y;
            case Op.MUL: return x * y;
            case Op.DIVS: return x / y;
            case Op.DIVU: return Long.divideUnsigned(x, y);
            case Op.REMS: return x % y;
            case Op.REMU: return Long.remainderUnsigned(x, y);
            case Op.AND: return x & y;
            case Op.OR: return x | y;
            case Op.XOR: return x ^ y;
            case Op.SHL: return x << y;
            case Op.SHRS: return x >> y;
            case Op.SHRU: return x >>> y;
            case Op.EQ: return x == y ? 1 : 0;
            case Op.NE: return x != y ? 1 : 0;
            case Op.LTS: return x < y ? 1 : 0;
            case Op.LES: return x <= y ? 1 : 0;
            case Op.LTU: return Long.compareUnsigned(x, y) < 0 ? 1 : 0;
            case Op.LEU: return Long.compareUnsigned(x, y) <= 0 ? 1 : 0;
            default: throw new IllegalArgumentException("not a binary op: " + Op.name(op));
        }
    }
}
