package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.GlobalVar;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.LocalVar;
import dev.spinlab.kc.ast.Stmt;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FunctionType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Statements (C11 6.8) and block-scope declarations inside a function body. */
final class StmtParser {
    private static final Set<String> ASM = Set.of("asm", "__asm__", "__asm");
    /** Case ranges expand to one label per value; beyond this many we refuse rather than bloat the tree. */
    private static final long MAX_CASE_RANGE = 4096;

    private final ParseContext cx;
    private final TokenStream ts;

    StmtParser(ParseContext cx) {
        this.cx = cx;
        this.ts = cx.ts;
    }

    private FunctionContext fn() {
        return cx.fn;
    }

    /** A function body: its block shares the scope the parameters were declared in (C11 6.2.1p4). */
    Stmt.Block functionBody() {
        Stmt.Block body = blockContents();
        for (FunctionContext.Goto g : fn().gotos) {
            if (!fn().labels.containsKey(g.label())) {
                throw new CompileError(g.loc(), "label '" + g.label() + "' used but not defined");
            }
        }
        return body;
    }

    /** A block in a scope of its own, for statement expressions. */
    Stmt.Block nestedBlock() {
        return block();
    }

    private Stmt.Block block() {
        cx.scope.enter();
        try {
            return blockContents();
        } finally {
            cx.scope.leave();
        }
    }

    private Stmt.Block blockContents() {
        Token open = ts.expect("{");
        List<Stmt> body = new ArrayList<>();
        while (!ts.is("}")) {
            if (ts.atEof()) {
                throw ts.expected("declaration or statement");
            }
            body.add(blockItem());
        }
        Token close = ts.next();
        return new Stmt.Block(List.copyOf(body), open.loc(), close.loc());
    }

    private boolean atDeclaration() {
        Token t = ts.peek();
        if (t.is("__extension__")) {
            return cx.specs.startsDeclSpec(ts.peek(1));
        }
        if (t.kind() == TokenKind.IDENT && ts.peek(1).kind() == TokenKind.IDENT && cx.scope.lookup(t.text()) == null
                && !cx.specs.startsDeclSpec(t) && !Keywords.isReserved(t.text())) {
            throw cx.names.unknownTypeName(t);
        }
        return cx.specs.startsDeclSpec(t);
    }

    private Stmt blockItem() {
        if (ts.is("_Static_assert")) {
            return staticAssert();
        }
        if (atDeclaration()) {
            return declaration();
        }
        return statement();
    }

    /** {@code _Static_assert(expr, "msg");} (C11 6.7.10), checked here and leaving nothing behind. */
    Stmt staticAssert() {
        Token kw = ts.next();
        ts.expect("(");
        Expr e = cx.exprs.conditional();
        Long v = ConstEval.eval(e);
        if (v == null) {
            throw new CompileError(e.loc(), "expression in static assertion is not an integer constant expression");
        }
        String msg = null;
        if (ts.accept(",")) {
            Expr m = cx.exprs.assignment();
            if (m instanceof Expr.StrLit s) {
                msg = new String(s.bytes(), 0, s.bytes().length - 1, StandardCharsets.UTF_8);
            }
        }
        ts.expect(")");
        ts.expect(";");
        if (v == 0) {
            throw new CompileError(kw.loc(), msg == null ? "static assertion failed" : "static assertion failed: \"" + msg + "\"");
        }
        return new Stmt.Empty(kw.loc());
    }

    // ---- declarations ----------------------------------------------------------------------

