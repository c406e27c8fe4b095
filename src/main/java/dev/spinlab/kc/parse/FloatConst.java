package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.BinOp;
import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FloatType;
import dev.spinlab.kc.type.IntType;
import java.math.BigDecimal;

/**
 * Floating constants in the integer constant expressions gcc folds at compile time:
 * {@code (u64)(1E6L * 200)}, {@code (int)(2.5 * 4)}, {@code 3.0 > 2}. Arithmetic, comparisons
 * and casts whose operands are all constants are folded here, in Java's double (so a long
 * double constant has double's 53-bit precision); anything that would need a floating-point
 * value at run time is refused with an error naming it, since the model has no FPU.
 */
final class FloatConst {
    private FloatConst() {}

    static boolean isFloat(CType t) {
        return t instanceof FloatType;
    }

    /** A floating literal (C11 6.4.4.2): double, or float / long double by its suffix. */
    static Expr literal(Token t) {
        String text = t.text();
        FloatType type = FloatType.DOUBLE;
        // a suffix: f (float) or l (long double); a hex float ends in its decimal exponent
        char last = Character.toLowerCase(text.charAt(text.length() - 1));
        if (last == 'f' || last == 'l') {
            type = last == 'f' ? FloatType.FLOAT : FloatType.LDOUBLE;
            text = text.substring(0, text.length() - 1);
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CompileError(t.loc(), "invalid floating constant '" + t.text() + "'");
        }
        if (type == FloatType.FLOAT) {
            v = (float) v;
        }
        return new Expr.FloatLit(v, type, t.loc());
    }

    /** The value of an arithmetic constant (integer or floating), or null. */
    static Double valueOf(Expr e) {
        if (e instanceof Expr.FloatLit f) {
            return f.value();
        }
        if (e.type() instanceof IntType it) {
            Long v = ConstEval.eval(e);
            if (v == null) {
                return null;
            }
            return !it.signed() && v < 0 ? new BigDecimal(Long.toUnsignedString(v)).doubleValue() : (double) v;
        }
        return null;
    }

    static CompileError runtime(SrcLoc loc, String what) {
        return CompileError.unsupported(loc, "floating-point arithmetic at run time (" + what
                + "); the model has no FPU: only constant expressions gcc folds, like (u64)(1E6L * 200), are accepted");
    }

    /** The floating type of the usual arithmetic conversions (C11 6.3.1.8) when one operand is floating. */
    private static FloatType common(CType a, CType b) {
        int ra = a instanceof FloatType f ? f.kind().ordinal() : -1;
        int rb = b instanceof FloatType f ? f.kind().ordinal() : -1;
        int k = Math.max(ra, rb);
        return k == 0 ? FloatType.FLOAT : k == 1 ? FloatType.DOUBLE : FloatType.LDOUBLE;
    }

    /** A binary operator with a floating operand: folded when both are constants, else refused. */
    static Expr binary(BinOp op, Expr l, Expr r, SrcLoc loc) {
        Double x = valueOf(l);
        Double y = valueOf(r);
        if (x == null || y == null) {
            Expr varying = x == null ? l : r;
            Expr other = x == null ? r : l;
            throw runtime(loc, "operator '" + op.symbol + "' with a non-constant " + Types.q(varying.type())
                    + " operand and a " + Types.q(other.type()) + " one");
        }
        FloatType t = common(l.type(), r.type());
        switch (op) {
            case ADD: return lit(x + y, t, loc);
            case SUB: return lit(x - y, t, loc);
            case MUL: return lit(x * y, t, loc);
            case DIV: return lit(x / y, t, loc);
            case LT: return bool(x < y, loc);
            case LE: return bool(x <= y, loc);
            case GT: return bool(x > y, loc);
            case GE: return bool(x >= y, loc);
            case EQ: return bool(x.doubleValue() == y.doubleValue(), loc);
            case NE: return bool(x.doubleValue() != y.doubleValue(), loc);
            case LOGAND: return bool(x != 0 && y != 0, loc);
            case LOGOR: return bool(x != 0 || y != 0, loc);
            default:
                throw new CompileError(loc, "invalid operands to binary " + op.symbol + " (have " + Types.q(l.type())
                        + " and " + Types.q(r.type()) + ")");
        }
    }

    private static Expr lit(double v, FloatType t, SrcLoc loc) {
        return new Expr.FloatLit(t == FloatType.FLOAT ? (float) v : v, t, loc);
    }

    private static Expr bool(boolean b, SrcLoc loc) {
        return new Expr.IntLit(b ? 1 : 0, IntType.INT, loc);
    }

    /** A conversion involving a floating type: between constants it folds, otherwise it is refused. */
    static Expr convert(Expr e, CType to, SrcLoc loc) {
        Double v = valueOf(e);
        if (to instanceof FloatType ft) {
            if (v == null) {
                throw runtime(loc, "conversion of a non-constant " + Types.q(e.type()) + " to " + Types.q(to));
            }
            return lit(v, ft, loc);
        }
        if (v == null) {
            throw runtime(loc, "a " + Types.q(e.type()) + " value");
        }
        if (to instanceof IntType it) {
            // C11 6.3.1.4: truncation toward zero; out of range is undefined, and gcc folds it
            // to the nearest end of the type's range (NaN to 0)
            long n;
            double d = v;
            int bits = (int) it.size() * 8;
            if (it.kind() == IntType.Kind.BOOL) {
                n = d != 0 ? 1 : 0;
            } else if (Double.isNaN(d)) {
                n = 0;
            } else if (it.signed()) {
                double hi = Math.scalb(1.0, bits - 1);
                n = d >= hi ? (bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1)
                        : d <= -hi ? (bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1))) : (long) d;
            } else {
                double hi = Math.scalb(1.0, bits);
                n = d <= -1 ? 0 : d >= hi ? -1L : d >= 0x1p63 ? new BigDecimal(d).toBigInteger().longValue() : (long) d;
            }
            return new Expr.IntLit(ConstEval.wrap(n, it), it, loc);
        }
        throw runtime(loc, "conversion of " + Types.q(e.type()) + " to " + Types.q(to));
    }
}
