package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.BinOp;
import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.UnOp;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.Literals;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.StructType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Expressions (C11 6.5) by precedence climbing; every node is typed by {@link Typer} as it is built. */
final class ExprParser {
    /** Binary operators and their precedence, loosest first (C11 6.5.5-6.5.14). */
    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("||", 1), Map.entry("&&", 2), Map.entry("|", 3), Map.entry("^", 4), Map.entry("&", 5),
            Map.entry("==", 6), Map.entry("!=", 6),
            Map.entry("<", 7), Map.entry(">", 7), Map.entry("<=", 7), Map.entry(">=", 7),
            Map.entry("<<", 8), Map.entry(">>", 8), Map.entry("+", 9), Map.entry("-", 9),
            Map.entry("*", 10), Map.entry("/", 10), Map.entry("%", 10));

    private static final Map<String, BinOp> BINOPS = Map.ofEntries(
            Map.entry("||", BinOp.LOGOR), Map.entry("&&", BinOp.LOGAND), Map.entry("|", BinOp.OR),
            Map.entry("^", BinOp.XOR), Map.entry("&", BinOp.AND), Map.entry("==", BinOp.EQ),
            Map.entry("!=", BinOp.NE), Map.entry("<", BinOp.LT), Map.entry(">", BinOp.GT),
            Map.entry("<=", BinOp.LE), Map.entry(">=", BinOp.GE), Map.entry("<<", BinOp.SHL),
            Map.entry(">>", BinOp.SHR), Map.entry("+", BinOp.ADD), Map.entry("-", BinOp.SUB),
            Map.entry("*", BinOp.MUL), Map.entry("/", BinOp.DIV), Map.entry("%", BinOp.MOD));

    private static final Map<String, BinOp> COMPOUND = Map.ofEntries(
            Map.entry("+=", BinOp.ADD), Map.entry("-=", BinOp.SUB), Map.entry("*=", BinOp.MUL),
            Map.entry("/=", BinOp.DIV), Map.entry("%=", BinOp.MOD), Map.entry("<<=", BinOp.SHL),
            Map.entry(">>=", BinOp.SHR), Map.entry("&=", BinOp.AND), Map.entry("|=", BinOp.OR),
            Map.entry("^=", BinOp.XOR));

    private final ParseContext cx;
    private final TokenStream ts;

    ExprParser(ParseContext cx) {
        this.cx = cx;
        this.ts = cx.ts;
    }

    /** expression: assignment-expressions separated by commas. */
    Expr expression() {
        Expr e = assignment();
        while (ts.is(",")) {
            SrcLoc loc = ts.next().loc();
            e = cx.typer.comma(e, assignment(), loc);
        }
        return e;
    }

    /** Depth of this parser's recursion (issue 18: "nesting too deep", not a Java stack overflow). */
    private final dev.spinlab.kc.diag.Nesting nesting = new dev.spinlab.kc.diag.Nesting();

    Expr assignment() {
        nesting.enter(ts.peek().loc());
        try {
            return assignmentInner();
        } finally {
            nesting.exit();
        }
    }

    private Expr assignmentInner() {
        Expr lhs = conditional();
        Token t = ts.peek();
        if (t.kind() != TokenKind.PUNCT) {
            return lhs;
        }
        if (t.is("=")) {
            ts.next();
            return cx.typer.assign(lhs, assignment(), t.loc());
        }
        BinOp op = COMPOUND.get(t.text());
        if (op != null) {
            ts.next();
            return cx.typer.compoundAssign(op, lhs, assignment(), t.loc());
        }
        return lhs;
    }

    Expr conditional() {
        nesting.enter(ts.peek().loc());
        try {
            return conditionalInner();
        } finally {
            nesting.exit();
        }
    }

    private Expr conditionalInner() {
        Expr cond = binary(1);
        if (!ts.is("?")) {
            return cond;
        }
        Token q = ts.next();
        if (ts.accept(":")) {
            return elvis(cond, conditional(), q.loc());
        }
        Expr a = expression();
        ts.expect(":");
        Expr b = conditional();
        return cx.typer.conditional(cond, a, b, q.loc());
    }

    /**
     * GNU {@code a ?: b}: {@code a ? a : b} with {@code a} evaluated once. In a function the
     * value of {@code a} is held in a hidden local, as {@code ({ typeof(a) t = a; t ? t : b; })};
     * a constant {@code a} (the only kind allowed outside functions) needs no temporary.
     */
    private Expr elvis(Expr a, Expr b, SrcLoc loc) {
        cx.typer.requireScalar(a);
        if (cx.fn == null || ConstEval.eval(a) != null) {
            return cx.typer.conditional(a, a, b, loc);
        }
        Expr av = cx.typer.convert(a, Types.valueType(a.type()));
        dev.spinlab.kc.ast.LocalVar tmp = new dev.spinlab.kc.ast.LocalVar("?:", Types.valueType(a.type()), a.loc());
        Expr ref = new Expr.LocalRef(tmp, a.loc());
        Expr cond = cx.typer.conditional(ref, ref, b, loc);
        dev.spinlab.kc.ast.Stmt.Block body = new dev.spinlab.kc.ast.Stmt.Block(List.of(
                new dev.spinlab.kc.ast.Stmt.DeclStmt(List.of(new dev.spinlab.kc.ast.Stmt.LocalDecl(tmp,
                        new dev.spinlab.kc.ast.Initializer.Scalar(av))), a.loc())), a.loc(), loc);
        return new Expr.StmtExpr(body, cond, cond.type(), loc);
    }

    /**
     * A GNU statement expression {@code ({ ... })}, at the '{' after '(': a block whose last
     * expression statement gives the value (void when the block ends otherwise).
     */
    private Expr statementExpression(Token open) {
        if (cx.fn == null) {
            throw new CompileError(open.loc(), "braced-group within expression allowed only inside a function");
        }
        dev.spinlab.kc.ast.Stmt.Block b = cx.stmts.nestedBlock();
        List<dev.spinlab.kc.ast.Stmt> body = b.body();
        Expr result = null;
        if (!body.isEmpty() && body.get(body.size() - 1) instanceof dev.spinlab.kc.ast.Stmt.ExprStmt last) {
            result = last.expr();
            body = body.subList(0, body.size() - 1);
        }
        CType type = dev.spinlab.kc.type.VoidType.VOID;
        if (result != null && !result.type().isVoid()) {
            cx.typer.requireValue(result);
            type = Types.valueType(result.type());
            result = cx.typer.convert(result, type);
        }
        return new Expr.StmtExpr(new dev.spinlab.kc.ast.Stmt.Block(List.copyOf(body), b.loc(), b.endLoc()),
                result, type, open.loc());
    }

    private Expr binary(int minPrec) {
        Expr left = cast();
        while (true) {
            Token t = ts.peek();
            Integer prec = t.kind() == TokenKind.PUNCT ? PRECEDENCE.get(t.text()) : null;
            if (prec == null || prec < minPrec) {
                return left;
            }
            ts.next();
            Expr right = binary(prec + 1); // all binary operators are left-associative
            left = cx.typer.binary(BINOPS.get(t.text()), left, right, t.loc());
        }
    }

    /** True at '(' type-name ')': a cast, sizeof or compound literal rather than a parenthesised expression. */
    private boolean atParenthesizedType() {
        return ts.is("(") && cx.specs.startsDeclSpec(ts.peek(1));
    }

    Expr cast() {
        nesting.enter(ts.peek().loc());
        try {
            return castInner();
        } finally {
            nesting.exit();
        }
    }

    private Expr castInner() {
        if (atParenthesizedType()) {
            Token open = ts.next();
            CType t = cx.declarators.typeName();
            ts.expect(")");
            if (ts.is("{")) {
                return postfix(compoundLiteral(open, t));
            }
            return cx.typer.cast(t, cast(), open.loc());
        }
        return unary();
    }

    /**
     * A compound literal {@code (T){ ... }} (C11 6.5.2.5), at the '{'. In a function it is an
     * unnamed automatic object; at file scope an unnamed static one (gcc names it
     * {@code __compound_literal.N}), whose address is a constant.
     */
    private Expr compoundLiteral(Token open, CType t) {
        if (t.isFunction() || t.isVoid() || (t.size() < 0 && !(t instanceof ArrayType))) {
            throw new CompileError(open.loc(), "compound literal has variable size or incomplete type");
        }
        if (cx.fn == null) {
            InitializerBuilder.Built b = cx.inits.parse(t, true);
            String name = "__compound_literal." + cx.compoundLiterals++;
            cx.globals.put(name, new dev.spinlab.kc.ast.GlobalVar(name, b.type(), b.init(), true, open.loc()));
            return new Expr.GlobalRef(name, b.type(), open.loc());
        }
        dev.spinlab.kc.ast.LocalVar v = new dev.spinlab.kc.ast.LocalVar("(compound literal)", t, open.loc());
        InitializerBuilder.Built b = cx.inits.parse(t, false);
        if (b.type() != t) {
            v.completeType(b.type());
        }
        return new Expr.CompoundLit(v, b.init(), open.loc());
    }

    private Expr unary() {
        Token t = ts.peek();
        if (t.kind() == TokenKind.PUNCT) {
            switch (t.text()) {
                case "++":
                case "--":
                    ts.next();
                    return cx.typer.incDec(true, t.is("++"), unary(), t.loc());
                case "&":
                    ts.next();
                    return cx.typer.unary(UnOp.ADDR, cast(), t.loc());
                case "*":
                    ts.next();
                    return cx.typer.unary(UnOp.DEREF, cast(), t.loc());
                case "-":
                    ts.next();
                    return cx.typer.unary(UnOp.NEG, cast(), t.loc());
                case "~":
                    ts.next();
                    return cx.typer.unary(UnOp.BITNOT, cast(), t.loc());
                case "!":
                    ts.next();
                    return cx.typer.unary(UnOp.LOGNOT, cast(), t.loc());
                case "+":
                    ts.next();
                    return cx.typer.unaryPlus(cast(), t.loc());
                case "&&":
                    throw CompileError.unsupported(t.loc(), "labels as values");
                default:
                    break;
            }
        }
        if (t.kind() == TokenKind.IDENT) {
            switch (t.text()) {
                case "sizeof":
                    ts.next();
                    return sizeOrAlign(t, true);
                case "_Alignof":
                case "__alignof__":
                case "__alignof":
                case "alignof":
                    ts.next();
                    return sizeOrAlign(t, false);
                case "__extension__":
                    ts.next();
                    return cast();
                default:
                    break;
            }
        }
        return postfix(primary());
    }

    /** sizeof and _Alignof (C11 6.5.3.4): an unsigned long constant; the operand is not evaluated. */
    private Expr sizeOrAlign(Token op, boolean size) {
        CType t;
        if (atParenthesizedType()) {
            Token open = ts.next();
            t = cx.declarators.typeName();
            ts.expect(")");
            if (ts.is("{")) {
                t = postfix(compoundLiteral(open, t)).type();
            }
        } else {
            Expr operand = unary();
            if (operand instanceof Expr.Member m && m.field().isBitField()) {
                throw new CompileError(op.loc(), "'" + (size ? "sizeof" : op.text()) + "' applied to a bit-field");
            }
            t = operand.type();
        }
        if (t.size() < 0) {
            throw new CompileError(op.loc(), "invalid application of '" + (size ? "sizeof" : op.text())
                    + "' to incomplete type " + Types.q(t));
        }
        return new Expr.IntLit(size ? t.size() : t.align(), IntType.ULONG, op.loc());
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token t = ts.peek();
            if (t.is("[")) {
                ts.next();
                Expr i = expression();
                ts.expect("]");
                e = cx.typer.index(e, i, t.loc());
            } else if (t.is("(")) {
                ts.next();
                List<Expr> args = new ArrayList<>();
                if (!ts.is(")")) {
                    do {
                        args.add(assignment());
                    } while (ts.accept(","));
                }
                ts.expect(")");
                e = cx.typer.call(e, args, calleeName(e), e.loc());
            } else if (t.is(".")) {
                ts.next();
                Token name = ts.expectIdent();
                e = cx.typer.member(e, name.text(), t.loc()); // gcc locates member access at the operator
            } else if (t.is("->")) {
                ts.next();
                Token name = ts.expectIdent();
                e = cx.typer.arrow(e, name.text(), t.loc());
            } else if (t.is("++") || t.is("--")) {
                ts.next();
                e = cx.typer.incDec(false, t.is("++"), e, t.loc());
            } else {
                return e;
            }
        }
    }

    /** How gcc names a callee in messages: the function or variable, or the member called through. */
    private static String calleeName(Expr e) {
        if (e instanceof Expr.FuncRef f) {
            return f.name();
        }
        if (e instanceof Expr.LocalRef l) {
            return l.var().name();
        }
        if (e instanceof Expr.GlobalRef g) {
            return g.name().substring(g.name().lastIndexOf('.') + 1);
        }
        if (e instanceof Expr.Member m) {
            return m.field().name();
        }
        if (e instanceof Expr.Unary u && u.op() == UnOp.DEREF) {
            return calleeName(u.operand());
        }
        return null;
    }

    private Expr primary() {
        Token t = ts.peek();
        switch (t.kind()) {
            case INT_LIT: {
                ts.next();
                Literals.IntValue v = Literals.parseInteger(t);
                return new Expr.IntLit(v.value(), v.type(), t.loc());
            }
            case FLOAT_LIT: {
                ts.next();
                return FloatConst.literal(t);
            }
            case CHAR_LIT:
                ts.next();
                return new Expr.IntLit(Literals.parseChar(t), IntType.INT, t.loc());
            case STRING_LIT:
                return stringLiteral();
            case IDENT:
                if (Keywords.isReserved(t.text()) || cx.scope.isTypedefName(t.text())) {
                    break; // gcc: "expected expression before 'int'"
                }
                return identifier();
            case PUNCT:
                if (t.is("(")) {
                    ts.next();
                    if (ts.is("{")) {
                        Expr se = statementExpression(t);
                        ts.expect(")");
                        return se;
                    }
                    Expr e = expression();
                    ts.expect(")");
                    return e;
                }
                break;
            default:
                break;
        }
        throw ts.expected("expression");
    }

    /** Adjacent string literals are one (C11 5.1.1.2 phase 6); the array holds the bytes and a NUL. */
    private Expr stringLiteral() {
        Token first = ts.peek();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (ts.isKind(TokenKind.STRING_LIT)) {
            byte[] b = Literals.parseString(ts.next());
            out.write(b, 0, b.length);
        }
        out.write(0);
        return strLit(out.toByteArray(), first.loc());
    }

    static Expr.StrLit strLit(byte[] withNul, SrcLoc loc) {
        return new Expr.StrLit(withNul, new ArrayType(IntType.CHAR, withNul.length), loc);
    }

    private Expr identifier() {
        Token t = ts.next();
        String name = t.text();
        switch (name) {
            case "__func__":
            case "__FUNCTION__":
            case "__PRETTY_FUNCTION__": {
                String fn = cx.fn == null ? "" : cx.fn.name;
                if (cx.fn == null) {
                    cx.typer.warn(t.loc(), "'" + name + "' is not defined outside of function scope");
                }
                byte[] b = fn.getBytes(StandardCharsets.UTF_8);
                byte[] z = Arrays.copyOf(b, b.length + 1);
                return strLit(z, t.loc());
            }
            case "__builtin_offsetof":
                return offsetof(t);
            case "__builtin_expect": {
                // The hint is for the optimiser; the value is the first operand as a long.
                ts.expect("(");
                Expr a = assignment();
                ts.expect(",");
                assignment();
                ts.expect(")");
                cx.typer.requireValue(a);
                return cx.typer.assignConvert(a, IntType.LONG, Typer.Conv.arg(1, "__builtin_expect"));
            }
            case "__spinlab_once": {
                // READ_ONCE/WRITE_ONCE (include/linux/compiler.h): the operand, accessed marked
                ts.expect("(");
                Expr a = assignment();
                ts.expect(")");
                if (!Typer.isLvalue(a) || a.type().isArray() || a instanceof Expr.StrLit) {
                    throw new CompileError(t.loc(), "READ_ONCE/WRITE_ONCE need an object to access (an lvalue that is not an array)");
                }
                return new Expr.Once(a, t.loc());
            }
            case "__builtin_constant_p": {
                ts.expect("(");
                Expr a = expression();
                ts.expect(")");
                boolean constant = ConstEval.eval(a) != null || a instanceof Expr.FloatLit;
                return new Expr.IntLit(constant ? 1 : 0, IntType.INT, t.loc());
            }
            case "__builtin_types_compatible_p": {
                // 1 when the two types are compatible, top-level qualifiers ignored (gcc)
                ts.expect("(");
                CType a = cx.declarators.typeName();
                ts.expect(",");
                CType b = cx.declarators.typeName();
                ts.expect(")");
                return new Expr.IntLit(Types.compatible(a, b) ? 1 : 0, IntType.INT, t.loc());
            }
            case "__builtin_choose_expr": {
                // the chosen operand itself, type and all; the other is parsed but never evaluated
                ts.expect("(");
                Expr c = assignment();
                ts.expect(",");
                Expr a = assignment();
                ts.expect(",");
                Expr b = assignment();
                ts.expect(")");
                Long v = ConstEval.eval(c);
                if (v == null) {
                    throw new CompileError(c.loc(), "first argument to '__builtin_choose_expr' not a constant");
                }
                return v != 0 ? a : b;
            }
            case "__builtin_va_start": {
                ts.expect("(");
                Expr ap = assignment();
                ts.expect(",");
                assignment(); // the last named parameter: the save area already starts after it
                ts.expect(")");
                if (cx.fn == null || cx.fn.vaArea == null) {
                    throw new CompileError(t.loc(), "'va_start' used in function with fixed arguments");
                }
                Expr area = new Expr.LocalRef(cx.fn.vaArea, t.loc());
                Expr set = cx.typer.assign(ap, cx.typer.cast(ap.type(), area, t.loc()), t.loc());
                return cx.typer.cast(dev.spinlab.kc.type.VoidType.VOID, set, t.loc());
            }
            case "__builtin_va_arg":
                return vaArg(t);
            case "__builtin_va_end": {
                ts.expect("(");
                Expr ap = assignment();
                ts.expect(")");
                return cx.typer.cast(dev.spinlab.kc.type.VoidType.VOID, ap, t.loc());
            }
            case "__builtin_va_copy": {
                ts.expect("(");
                Expr dst = assignment();
                ts.expect(",");
                Expr src = assignment();
                ts.expect(")");
                return cx.typer.cast(dev.spinlab.kc.type.VoidType.VOID, cx.typer.assign(dst, src, t.loc()), t.loc());
            }
            case "_Generic":
                throw CompileError.unsupported(t.loc(), "_Generic");
            case "asm":
            case "__asm__":
            case "__asm":
                throw CompileError.unsupported(t.loc(), "inline assembly");
            default:
                break;
        }
        Symbol sym = cx.scope.lookup(name);
        assert !(sym instanceof Symbol.Typedef) : "typedef names are rejected before";
        if (sym == null) {
            if (ts.is("(") && cx.fn != null) {
                if (cx.names.implicitDeclarationIsError()) {
                    throw cx.names.implicitError(t.loc(), name);
                }
                cx.names.warnImplicit(t.loc(), name);
                sym = cx.implicitFunction(name);
            } else if (cx.fn != null) {
                throw cx.names.error(t.loc(), "'" + name + "' undeclared (first use in this function)", name);
            } else {
                throw cx.names.error(t.loc(), "'" + name + "' undeclared here (not in a function)", name);
            }
        }
        if (sym instanceof Symbol.Local l) {
            return new Expr.LocalRef(l.var(), t.loc());
        }
        if (sym instanceof Symbol.Global g) {
            return new Expr.GlobalRef(g.linkName(), g.type(), t.loc());
        }
        if (sym instanceof Symbol.Function f) {
            return new Expr.FuncRef(f.name(), f.type(), t.loc());
        }
        return new Expr.IntLit(((Symbol.EnumConst) sym).value(), IntType.INT, t.loc());
    }

    /**
     * {@code va_arg(ap, T)}: every variadic argument occupies one 8-byte slot of the save area
     * (its register's value, little-endian), so this is {@code *(T *)((ap += 8) - 8)} as an
     * rvalue. Only scalar types travel through '...' in the model.
     */
    private Expr vaArg(Token kw) {
        ts.expect("(");
        Expr ap = assignment();
        ts.expect(",");
        CType t = cx.declarators.typeName();
        ts.expect(")");
        if (!t.isScalar()) {
            throw CompileError.unsupported(kw.loc(), "va_arg of type " + Types.q(t)
                    + " (only integer and pointer arguments pass through '...')");
        }
        if (!(Types.valueType(ap.type()) instanceof dev.spinlab.kc.type.PointerType)) {
            throw new CompileError(ap.loc(), "first argument to 'va_arg' not of type 'va_list'");
        }
        Expr eight = new Expr.IntLit(8, IntType.INT, kw.loc());
        Expr next = cx.typer.compoundAssign(dev.spinlab.kc.ast.BinOp.ADD, ap, eight, kw.loc());
        Expr slot = cx.typer.binary(dev.spinlab.kc.ast.BinOp.SUB, next, eight, kw.loc());
        Expr typed = cx.typer.cast(new dev.spinlab.kc.type.PointerType(t), slot, kw.loc());
        return cx.typer.cast(t, cx.typer.deref(typed, kw.loc()), kw.loc());
    }

    /** {@code __builtin_offsetof(type, a.b[2].c)} (C11 7.19p3): an unsigned long constant. */
    private Expr offsetof(Token kw) {
        ts.expect("(");
        CType t = cx.declarators.typeName();
        ts.expect(",");
        long offset = 0;
        Token name = ts.expectIdent();
        while (true) {
            if (!(t instanceof StructType st)) {
                throw new CompileError(name.loc(), "request for member '" + name.text()
                        + "' in something not a structure or union");
            }
            if (!st.isComplete()) {
                throw new CompileError(name.loc(), "invalid use of undefined type " + Types.q(st));
            }
            Field f = st.findField(name.text());
            if (f == null) {
                throw new CompileError(name.loc(), Types.q(st) + " has no member named '" + name.text() + "'");
            }
            if (f.isBitField()) {
                throw new CompileError(name.loc(), "attempt to take address of bit-field structure member '"
                        + name.text() + "'");
            }
            offset += f.offset();
            t = f.type();
            while (ts.is("[")) {
                Token open = ts.next();
                if (!(t instanceof ArrayType at)) {
                    throw new CompileError(open.loc(), "subscripted value is neither array nor pointer nor vector");
                }
                Expr i = expression();
                Long v = ConstEval.eval(i);
                if (v == null) {
                    throw new CompileError(i.loc(), "cannot apply 'offsetof' to a non constant address");
                }
                ts.expect("]");
                offset += v * at.element().size();
                t = at.element();
            }
            if (!ts.accept(".")) {
                break;
            }
            name = ts.expectIdent();
        }
        ts.expect(")");
        return new Expr.IntLit(offset, IntType.ULONG, kw.loc());
    }
}
