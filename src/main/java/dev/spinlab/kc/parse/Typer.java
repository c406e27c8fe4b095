package dev.spinlab.kc.parse;

import static dev.spinlab.kc.parse.Types.q;
import static dev.spinlab.kc.parse.Types.valueType;

import dev.spinlab.kc.ast.BinOp;
import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.UnOp;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kc.type.FunctionType;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.PointerType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.kc.type.VoidType;
import java.util.ArrayList;
import java.util.List;

/**
 * The typing rules of C11 6.3 and 6.5: builds each expression node with its type and makes
 * every implicit conversion an explicit {@link Expr.Cast}, so later stages never decide one.
 * Errors and warnings use gcc's wording.
 */
final class Typer {
    private final List<Diagnostic> diagnostics;

    Typer(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void warn(SrcLoc loc, String msg) {
        diagnostics.add(new Diagnostic(loc, Diagnostic.Severity.WARNING, msg));
    }

    // ---- conversions ------------------------------------------------------------------

    /**
     * Converts a value to {@code to} without checks: no node when the value already has that
     * type (arrays and functions count as their decayed pointer), a literal re-typed in place,
     * otherwise a Cast.
     */
    Expr convert(Expr e, CType to) {
        if (valueType(e.type()).equals(to)) {
            return e;
        }
        if (FloatConst.isFloat(e.type()) || FloatConst.isFloat(to)) {
            return FloatConst.convert(e, to, e.loc());
        }
        if (e instanceof Expr.IntLit lit && to instanceof IntType) {
            return new Expr.IntLit(ConstEval.wrap(lit.value(), to), to, lit.loc());
        }
        return new Expr.Cast(e, to, e.loc());
    }

    Expr promote(Expr e) {
        return convert(e, promotedType(e));
    }

    /**
     * The integer promotion of an operand (C11 6.3.1.1p2); a bit-field whose values all fit in
     * int promotes to int whatever its declared type, as gcc does ({@code unsigned x:3} too).
     */
    static CType promotedType(Expr e) {
        if (e instanceof Expr.Member m && m.field().isBitField() && m.type() instanceof IntType it) {
            int w = m.field().bitWidth();
            if (w < 32 || (w == 32 && it.signed())) {
                return IntType.INT;
            }
            if (w == 32) {
                return IntType.UINT;
            }
        }
        return Types.promoted(e.type());
    }

    /** A bit-field operand converted to its promoted type, so the usual conversions see that type. */
    Expr bitFieldOperand(Expr e) {
        return e instanceof Expr.Member m && m.field().isBitField() ? convert(e, promotedType(e)) : e;
    }

    /** Default argument promotions (C11 6.5.2.2p6) for unprototyped and variadic arguments. */
    Expr defaultPromote(Expr e) {
        requireValue(e);
        if (FloatConst.isFloat(e.type())) {
            throw FloatConst.runtime(e.loc(), "a " + q(e.type()) + " argument");
        }
        if (e.type().isStruct()) {
            throw CompileError.unsupported(e.loc(), "passing a struct by value to a variadic or unprototyped function");
        }
        return e.type().isInteger() ? promote(e) : e;
    }

    /** Rejects void and incomplete operands where a value is needed. */
    void requireValue(Expr e) {
        if (e.type().isVoid()) {
            throw new CompileError(e.loc(), "invalid use of void expression");
        }
        requireComplete(e);
    }

    private void requireComplete(Expr e) {
        if (e.type() instanceof StructType s && !s.isComplete()) {
            if (e instanceof Expr.Unary u && u.op() == UnOp.DEREF) {
                throw new CompileError(e.loc(), "dereferencing pointer to incomplete type " + q(s));
            }
            throw new CompileError(e.loc(), "invalid use of undefined type " + q(s));
        }
    }

    /** A controlling expression (if, loops, ?:, !, &&, ||) must be scalar (C11 6.8.4.1p1, 6.5.13p2). */
    Expr requireScalar(Expr e) {
        if (e instanceof Expr.FloatLit f) {
            return new Expr.IntLit(f.value() != 0 ? 1 : 0, IntType.INT, f.loc()); // a constant truth value
        }
        if (e.type().isVoid()) {
            throw new CompileError(e.loc(), "void value not ignored as it ought to be");
        }
        requireComplete(e);
        if (e.type() instanceof StructType s) {
            throw new CompileError(e.loc(), "used " + (s.isUnion() ? "union" : "struct")
                    + " type value where scalar is required");
        }
        return e;
    }

    /** Where a value is converted as if by assignment (C11 6.5.16.1), for gcc's wording of each place. */
    record Conv(Kind kind, int argNo, String callee) {
        enum Kind { ASSIGN, INIT, RETURN, ARG }

        static final Conv ASSIGN = new Conv(Kind.ASSIGN, 0, null);
        static final Conv INIT = new Conv(Kind.INIT, 0, null);
        static final Conv RETURN = new Conv(Kind.RETURN, 0, null);

        static Conv arg(int n, String callee) {
            return new Conv(Kind.ARG, n, callee == null ? "function" : callee);
        }

        String incompatible(CType to, CType from) {
            switch (kind) {
                case ASSIGN: return "incompatible types when assigning to type " + q(to) + " from type " + q(from);
                case INIT: return "incompatible types when initializing type " + q(to) + " using type " + q(from);
                case RETURN: return "incompatible types when returning type " + q(from) + " but " + q(to) + " was expected";
                default: return "incompatible type for argument " + argNo + " of '" + callee + "'";
            }
        }

        String makes(CType to, CType from, String what) {
            switch (kind) {
                case ASSIGN: return "assignment to " + q(to) + " from " + q(from) + " makes " + what + " without a cast";
                case INIT: return "initialization of " + q(to) + " from " + q(from) + " makes " + what + " without a cast";
                case RETURN: return "returning " + q(from) + " from a function with return type " + q(to) + " makes " + what + " without a cast";
                default: return "passing argument " + argNo + " of '" + callee + "' makes " + what + " without a cast";
            }
        }

        String incompatiblePointer(CType to, CType from) {
            switch (kind) {
                case ASSIGN: return "assignment to " + q(to) + " from incompatible pointer type " + q(from);
                case INIT: return "initialization of " + q(to) + " from incompatible pointer type " + q(from);
                case RETURN: return "returning " + q(from) + " from a function with incompatible return type " + q(to);
                default: return "passing argument " + argNo + " of '" + callee + "' from incompatible pointer type";
            }
        }
    }

    /** Conversion as if by assignment (C11 6.5.16.1), with gcc's diagnostics for each mismatch. */
    Expr assignConvert(Expr e, CType to, Conv c) {
        if (e.type().isVoid()) {
            throw new CompileError(e.loc(), "void value not ignored as it ought to be");
        }
        requireComplete(e);
        CType from = valueType(e.type());
        if (FloatConst.isFloat(from) || FloatConst.isFloat(to)) {
            return FloatConst.convert(e, to, e.loc()); // gcc converts a constant implicitly
        }
        if (to instanceof StructType || from instanceof StructType) {
            if (to != from) {
                throw new CompileError(e.loc(), c.incompatible(to, from));
            }
            return e;
        }
        if (to.isInteger()) {
            if (from.isPointer() && !to.equals(IntType.BOOL)) {
                warn(e.loc(), c.makes(to, from, "integer from pointer"));
            }
            return convert(e, to);
        }
        if (to instanceof PointerType) {
            if (from instanceof PointerType) {
                if (!Types.compatible(to, from) && !Types.isVoidPointer(to) && !Types.isVoidPointer(from)
                        && !Types.signPointers(to, from)) {
                    warn(e.loc(), c.incompatiblePointer(to, from));
                }
            } else if (!ConstEval.isNullPointerConstant(e)) {
                warn(e.loc(), c.makes(to, from, "pointer from integer"));
            }
            return convert(e, to);
        }
        throw new CompileError(e.loc(), c.incompatible(to, from));
    }

    /** An explicit cast (C11 6.5.4): to void, or between scalar types. */
    Expr cast(CType to, Expr e, SrcLoc loc) {
        if (to.isVoid()) {
            return new Expr.Cast(e, to, loc);
        }
        if (FloatConst.isFloat(to) || FloatConst.isFloat(e.type())) {
            return FloatConst.convert(e, to, loc);
        }
        if (!to.isScalar()) {
            throw new CompileError(loc, "conversion to non-scalar type requested");
        }
        if (e.type().isVoid()) {
            throw new CompileError(e.loc(), "void value not ignored as it ought to be");
        }
        requireComplete(e);
        if (!valueType(e.type()).isScalar()) {
            throw new CompileError(loc, "aggregate value used where " + (to.isPointer() ? "a pointer" : "an integer")
                    + " was expected");
        }
        // Always a node, even for a same-type cast: a cast's result is not an lvalue (6.5.4p5 footnote).
        return new Expr.Cast(e, to, loc);
    }

    // ---- lvalues -------------------------------------------------------------------------

    static boolean isLvalue(Expr e) {
        if (e instanceof Expr.LocalRef || e instanceof Expr.GlobalRef || e instanceof Expr.StrLit
                || e instanceof Expr.CompoundLit) {
            return true;
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == UnOp.DEREF && !u.type().isFunction();
        }
        if (e instanceof Expr.Member m) {
            return isLvalue(m.base());
        }
        if (e instanceof Expr.Once o) {
            return isLvalue(o.lvalue());
        }
        return false;
    }

    private void requireModifiable(Expr e, String lvalueMessage, SrcLoc loc) {
        if (!isLvalue(e) || e instanceof Expr.StrLit) {
            throw new CompileError(loc, lvalueMessage);
        }
        if (e.type().isArray()) {
            throw new CompileError(loc, "assignment to expression with array type");
        }
    }

    // ---- unary -----------------------------------------------------------------------------

    Expr unary(UnOp op, Expr e, SrcLoc loc) {
        switch (op) {
            case ADDR: return addressOf(e, loc);
            case DEREF: return deref(e, loc);
            case LOGNOT:
                if (e instanceof Expr.FloatLit f) {
                    return new Expr.IntLit(f.value() == 0 ? 1 : 0, IntType.INT, loc);
                }
                requireScalar(e);
                return new Expr.Unary(UnOp.LOGNOT, e, IntType.INT, loc);
            default: {
                requireValue(e);
                if (e instanceof Expr.FloatLit f && op == UnOp.NEG) {
                    return new Expr.FloatLit(-f.value(), f.type(), loc);
                }
                if (!e.type().isInteger()) {
                    throw new CompileError(loc, op == UnOp.NEG ? "wrong type argument to unary minus"
                            : "wrong type argument to bit-complement");
                }
                Expr p = promote(e);
                return new Expr.Unary(op, p, p.type(), loc);
            }
        }
    }

    Expr unaryPlus(Expr e, SrcLoc loc) {
        requireValue(e);
        if (e instanceof Expr.FloatLit) {
            return e;
        }
        if (!e.type().isInteger()) {
            throw new CompileError(loc, "wrong type argument to unary plus");
        }
        // A value, not an lvalue: force a node even when no promotion happens.
        Expr p = promote(e);
        return p == e ? new Expr.Cast(e, e.type(), loc) : p;
    }

    Expr addressOf(Expr e, SrcLoc loc) {
        if (e instanceof Expr.Once o) {
            return addressOf(o.lvalue(), loc); // &READ_ONCE(x) is &x: the mark is on accesses
        }
        // C11 6.5.3.2p3: &*E is E, neither operator evaluated (so &*p is fine for any pointer p).
        if (e instanceof Expr.Unary u && u.op() == UnOp.DEREF && u.operand().type().isPointer()) {
            return u.operand();
        }
        if (e instanceof Expr.Member m && m.field().isBitField()) {
            throw new CompileError(loc, "cannot take address of bit-field '" + m.field().name() + "'");
        }
        if (e instanceof Expr.FuncRef || isLvalue(e)) {
            return new Expr.Unary(UnOp.ADDR, e, new PointerType(e.type()), loc);
        }
        throw new CompileError(loc, "lvalue required as unary '&' operand");
    }

    Expr deref(Expr e, SrcLoc loc) {
        requireValue(e);
        CType t = valueType(e.type());
        if (!(t instanceof PointerType p)) {
            throw new CompileError(loc, "invalid type argument of unary '*' (have " + q(t) + ")");
        }
        if (FloatConst.isFloat(p.target())) {
            throw FloatConst.runtime(loc, "a " + q(p.target()) + " object in memory");
        }
        if (p.target().isVoid()) {
            warn(loc, "dereferencing 'void *' pointer");
        }
        return new Expr.Unary(UnOp.DEREF, e, p.target(), loc);
    }

    // ---- postfix ---------------------------------------------------------------------------

    Expr member(Expr base, String name, SrcLoc loc) {
        if (!(base.type() instanceof StructType s)) {
            throw new CompileError(loc, "request for member '" + name + "' in something not a structure or union");
        }
        if (!s.isComplete()) {
            throw new CompileError(loc, "invalid use of undefined type " + q(s));
        }
        Field f = s.findField(name);
        if (f == null) {
            throw new CompileError(loc, q(s) + " has no member named '" + name + "'");
        }
        return new Expr.Member(base, f, f.type(), loc);
    }

    /** {@code p->f} is {@code (*p).f} (C11 6.5.2.3p4). */
    Expr arrow(Expr base, String name, SrcLoc loc) {
        requireValue(base);
        CType t = valueType(base.type());
        if (!(t instanceof PointerType p)) {
            throw new CompileError(loc, "invalid type argument of '->' (have " + q(t) + ")");
        }
        if (!(p.target() instanceof StructType)) {
            throw new CompileError(loc, "request for member '" + name + "' in something not a structure or union");
        }
        return member(new Expr.Unary(UnOp.DEREF, base, p.target(), base.loc()), name, loc);
    }

    /** {@code a[i]} is {@code *(a + i)} (C11 6.5.2.1p2), either operand may be the pointer. */
    Expr index(Expr a, Expr i, SrcLoc loc) {
        requireValue(a);
        requireValue(i);
        boolean aPtr = valueType(a.type()).isPointer();
        boolean iPtr = valueType(i.type()).isPointer();
        if (!aPtr && !iPtr) {
            throw new CompileError(loc, "subscripted value is neither array nor pointer nor vector");
        }
        Expr ptr = aPtr ? a : i;
        Expr idx = aPtr ? i : a;
        if (!idx.type().isInteger()) {
            throw new CompileError(idx.loc(), "array subscript is not an integer");
        }
        return deref(pointerOffset(BinOp.ADD, ptr, idx, loc), loc);
    }

    Expr call(Expr callee, List<Expr> args, String name, SrcLoc loc) {
        // (*fp)(x), (**f)(x) and (&f)(x) all call the same function (C11 6.5.3.2p4, 6.3.2.1p4).
        while (callee instanceof Expr.Unary u && u.op() == UnOp.DEREF && u.type().isFunction()) {
            callee = u.operand();
        }
        if (callee instanceof Expr.Unary u && u.op() == UnOp.ADDR && u.operand() instanceof Expr.FuncRef f) {
            callee = f;
        }
        FunctionType ft;
        if (callee instanceof Expr.FuncRef f) {
            ft = f.type();
        } else if (valueType(callee.type()) instanceof PointerType p && p.target() instanceof FunctionType f) {
            ft = f;
        } else {
            throw new CompileError(callee.loc(), name == null ? "called object is not a function or function pointer"
                    : "called object '" + name + "' is not a function or function pointer");
        }
        if (ft.returnType() instanceof StructType rs && !rs.isComplete()) {
            throw new CompileError(loc, "invalid use of undefined type " + q(rs));
        }
        String who = name == null ? "function" : name;
        List<Expr> out = new ArrayList<>();
        if (ft.prototyped()) {
            if (args.size() < ft.params().size()) {
                throw new CompileError(loc, "too few arguments to function '" + who + "'");
            }
            if (args.size() > ft.params().size() && !ft.variadic()) {
                throw new CompileError(loc, "too many arguments to function '" + who + "'");
            }
            if (ft.variadic() && args.size() - ft.params().size() > dev.spinlab.kc.ast.FunctionDef.MAX_VARARGS) {
                // a variadic C function saves this many; the rest would be lost
                throw CompileError.unsupported(loc, "more than " + dev.spinlab.kc.ast.FunctionDef.MAX_VARARGS
                        + " variadic arguments in one call of '" + who + "'");
            }
        }
        for (int k = 0; k < args.size(); k++) {
            Expr a = args.get(k);
            if (ft.prototyped() && k < ft.params().size()) {
                CType pt = ft.params().get(k);
                out.add(assignConvert(a, pt, Conv.arg(k + 1, who)));
            } else {
                out.add(defaultPromote(a));
            }
        }
        return new Expr.Call(callee, List.copyOf(out), ft.returnType(), loc);
    }

    // ---- binary ----------------------------------------------------------------------------

    private CompileError invalidOperands(BinOp op, Expr l, Expr r, SrcLoc loc) {
        return new CompileError(loc, "invalid operands to binary " + op.symbol + " (have "
                + q(valueType(l.type())) + " and " + q(valueType(r.type())) + ")");
    }

    Expr binary(BinOp op, Expr l, Expr r, SrcLoc loc) {
        l = bitFieldOperand(l);
        r = bitFieldOperand(r);
        if (FloatConst.isFloat(l.type()) || FloatConst.isFloat(r.type())) {
            return FloatConst.binary(op, l, r, loc);
        }
        if (op == BinOp.LOGAND || op == BinOp.LOGOR) {
            requireScalar(l);
            requireScalar(r);
            return new Expr.Binary(op, l, r, IntType.INT, loc);
        }
        requireValue(l);
        requireValue(r);
        CType lt = valueType(l.type());
        CType rt = valueType(r.type());
        boolean ints = lt.isInteger() && rt.isInteger();
        if (op.isComparison()) {
            return compare(op, l, r, loc);
        }
        switch (op) {
            case ADD:
                if (lt.isPointer() && rt.isInteger()) {
                    return pointerOffset(op, l, r, loc);
                }
                if (lt.isInteger() && rt.isPointer()) {
                    return pointerOffset(op, r, l, loc);
                }
                break;
            case SUB:
                if (lt.isPointer() && rt.isInteger()) {
                    return pointerOffset(op, l, r, loc);
                }
                if (lt.isPointer() && rt.isPointer()) {
                    return pointerDifference(l, r, loc);
                }
                break;
            case SHL:
            case SHR:
                if (ints) {
                    Expr pl = promote(l);
                    return new Expr.Binary(op, pl, promote(r), pl.type(), loc);
                }
                break;
            default:
                break;
        }
        if (!ints) {
            throw invalidOperands(op, l, r, loc);
        }
        IntType t = Types.commonType(lt, rt);
        return new Expr.Binary(op, convert(l, t), convert(r, t), t, loc);
    }

    /** Element size for pointer arithmetic; gcc treats void and functions as size 1. */
    private long elementSize(CType pointer, SrcLoc loc) {
        CType target = ((PointerType) pointer).target();
        if (target.size() < 0) {
            throw new CompileError(loc, "arithmetic on pointer to an incomplete type");
        }
        return target.size();
    }

    /** An integer scaled to a byte offset: converted to long, multiplied by the element size (folded when constant). */
    Expr byteOffset(Expr integer, long size, SrcLoc loc) {
        Expr asLong = convert(integer, IntType.LONG);
        if (size == 1) {
            return asLong;
        }
        Long v = ConstEval.eval(asLong);
        if (v != null) {
            return new Expr.IntLit(v * size, IntType.LONG, asLong.loc());
        }
        return new Expr.Binary(BinOp.MUL, asLong, new Expr.IntLit(size, IntType.LONG, loc), IntType.LONG, loc);
    }

    /** pointer ± integer (C11 6.5.6p8): the integer scaled to bytes; the result has the pointer's (decayed) type. */
    private Expr pointerOffset(BinOp op, Expr ptr, Expr integer, SrcLoc loc) {
        CType pt = valueType(ptr.type());
        long size = elementSize(pt, loc);
        return new Expr.Binary(op, ptr, byteOffset(integer, size, loc), pt, loc);
    }

    /** pointer − pointer (C11 6.5.6p9): byte difference as long, divided by the element size. */
    private Expr pointerDifference(Expr l, Expr r, SrcLoc loc) {
        CType lt = valueType(l.type());
        CType rt = valueType(r.type());
        if (!Types.compatible(lt, rt)) {
            throw new CompileError(loc, "invalid operands to binary - (have " + q(lt) + " and " + q(rt) + ")");
        }
        long size = elementSize(lt, loc);
        Expr diff = new Expr.Binary(BinOp.SUB, l, r, IntType.LONG, loc);
        return new Expr.Binary(BinOp.DIV, diff, new Expr.IntLit(size, IntType.LONG, loc), IntType.LONG, loc);
    }

    /** Relational and equality operators (C11 6.5.8, 6.5.9): operands brought to one type, result int. */
    private Expr compare(BinOp op, Expr l, Expr r, SrcLoc loc) {
        CType lt = valueType(l.type());
        CType rt = valueType(r.type());
        if (lt.isInteger() && rt.isInteger()) {
            IntType t = Types.commonType(lt, rt);
            return new Expr.Binary(op, convert(l, t), convert(r, t), IntType.INT, loc);
        }
        if (lt.isPointer() && rt.isPointer()) {
            if (Types.compatible(lt, rt)) {
                return new Expr.Binary(op, l, r, IntType.INT, loc);
            }
            // A null pointer constant takes the other operand's type (C11 6.5.9p5).
            if (ConstEval.isNullPointerConstant(r)) {
                return new Expr.Binary(op, l, convert(r, lt), IntType.INT, loc);
            }
            if (ConstEval.isNullPointerConstant(l)) {
                return new Expr.Binary(op, convert(l, rt), r, IntType.INT, loc);
            }
            CType common = Types.isVoidPointer(rt) ? rt : lt;
            if (!Types.isVoidPointer(lt) && !Types.isVoidPointer(rt) && !Types.charPointers(lt, rt)) {
                warn(loc, "comparison of distinct pointer types lacks a cast");
            }
            return new Expr.Binary(op, convert(l, common), convert(r, common), IntType.INT, loc);
        }
        if (lt.isPointer() && rt.isInteger()) {
            return pointerVsInteger(op, l, r, lt, loc, false);
        }
        if (lt.isInteger() && rt.isPointer()) {
            return pointerVsInteger(op, r, l, rt, loc, true);
        }
        throw invalidOperands(op, l, r, loc);
    }

    private Expr pointerVsInteger(BinOp op, Expr p, Expr i, CType pt, SrcLoc loc, boolean swapped) {
        if (!ConstEval.isNullPointerConstant(i)) {
            warn(loc, "comparison between pointer and integer");
        }
        Expr ci = convert(i, pt);
        return swapped ? new Expr.Binary(op, ci, p, IntType.INT, loc) : new Expr.Binary(op, p, ci, IntType.INT, loc);
    }

    // ---- assignment ------------------------------------------------------------------------

    Expr assign(Expr target, Expr value, SrcLoc loc) {
        requireModifiable(target, "lvalue required as left operand of assignment", loc);
        return new Expr.Assign(target, assignConvert(value, target.type(), Conv.ASSIGN), target.type(), loc);
    }

    Expr compoundAssign(BinOp op, Expr target, Expr value, SrcLoc loc) {
        requireModifiable(target, "lvalue required as left operand of assignment", loc);
        requireValue(value);
        if (FloatConst.isFloat(value.type())) {
            throw FloatConst.runtime(loc, "operator '" + op.symbol + "=' with a " + q(value.type()) + " operand");
        }
        CType t = target.type();
        CType vt = valueType(value.type());
        if (t.isPointer() && (op == BinOp.ADD || op == BinOp.SUB) && vt.isInteger()) {
            return new Expr.CompoundAssign(op, target, byteOffset(value, elementSize(t, loc), loc), t, t, loc);
        }
        if (!t.isInteger() || !vt.isInteger()) {
            throw invalidOperands(op, target, value, loc);
        }
        if (op == BinOp.SHL || op == BinOp.SHR) {
            return new Expr.CompoundAssign(op, target, promote(value), promotedType(target), t, loc);
        }
        IntType opType = Types.commonType(promotedType(target), vt);
        return new Expr.CompoundAssign(op, target, convert(value, opType), opType, t, loc);
    }

    Expr incDec(boolean prefix, boolean increment, Expr target, SrcLoc loc) {
        String what = increment ? "increment" : "decrement";
        requireModifiable(target, "lvalue required as " + what + " operand", loc);
        CType t = target.type();
        if (!t.isScalar()) {
            throw new CompileError(loc, "wrong type argument to " + what);
        }
        long delta = t.isPointer() ? elementSize(t, loc) : 1;
        return new Expr.IncDec(prefix, increment, target, delta, t, loc);
    }

    // ---- ?: and , --------------------------------------------------------------------------

    /** C11 6.5.15p3-6, with gcc's acceptance of one void arm. */
    Expr conditional(Expr cond, Expr a, Expr b, SrcLoc loc) {
        requireScalar(cond);
        a = bitFieldOperand(a);
        b = bitFieldOperand(b);
        if (FloatConst.isFloat(a.type()) || FloatConst.isFloat(b.type())) {
            // only a constant choice between constants folds
            Long c = cond instanceof Expr.IntLit il ? Long.valueOf(il.value()) : ConstEval.eval(cond);
            if (c == null || FloatConst.valueOf(a) == null || FloatConst.valueOf(b) == null) {
                throw FloatConst.runtime(loc, "'?:' with a floating operand");
            }
            Expr chosen = c != 0 ? a : b;
            Expr other = c != 0 ? b : a;
            CType ft = FloatConst.isFloat(chosen.type()) && (!FloatConst.isFloat(other.type())
                    || chosen.type().size() >= other.type().size()) ? chosen.type() : other.type();
            return FloatConst.convert(chosen, ft, loc);
        }
        CType at = valueType(a.type());
        CType bt = valueType(b.type());
        CType t;
        if (at.isInteger() && bt.isInteger()) {
            t = Types.commonType(at, bt);
        } else if (at.isVoid() || bt.isVoid()) {
            t = VoidType.VOID;
        } else if (at instanceof StructType || bt instanceof StructType) {
            if (at != bt) {
                throw new CompileError(loc, "type mismatch in conditional expression");
            }
            t = at;
        } else if (at.isPointer() && bt.isPointer()) {
            if (Types.compatible(at, bt)) {
                t = at;
            } else if (Types.isVoidPointer(at) || Types.isVoidPointer(bt)) {
                // a null pointer constant arm takes the other's type (6.5.15p6); otherwise void *
                t = ConstEval.isNullPointerConstant(a) ? bt : ConstEval.isNullPointerConstant(b) ? at
                        : new PointerType(VoidType.VOID);
            } else {
                warn(loc, "pointer type mismatch in conditional expression");
                t = new PointerType(VoidType.VOID);
            }
        } else if (at.isPointer() || bt.isPointer()) {
            Expr intArm = at.isPointer() ? b : a;
            if (!ConstEval.isNullPointerConstant(intArm)) {
                warn(loc, "pointer/integer type mismatch in conditional expression");
            }
            t = at.isPointer() ? at : bt;
        } else {
            throw new CompileError(loc, "type mismatch in conditional expression");
        }
        return new Expr.Conditional(cond, convert(a, t), convert(b, t), t, loc);
    }

    Expr comma(Expr l, Expr r, SrcLoc loc) {
        if (l instanceof Expr.FloatLit) {
            return r; // a discarded constant has no effect
        }
        return new Expr.Comma(l, r, r.type(), loc);
    }
}
