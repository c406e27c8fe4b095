package dev.spinlab.kc.parse;

import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FunctionType;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.PointerType;
import java.util.List;

/** Pure facts about types: decay, promotion, the usual arithmetic conversions, compatibility. */
final class Types {
    private Types() {}

    /**
     * The type of an operand's value (C11 6.3.2.1p3-4): arrays become pointers to their first
     * element and function designators pointers to the function. The AST keeps the undecayed
     * type on the node; this is what the typing rules reason about.
     */
    static CType valueType(CType t) {
        if (t instanceof ArrayType a) {
            return new PointerType(a.element());
        }
        if (t instanceof FunctionType) {
            return new PointerType(t);
        }
        return t;
    }

    /** Integer promotions (C11 6.3.1.1p2): every type of rank below int fits in int on LP64. */
    static CType promoted(CType t) {
        if (t instanceof IntType i && i.kind().rank < IntType.Kind.INT.rank) {
            return IntType.INT;
        }
        return t;
    }

    /** The common type of the usual arithmetic conversions (C11 6.3.1.8) for integer operands. */
    static IntType commonType(CType a, CType b) {
        IntType x = (IntType) promoted(a);
        IntType y = (IntType) promoted(b);
        if (x.equals(y)) {
            return x;
        }
        if (x.signed() == y.signed()) {
            return x.kind().rank >= y.kind().rank ? x : y;
        }
        IntType u = x.signed() ? y : x;
        IntType s = x.signed() ? x : y;
        if (u.kind().rank >= s.kind().rank) {
            return u;
        }
        if (s.size() > u.size()) {
            return s; // the signed type represents every value of the unsigned one
        }
        return unsignedOf(s);
    }

    static IntType unsignedOf(IntType t) {
        switch (t.kind()) {
            case CHAR: case SCHAR: return IntType.UCHAR;
            case SHORT: return IntType.USHORT;
            case INT: return IntType.UINT;
            case LONG: return IntType.ULONG;
            case LLONG: return IntType.ULLONG;
            default: return t;
        }
    }

    /**
     * Compatible types (C11 6.2.7) with qualifiers ignored, as the model drops them. An
     * unprototyped function type is compatible with any function type of the same return type
     * (we do not check the promoted-parameter rule of 6.7.6.3p15); an array of unknown size is
     * compatible with any length.
     */
    static boolean compatible(CType a, CType b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof PointerType p && b instanceof PointerType q) {
            return compatible(p.target(), q.target());
        }
        if (a instanceof ArrayType p && b instanceof ArrayType q) {
            return compatible(p.element(), q.element())
                    && (p.length() < 0 || q.length() < 0 || p.length() == q.length());
        }
        if (a instanceof FunctionType f && b instanceof FunctionType g) {
            if (!compatible(f.returnType(), g.returnType())) {
                return false;
            }
            if (!f.prototyped() || !g.prototyped()) {
                return true;
            }
            List<CType> fp = f.params();
            List<CType> gp = g.params();
            if (fp.size() != gp.size() || f.variadic() != g.variadic()) {
                return false;
            }
            for (int i = 0; i < fp.size(); i++) {
                if (!compatible(fp.get(i), gp.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Pointers whose targets differ only in the signedness of a character type: gcc's -Wpointer-sign, off by default. */
    static boolean charPointers(CType a, CType b) {
        return a instanceof PointerType p && b instanceof PointerType q
                && p.target() instanceof IntType x && q.target() instanceof IntType y
                && x.size() == 1 && y.size() == 1;
    }

    /**
     * Pointers whose targets differ only in signedness, of any integer type (int and unsigned int,
     * long and unsigned long, ...) where a value is converted as if by assignment: gcc's
     * -Wpointer-sign, off by default (only -Wall and -Wpedantic turn it on), and off for the
     * kernel, whose Makefile builds with -Wno-pointer-sign.
     */
    static boolean signPointers(CType a, CType b) {
        return charPointers(a, b) || (a instanceof PointerType p && b instanceof PointerType q
                && p.target() instanceof IntType x && q.target() instanceof IntType y
                && x.kind() != IntType.Kind.BOOL && x.kind().rank == y.kind().rank);
    }

    static boolean isVoidPointer(CType t) {
        return t instanceof PointerType p && p.target().isVoid();
    }

    static boolean isCharArray(CType t) {
        return t instanceof ArrayType a && a.element() instanceof IntType i && i.size() == 1
                && i.kind() != IntType.Kind.BOOL;
    }

    /** "'struct s'" for messages, gcc's quoting. */
    static String q(CType t) {
        return "'" + t.spelling() + "'";
    }
}