    /** A block-scope declaration (C11 6.7); an empty DeclStmt when it declares no object. */
    private Stmt declaration() {
        SrcLoc loc = ts.peek().loc();
        ts.accept("__extension__");
        cx.specs.pendingCleanup = null;
        DeclSpec ds = cx.specs.parse(true);
        Token specCleanup = cx.specs.pendingCleanup; // applies to every declarator
        cx.names.checkMacroLikeDeclarator(ds);
        List<Stmt.LocalDecl> decls = new ArrayList<>();
        if (!ts.is(";")) {
            do {
                cx.specs.pendingCleanup = null;
                Declarators.Declarator d = cx.declarators.declarator(ds.type(), false);
                cx.names.checkNameThenIdentifier(d.name());
                Parser.skipAsmLabel(cx);
                cx.specs.attributes();
                Token cleanup = cx.specs.pendingCleanup != null ? cx.specs.pendingCleanup : specCleanup;
                cx.specs.pendingCleanup = null;
                if (!ds.typeGiven()) {
                    cx.typer.warn(d.name().loc(), "type defaults to 'int' in declaration of '" + d.name().text() + "'");
                }
                Stmt.LocalDecl ld = declare(ds, d, cleanup, loc);
                if (ld != null) {
                    decls.add(ld);
                }
            } while (ts.accept(","));
        }
        ts.expect(";");
        return new Stmt.DeclStmt(List.copyOf(decls), loc);
    }

    private Stmt.LocalDecl declare(DeclSpec ds, Declarators.Declarator d, Token cleanup, SrcLoc declLoc) {
        if (cleanup != null && (ds.isTypedef() || ds.isExtern() || ds.isStatic() || d.type() instanceof FunctionType)) {
            // gcc: the attribute means nothing without automatic storage, and is dropped
            cx.typer.warn(declLoc, "'cleanup' attribute ignored");
            cleanup = null;
        }
        Stmt.LocalDecl ld = declare(ds, d);
        if (ld == null || cleanup == null) {
            return ld;
        }
        return new Stmt.LocalDecl(ld.var(), ld.init(), cleanupCall(cleanup, ld.var(), declLoc));
    }

    /**
     * gcc's {@code cleanup(f)}: the call {@code f(&var)}, typed here as an ordinary call so a
     * wrong function is refused as gcc refuses it (too few/many arguments; an incompatible
     * pointer is gcc's warning). The lowering runs it on every exit from the variable's scope.
     */
    private Expr cleanupCall(Token f, LocalVar var, SrcLoc declLoc) {
        if (f.kind() != TokenKind.IDENT || f.is(")")) {
            throw new CompileError(declLoc, "cleanup argument not an identifier (write the function's name: cleanup(f))");
        }
        Symbol sym = cx.scope.lookup(f.text());
        if (!(sym instanceof Symbol.Function fun)) {
            throw new CompileError(declLoc, "cleanup argument not a function ('" + f.text() + "' at " + f.loc().line()
                    + ":" + f.loc().col() + (sym == null ? " is not declared)" : " is not a function)"));
        }
        Expr callee = new Expr.FuncRef(fun.name(), fun.type(), f.loc());
        Expr arg = cx.typer.addressOf(new Expr.LocalRef(var, var.loc()), var.loc());
        return cx.typer.call(callee, List.of(arg), f.text(), var.loc());
    }

