package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.BinOp;
import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.UnOp;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.PointerType;

/**
 * Constant expressions (C11 6.6) over typed expressions: integer constant expressions for
 * array sizes, case labels, enumerator values and null pointer constants, and the address
 * constants that static initializers may use. Values are held in a long, sign- or
 * zero-extended from their type's width, so 64-bit two's complement arithmetic followed by
 * {@link #wrap} gives C's result.
 */
final class ConstEval {
    private ConstEval() {}

    /** The value of an integer constant expression, or null when {@code e} is not one. */
    static Long eval(Expr e) {
        if (!e.type().isInteger()) {
            return null;
        }
        return evalInt(e);
    }

    private static Long evalInt(Expr e) {
        if (e instanceof Expr.IntLit lit) {
            return lit.value();
        }
        if (e instanceof Expr.Cast c) {
            if (!(c.type() instanceof IntType t) || !c.operand().type().isInteger()) {
                return null;
            }
            Long v = evalInt(c.operand());
            return v == null ? null : wrap(v, t);
        }
        if (e instanceof Expr.Unary u && u.type() instanceof IntType t) {
            if (!u.operand().type().isInteger()) {
                return null;
            }
            Long v = evalInt(u.operand());
            if (v == null) {
                return null;
            }
            switch (u.op()) {
                case NEG: return wrap(-v, t);
                case BITNOT: return wrap(~v, t);
                case LOGNOT: return v == 0 ? 1L : 0L;
                default: return null;
            }
        }
        if (e instanceof Expr.Binary b && b.type() instanceof IntType t) {
            if (!b.left().type().isInteger() || !b.right().type().isInteger()) {
                return null;
            }
            Long l = evalInt(b.left());
            if (l == null) {
                return null;
            }
            // && and || are constant when the deciding operand is (6.6p3: unevaluated parts may be anything)
            if (b.op() == BinOp.LOGAND && l == 0) {
                return 0L;
            }
            if (b.op() == BinOp.LOGOR && l != 0) {
                return 1L;
            }
            Long r = evalInt(b.right());
            if (r == null) {
                return null;
            }
            return binary(b.op(), l, r, (IntType) b.left().type(), t);
        }
        if (e instanceof Expr.Conditional c && c.cond().type().isInteger()) {
            Long cv = evalInt(c.cond());
            if (cv == null) {
                return null;
            }
            return evalInt(cv != 0 ? c.then() : c.otherwise());
        }
        return null;
    }

    private static Long binary(BinOp op, long l, long r, IntType operandType, IntType resultType) {
        boolean unsigned = !operandType.signed();
        switch (op) {
            case ADD: return wrap(l + r, resultType);
            case SUB: return wrap(l - r, resultType);
            case MUL: return wrap(l * r, resultType);
            case DIV:
                if (r == 0) {
                    return null; // gcc: "division by zero" and not a constant
                }
                return wrap(unsigned ? Long.divideUnsigned(l, r) : l / r, resultType);
            case MOD:
                if (r == 0) {
                    return null;
                }
                return wrap(unsigned ? Long.remainderUnsigned(l, r) : l % r, resultType);
            case SHL: return wrap(l << (r & 63), resultType);
            case SHR: return wrap(unsigned ? l >>> (r & 63) : l >> (r & 63), resultType);
            case AND: return wrap(l & r, resultType);
            case OR: return wrap(l | r, resultType);
            case XOR: return wrap(l ^ r, resultType);
            case LT: return bool(unsigned ? Long.compareUnsigned(l, r) < 0 : l < r);
            case LE: return bool(unsigned ? Long.compareUnsigned(l, r) <= 0 : l <= r);
            case GT: return bool(unsigned ? Long.compareUnsigned(l, r) > 0 : l > r);
            case GE: return bool(unsigned ? Long.compareUnsigned(l, r) >= 0 : l >= r);
            case EQ: return bool(l == r);
            case NE: return bool(l != r);
            case LOGAND: return bool(l != 0 && r != 0);
            case LOGOR: return bool(l != 0 || r != 0);
            default: return null;
        }
    }

    private static long bool(boolean b) {
        return b ? 1 : 0;
    }

    /** Reduces a value to the range of an integer type (C11 6.3.1.3, gcc's modulo behaviour). */
    static long wrap(long v, CType type) {
        if (!(type instanceof IntType t)) {
            return v;
        }
        if (t.kind() == IntType.Kind.BOOL) {
            return v != 0 ? 1 : 0;
        }
        switch ((int) t.size()) {
            case 1: return t.signed() ? (byte) v : v & 0xffL;
            case 2: return t.signed() ? (short) v : v & 0xffffL;
            case 4: return t.signed() ? (int) v : v & 0xffffffffL;
            default: return v;
        }
    }

    /** {@code a < b} for two values of integer type {@code t}, honouring its signedness. */
    static boolean binaryLess(long a, long b, CType t) {
        boolean unsigned = t instanceof IntType i && !i.signed();
        return unsigned ? Long.compareUnsigned(a, b) < 0 : a < b;
    }

    /** C11 6.3.2.3p3: an integer constant expression with value 0, or one cast to void *. */
    static boolean isNullPointerConstant(Expr e) {
        if (e.type().isInteger()) {
            Long v = eval(e);
            return v != null && v == 0;
        }
        if (e instanceof Expr.Cast c && c.type() instanceof PointerType p && p.target().isVoid()) {
            return isNullPointerConstant(c.operand()) && c.operand().type().isInteger();
        }
        return false;
    }

    /**
     * A static initializer's value in the constant forms the compiler accepts (integer
     * constants folded to a literal), or null when it is not constant (C11 6.6p7-9).
     */
    static Expr foldStatic(Expr e) {
        Long v = eval(e);
        if (v != null) {
            return new Expr.IntLit(v, e.type(), e.loc());
        }
        if (e instanceof Expr.Cast c && (c.type().isPointer() || c.type().size() == 8)) {
            Expr inner = foldStatic(c.operand());
            return inner == null ? null : new Expr.Cast(inner, c.type(), c.loc());
        }
        if (isAddressConstant(e)) {
            return e;
        }
        return null;
    }

    /** An address constant: a pointer to a static object or function, plus or minus a constant. */
    static boolean isAddressConstant(Expr e) {
        if (e.type().isArray() || e.type().isFunction()) {
            return isStaticLvalue(e); // decays to its address
        }
        if (e instanceof Expr.Unary u && u.op() == UnOp.ADDR) {
            return isStaticLvalue(u.operand());
        }
        if (e instanceof Expr.Binary b && (b.op() == BinOp.ADD || b.op() == BinOp.SUB) && e.type().isPointer()) {
            return isAddressConstant(b.left()) && eval(b.right()) != null;
        }
        if (e instanceof Expr.Cast c && (c.type().isPointer() || c.type().size() == 8)) {
            return isAddressConstant(c.operand()) || (c.type().isPointer() && eval(c.operand()) != null);
        }
        return false;
    }

    private static boolean isStaticLvalue(Expr e) {
        if (e instanceof Expr.GlobalRef || e instanceof Expr.StrLit || e instanceof Expr.FuncRef) {
            return true;
        }
        if (e instanceof Expr.Member m) {
            return isStaticLvalue(m.base());
        }
        if (e instanceof Expr.Unary u && u.op() == UnOp.DEREF) {
            return isAddressConstant(u.operand());
        }
        return false;
    }
}
