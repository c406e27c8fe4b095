package dev.spinlab.kc.ir;

import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.LocalVar;
import dev.spinlab.kc.ast.Stmt;
import dev.spinlab.kc.ast.UnOp;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Finds the locals whose address is taken ({@code &x}), which must live in memory, not registers. */
final class AddressTakenScan {
    private final Set<LocalVar> taken = Collections.newSetFromMap(new IdentityHashMap<>());

    private AddressTakenScan() {}

    static Set<LocalVar> scan(Stmt body) {
        AddressTakenScan s = new AddressTakenScan();
        s.stmt(body);
        return s.taken;
    }

    /** Depth of this walk (issue 18: "nesting too deep", not a Java stack overflow). */
    private final dev.spinlab.kc.diag.Nesting nesting = new dev.spinlab.kc.diag.Nesting();

    private void stmt(Stmt s) {
        if (s == null) {
            return;
        }
        nesting.enter(s.loc());
        try {
            stmtInner(s);
        } finally {
            nesting.exit();
        }
    }

    private void stmtInner(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) {
            expr(e.expr());
        } else if (s instanceof Stmt.DeclStmt d) {
            for (Stmt.LocalDecl ld : d.decls()) {
                initializer(ld.init());
                expr(ld.cleanup()); // f(&var): the variable lives in memory
            }
        } else if (s instanceof Stmt.Block b) {
            b.body().forEach(this::stmt);
        } else if (s instanceof Stmt.If i) {
            expr(i.cond());
            stmt(i.then());
            stmt(i.otherwise());
        } else if (s instanceof Stmt.While w) {
            expr(w.cond());
            stmt(w.body());
        } else if (s instanceof Stmt.DoWhile d) {
            stmt(d.body());
            expr(d.cond());
        } else if (s instanceof Stmt.For f) {
            stmt(f.init());
            expr(f.cond());
            expr(f.step());
            stmt(f.body());
        } else if (s instanceof Stmt.Switch sw) {
            expr(sw.cond());
            stmt(sw.body());
        } else if (s instanceof Stmt.Case c) {
            stmt(c.body());
        } else if (s instanceof Stmt.Default d) {
            stmt(d.body());
        } else if (s instanceof Stmt.Return r) {
            expr(r.value());
        } else if (s instanceof Stmt.Labeled l) {
            stmt(l.body());
        }
    }

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        nesting.enter(e.loc());
        try {
            exprInner(e);
        } finally {
            nesting.exit();
        }
    }

    private void exprInner(Expr e) {
        if (e instanceof Expr.Unary u) {
            if (u.op() == UnOp.ADDR) {
                markBase(u.operand());
            }
            expr(u.operand());
        } else if (e instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.Assign a) {
            expr(a.target());
            expr(a.value());
        } else if (e instanceof Expr.CompoundAssign c) {
            expr(c.target());
            expr(c.value());
        } else if (e instanceof Expr.IncDec i) {
            expr(i.target());
        } else if (e instanceof Expr.Conditional c) {
            expr(c.cond());
            expr(c.then());
            expr(c.otherwise());
        } else if (e instanceof Expr.Comma c) {
            expr(c.left());
            expr(c.right());
        } else if (e instanceof Expr.Call c) {
            expr(c.callee());
            c.args().forEach(this::expr);
        } else if (e instanceof Expr.Cast c) {
            expr(c.operand());
        } else if (e instanceof Expr.Member m) {
            expr(m.base());
        } else if (e instanceof Expr.Once o) {
            expr(o.lvalue());
        } else if (e instanceof Expr.StmtExpr se) {
            stmt(se.body());
            expr(se.result());
        } else if (e instanceof Expr.CompoundLit cl) {
            initializer(cl.init());
        }
    }

    private void initializer(Initializer init) {
        if (init instanceof Initializer.Scalar sc) {
            expr(sc.value());
        } else if (init instanceof Initializer.Aggregate ag) {
            for (Initializer.Item it : ag.items()) {
                expr(it.value());
            }
        }
    }

    private void markBase(Expr e) {
        if (e instanceof Expr.LocalRef lr) {
            taken.add(lr.var());
        } else if (e instanceof Expr.Member m) {
            markBase(m.base());
        } else if (e instanceof Expr.Cast c) {
            markBase(c.operand());
        } else if (e instanceof Expr.CompoundLit cl) {
            taken.add(cl.var());
        }
    }
}