    private Stmt.LocalDecl declare(DeclSpec ds, Declarators.Declarator d) {
        String name = d.name().text();
        SrcLoc loc = d.name().loc();
        CType type = d.type();
        if (ds.isTypedef()) {
            cx.scope.declare(name, new Symbol.Typedef(type));
            return null;
        }
        if (type instanceof FunctionType ft) {
            // A block-scope function declaration has external linkage (C11 6.2.2p5).
            cx.scope.declare(name, new Symbol.Function(name, Parser.declareFunction(cx, name, ft, loc)));
            return null;
        }
        Symbol prev = cx.scope.lookupCurrent(name);
        if (prev != null && !ds.isExtern()) {
            throw new CompileError(loc, prev instanceof Symbol.Local || prev instanceof Symbol.Global
                    ? "redeclaration of '" + name + "' with no linkage" : "'" + name + "' redeclared as different kind of symbol");
        }
        if (type.isVoid()) {
            throw new CompileError(loc, "variable or field '" + name + "' declared void");
        }
        if (FloatConst.isFloat(type)) {
            throw CompileError.unsupported(loc, "floating-point types (" + Types.q(type) + " variable '" + name + "')");
        }
        if (ds.isExtern()) {
            cx.scope.declare(name, new Symbol.Global(name, type));
            cx.declarations.putIfAbsent(name, type);
            if (ts.is("=")) {
                throw new CompileError(loc, "'" + name + "' has both 'extern' and initializer");
            }
            return null;
        }
        if (ds.isStatic()) {
            // One object for the whole program run, named after its function (C11 6.2.4p3).
            String link = fn().staticLinkName(name);
            cx.scope.declare(name, new Symbol.Global(link, type));
            Initializer init = null;
            if (ts.accept("=")) {
                InitializerBuilder.Built b = cx.inits.parse(type, true);
                init = b.init();
                type = b.type();
                cx.scope.declare(name, new Symbol.Global(link, type));
            }
            checkComplete(name, type, loc);
            cx.globals.put(link, new GlobalVar(link, type, init, true, loc, GlobalVar.constObject(ds.constOnly(), type)));
            return null;
        }
        if (type == DeclSpecParser.AUTO_TYPE) {
            return autoTypeDecl(name, loc);
        }
        LocalVar var = new LocalVar(name, type, loc);
        // In scope from the end of its declarator, so its own initializer may mention it (6.2.1p7).
        cx.scope.declare(name, new Symbol.Local(var));
        Initializer init = null;
        if (ts.accept("=")) {
            InitializerBuilder.Built b = cx.inits.parse(type, false);
            init = b.init();
            if (b.type() != type) {
                var.completeType(b.type());
            }
        }
        checkComplete(name, var.type(), loc);
        return new Stmt.LocalDecl(var, init);
    }

    /** {@code __auto_type x = e;}: x takes the type of e after decay (gcc), and is in scope after e. */
    private Stmt.LocalDecl autoTypeDecl(String name, SrcLoc loc) {
        if (!ts.accept("=")) {
            throw new CompileError(loc, "'__auto_type' used with a declarator that has no initializer");
        }
        Expr e = cx.exprs.assignment();
        cx.typer.requireValue(e);
        if (FloatConst.isFloat(e.type())) {
            throw CompileError.unsupported(loc, "floating-point types (" + Types.q(e.type()) + " variable '" + name + "')");
        }
        Expr v = cx.typer.convert(e, Types.valueType(e.type()));
        LocalVar var = new LocalVar(name, Types.valueType(e.type()), loc);
        cx.scope.declare(name, new Symbol.Local(var));
        return new Stmt.LocalDecl(var, new Initializer.Scalar(v));
    }

    private static void checkComplete(String name, CType type, SrcLoc loc) {
        if (type instanceof ArrayType a && a.length() < 0) {
            throw new CompileError(loc, "array size missing in '" + name + "'");
        }
        if (type.size() < 0) {
            throw new CompileError(loc, "storage size of '" + name + "' isn't known");
        }
    }

    // ---- statements ------------------------------------------------------------------------

    /** Depth of nested statements (issue 18: "nesting too deep", not a Java stack overflow). */
    private final dev.spinlab.kc.diag.Nesting nesting = new dev.spinlab.kc.diag.Nesting();

    Stmt statement() {
        nesting.enter(ts.peek().loc());
        try {
            return statementInner();
        } finally {
            nesting.exit();
        }
    }

    private Stmt statementInner() {
        Token t = ts.peek();
        if (t.is("{")) {
            return block();
        }
        if (t.is(";")) {
            ts.next();
            return new Stmt.Empty(t.loc());
        }
        if (t.kind() == TokenKind.IDENT) {
            switch (t.text()) {
                case "if": return ifStmt();
                case "while": return whileStmt();
                case "do": return doStmt();
                case "for": return forStmt();
                case "switch": return switchStmt();
                case "case": return caseStmt();
                case "default": return defaultStmt();
                case "break": return breakStmt();
                case "continue": return continueStmt();
                case "return": return returnStmt();
                case "goto": return gotoStmt();
                default:
                    if (ASM.contains(t.text())) {
                        InlineAsm.statement(ts); // a compiler barrier, or refused
                        return new Stmt.Empty(t.loc());
                    }
                    if (ts.peek(1).is(":") && !cx.specs.startsDeclSpec(t)) {
                        return labeled();
                    }
            }
        }
        Expr e = cx.exprs.expression();
        ts.expect(";");
        return new Stmt.ExprStmt(e, t.loc());
    }

