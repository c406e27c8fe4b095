package dev.spinlab.kc.ast;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kc.type.FunctionType;
import java.util.List;

/**
 * Typed expressions. The parser's typer gives every node its C type and makes every implicit
 * conversion explicit as a {@link Cast} (integer promotions, usual arithmetic conversions,
 * assignment, argument and return conversions), lowers {@code a[i]} to {@code *(a + i)},
 * {@code p->f} to {@code (*p).f}, {@code sizeof} to an {@link IntLit}, and scales pointer
 * arithmetic to bytes. So the compiler only emits code; it never decides a conversion.
 *
 * <p>Array- and function-typed expressions are not decayed by a node: the compiler takes the
 * address of such an operand wherever its value is used.
 */
public sealed interface Expr {
    CType type();

    SrcLoc loc();

    /** An integer constant of the given integer type (char constants have type int). */
    record IntLit(long value, CType type, SrcLoc loc) implements Expr {}

    /**
     * A floating constant, or a constant folded from floating constants; its type is a
     * {@link dev.spinlab.kc.type.FloatType}. It never reaches code: the typer folds it into an
     * integer constant (a cast or comparison) or refuses the expression.
     */
    record FloatLit(double value, CType type, SrcLoc loc) implements Expr {}

    /** A string literal, an lvalue of type {@code char[n]}; bytes include the terminating NUL. */
    record StrLit(byte[] bytes, CType type, SrcLoc loc) implements Expr {}

    /** A local variable or parameter. */
    record LocalRef(LocalVar var, SrcLoc loc) implements Expr {
        @Override public CType type() { return var.type(); }
    }

    /** A global variable (also static locals, under their mangled name {@code func.var}). */
    record GlobalRef(String name, CType type, SrcLoc loc) implements Expr {}

    /** A function designator; its value is the function's address. */
    record FuncRef(String name, FunctionType type, SrcLoc loc) implements Expr {}

    record Unary(UnOp op, Expr operand, CType type, SrcLoc loc) implements Expr {}

    /**
     * A marked access: the lvalue of {@code READ_ONCE(x)}/{@code WRITE_ONCE(x, v)} (the model's
     * {@code __spinlab_once(x)}). The kernel's forms are volatile accesses, which KCSAN takes as
     * atomic when aligned and at most 8 bytes (kernel/kcsan/core.c, __tsan_volatile_read/write):
     * the compiler marks the load or store, and check's race monitor does not report it.
     */
    record Once(Expr lvalue, SrcLoc loc) implements Expr {
        @Override public CType type() { return lvalue.type(); }
    }

    /**
     * Binary operator. Arithmetic and bitwise operands have already been converted to the
     * result type; comparison operands to their common type (result int); shift operands are
     * each promoted (result is the left's type); {@code &&}/{@code ||} operands are scalars
     * (result int). Pointer {@code +}/{@code -} an integer has the integer already converted to
     * long and multiplied by the element size; pointer minus pointer is a {@code SUB} of type
     * long divided by the element size.
     */
    record Binary(BinOp op, Expr left, Expr right, CType type, SrcLoc loc) implements Expr {}

    /** {@code target = value}; value already converted to the target's type (struct: copied). */
    record Assign(Expr target, Expr value, CType type, SrcLoc loc) implements Expr {}

    /**
     * {@code target op= value}: the target's address is evaluated once; its value is converted
     * to {@code opType}, combined with {@code value} (already of {@code opType}, or for shifts
     * the promoted right operand, or for pointers the byte offset as long), and the result is
     * converted back to the target's type and stored. The expression's value is the stored value.
     */
    record CompoundAssign(BinOp op, Expr target, Expr value, CType opType, CType type, SrcLoc loc) implements Expr {}

    /** {@code ++x}, {@code x--} ...; {@code delta} is 1, or the element size for pointers. */
    record IncDec(boolean prefix, boolean increment, Expr target, long delta, CType type, SrcLoc loc) implements Expr {}

    /** {@code c ? a : b}; a and b already converted to the result type (which may be void). */
    record Conditional(Expr cond, Expr then, Expr otherwise, CType type, SrcLoc loc) implements Expr {}

    record Comma(Expr left, Expr right, CType type, SrcLoc loc) implements Expr {}

    /**
     * A call. {@code callee} is a {@link FuncRef} for a direct call, otherwise an expression of
     * pointer-to-function type. Arguments are converted to the parameter types; extra arguments
     * of a variadic or unprototyped callee have had the default argument promotions applied.
     */
    record Call(Expr callee, List<Expr> args, CType type, SrcLoc loc) implements Expr {}

    /** An explicit or implicit conversion; to {@code _Bool} means "!= 0"; to void discards. */
    record Cast(Expr operand, CType type, SrcLoc loc) implements Expr {}

    /**
     * GNU statement expression {@code ({ ... })}: the block's statements run in order, then
     * {@code result} (the last expression statement, null when the block does not end in one)
     * gives the value; its type is the result's (decayed) type, or void.
     */
    record StmtExpr(Stmt.Block body, Expr result, CType type, SrcLoc loc) implements Expr {}

    /**
     * A compound literal {@code (T){ ... }} (C11 6.5.2.5) in a function: an unnamed object with
     * automatic storage, {@code var}, initialised by {@code init} each time the expression is
     * evaluated; an lvalue. (At file scope a compound literal is a static object, a GlobalRef.)
     */
    record CompoundLit(LocalVar var, Initializer init, SrcLoc loc) implements Expr {
        @Override public CType type() { return var.type(); }
    }

    /** {@code base.field}, base being a struct or union lvalue; offsets include anonymous members. */
    record Member(Expr base, Field field, CType type, SrcLoc loc) implements Expr {}
}
