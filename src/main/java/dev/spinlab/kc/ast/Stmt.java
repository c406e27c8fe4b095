package dev.spinlab.kc.ast;

import dev.spinlab.kc.lex.SrcLoc;
import java.util.List;

/** Statements. Conditions are scalar expressions tested against zero. */
public sealed interface Stmt {
    SrcLoc loc();

    record ExprStmt(Expr expr, SrcLoc loc) implements Stmt {}

    /** Local declarations; a declaration with no initializer leaves the object indeterminate (zeroed in the model). */
    record DeclStmt(List<LocalDecl> decls, SrcLoc loc) implements Stmt {}

    /**
     * One local object; {@code cleanup}, when not null, is the call {@code f(&var)} that gcc's
     * {@code __attribute__((cleanup(f)))} runs whenever the object's scope is left.
     */
    record LocalDecl(LocalVar var, Initializer init, Expr cleanup) {
        public LocalDecl(LocalVar var, Initializer init) {
            this(var, init, null);
        }
    }

    /** {@code endLoc} is the closing brace, the line a function's implicit return is attributed to. */
    record Block(List<Stmt> body, SrcLoc loc, SrcLoc endLoc) implements Stmt {}

    record If(Expr cond, Stmt then, Stmt otherwise, SrcLoc loc) implements Stmt {}

    record While(Expr cond, Stmt body, SrcLoc loc) implements Stmt {}

    record DoWhile(Stmt body, Expr cond, SrcLoc loc) implements Stmt {}

    /** {@code init} is an ExprStmt, a DeclStmt or null; cond and step may be null. */
    record For(Stmt init, Expr cond, Expr step, Stmt body, SrcLoc loc) implements Stmt {}

    /** {@code cond} is promoted; case values are already converted to its type. */
    record Switch(Expr cond, Stmt body, SrcLoc loc) implements Stmt {}

    record Case(long value, Stmt body, SrcLoc loc) implements Stmt {}

    record Default(Stmt body, SrcLoc loc) implements Stmt {}

    record Break(SrcLoc loc) implements Stmt {}

    record Continue(SrcLoc loc) implements Stmt {}

    /** {@code value} is null for {@code return;}; otherwise converted to the function's return type. */
    record Return(Expr value, SrcLoc loc) implements Stmt {}

    record Goto(String label, SrcLoc loc) implements Stmt {}

    record Labeled(String label, Stmt body, SrcLoc loc) implements Stmt {}

    record Empty(SrcLoc loc) implements Stmt {}
}