    private Expr condition() {
        ts.expect("(");
        Expr e = cx.typer.requireScalar(cx.exprs.expression());
        ts.expect(")");
        return e;
    }

    private Stmt ifStmt() {
        Token kw = ts.next();
        Expr c = condition();
        Stmt then = statement();
        Stmt otherwise = ts.accept("else") ? statement() : null;
        return new Stmt.If(c, then, otherwise, kw.loc());
    }

    private Stmt loopBody() {
        fn().loopDepth++;
        fn().breakDepth++;
        try {
            return statement();
        } finally {
            fn().loopDepth--;
            fn().breakDepth--;
        }
    }

    private Stmt whileStmt() {
        Token kw = ts.next();
        Expr c = condition();
        return new Stmt.While(c, loopBody(), kw.loc());
    }

    private Stmt doStmt() {
        Token kw = ts.next();
        Stmt body = loopBody();
        ts.expect("while");
        Expr c = condition();
        ts.expect(";");
        return new Stmt.DoWhile(body, c, kw.loc());
    }

    /** A for statement's clause-1 declaration lives in a scope of its own (C11 6.8.5p5). */
    private Stmt forStmt() {
        Token kw = ts.next();
        ts.expect("(");
        cx.scope.enter();
        try {
            Stmt init = null;
            if (!ts.accept(";")) {
                if (atDeclaration()) {
                    init = declaration();
                } else {
                    Token at = ts.peek();
                    init = new Stmt.ExprStmt(cx.exprs.expression(), at.loc());
                    ts.expect(";");
                }
            }
            Expr cond = ts.is(";") ? null : cx.typer.requireScalar(cx.exprs.expression());
            ts.expect(";");
            Expr step = ts.is(")") ? null : cx.exprs.expression();
            ts.expect(")");
            return new Stmt.For(init, cond, step, loopBody(), kw.loc());
        } finally {
            cx.scope.leave();
        }
    }

    /** The controlling expression is promoted, and case values converted to its type (C11 6.8.4.2p5). */
    private Stmt switchStmt() {
        Token kw = ts.next();
        ts.expect("(");
        Expr e = cx.exprs.expression();
        ts.expect(")");
        cx.typer.requireValue(e);
        if (!e.type().isInteger()) {
            throw new CompileError(e.loc(), "switch quantity not an integer");
        }
        Expr c = cx.typer.promote(e);
        fn().switches.push(new FunctionContext.SwitchContext(c.type()));
        fn().breakDepth++;
        try {
            return new Stmt.Switch(c, statement(), kw.loc());
        } finally {
            fn().breakDepth--;
            fn().switches.pop();
        }
    }

    private Stmt caseStmt() {
        Token kw = ts.next();
        FunctionContext.SwitchContext sw = fn().switches.peek();
        if (sw == null) {
            throw new CompileError(kw.loc(), "case label not within a switch statement");
        }
        Expr lo = cx.exprs.conditional();
        long low = caseValue(lo, sw);
        long high = low;
        if (ts.accept("...")) {
            Expr hi = cx.exprs.conditional();
            high = caseValue(hi, sw);
            if (ConstEval.binaryLess(high, low, sw.type)) {
                cx.typer.warn(lo.loc(), "empty range specified");
                ts.expect(":");
                return labelBody(kw);
            }
            if (high - low >= MAX_CASE_RANGE) {
                throw CompileError.unsupported(lo.loc(), "case ranges of more than " + MAX_CASE_RANGE + " values");
            }
        }
        ts.expect(":");
        for (long v = low; ; v++) {
            if (!sw.values.add(v)) {
                throw new CompileError(kw.loc(), "duplicate case value"); // gcc marks the label
            }
            if (v == high) {
                break;
            }
        }
        Stmt body = labelBody(kw);
        // A range becomes nested labels on one statement: case lo: case lo+1: ... body.
        for (long v = high; ; v--) {
            body = new Stmt.Case(v, body, kw.loc());
            if (v == low) {
                break;
            }
        }
        return body;
    }

    private long caseValue(Expr e, FunctionContext.SwitchContext sw) {
        Long v = ConstEval.eval(e);
        if (v == null) {
            throw new CompileError(e.loc(), "case label does not reduce to an integer constant");
        }
        return ConstEval.wrap(v, sw.type);
    }

    /** The statement after a label; C23 (and gcc 11+) also allow a label before '}' or a declaration. */
    private Stmt labelBody(Token at) {
        if (ts.is("}")) {
            return new Stmt.Empty(at.loc());
        }
        return atDeclaration() ? declaration() : statement();
    }

    private Stmt defaultStmt() {
        Token kw = ts.next();
        FunctionContext.SwitchContext sw = fn().switches.peek();
        if (sw == null) {
            throw new CompileError(kw.loc(), "'default' label not within a switch statement");
        }
        if (sw.hasDefault) {
            throw new CompileError(kw.loc(), "multiple default labels in one switch");
        }
        sw.hasDefault = true;
        ts.expect(":");
        return new Stmt.Default(labelBody(kw), kw.loc());
    }

    private Stmt breakStmt() {
        Token kw = ts.next();
        if (fn().breakDepth == 0) {
            throw new CompileError(kw.loc(), "break statement not within loop or switch");
        }
        ts.expect(";");
        return new Stmt.Break(kw.loc());
    }

    private Stmt continueStmt() {
        Token kw = ts.next();
        if (fn().loopDepth == 0) {
            throw new CompileError(kw.loc(), "continue statement not within a loop");
        }
        ts.expect(";");
        return new Stmt.Continue(kw.loc());
    }

    private Stmt returnStmt() {
        Token kw = ts.next();
        CType rt = fn().returnType;
        if (ts.accept(";")) {
            if (!rt.isVoid()) {
                cx.typer.warn(kw.loc(), "'return' with no value, in function returning non-void");
            }
            return new Stmt.Return(null, kw.loc());
        }
        Expr e = cx.exprs.expression();
        ts.expect(";");
        if (rt.isVoid()) {
            if (!e.type().isVoid()) {
                cx.typer.warn(kw.loc(), "'return' with a value, in function returning void");
            }
            // Evaluated for its effects, then a plain return: the contract has no value for void.
            return new Stmt.Block(List.of(new Stmt.ExprStmt(e, e.loc()), new Stmt.Return(null, kw.loc())),
                    kw.loc(), kw.loc());
        }
        return new Stmt.Return(cx.typer.assignConvert(e, rt, Typer.Conv.RETURN), kw.loc());
    }

    private Stmt gotoStmt() {
        Token kw = ts.next();
        if (ts.is("*")) {
            throw CompileError.unsupported(kw.loc(), "computed goto");
        }
        Token label = ts.expectIdent();
        ts.expect(";");
        fn().gotos.add(new FunctionContext.Goto(label.text(), label.loc()));
        return new Stmt.Goto(label.text(), kw.loc());
    }

    private Stmt labeled() {
        Token name = ts.next();
        ts.next(); // ':'
        cx.specs.skipAttributes();
        if (fn().labels.putIfAbsent(name.text(), name.loc()) != null) {
            throw new CompileError(name.loc(), "duplicate label '" + name.text() + "'");
        }
        return new Stmt.Labeled(name.text(), labelBody(name), name.loc());
    }
}
