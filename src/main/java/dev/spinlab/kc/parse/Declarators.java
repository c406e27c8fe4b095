package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FunctionType;
import dev.spinlab.kc.type.PointerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Declarators and type names (C11 6.7.6, 6.7.7). A declarator reads inside out: the
 * suffixes after a parenthesised inner declarator apply to the base type first, so we skip
 * the inner part, read the suffixes, then come back and read the inner declarator against
 * the type they built ({@code int (*fp)(int)}: pointer to function (int) returning int).
 */
final class Declarators {
    /** A parameter as declared: name token (null when omitted) and its adjusted type. */
    record Param(Token name, CType type, SrcLoc loc) {}

    /**
     * A declarator's result. {@code name} is null for an abstract declarator; {@code params}
     * are the parameters of the function suffix that directly follows the name (the ones a
     * function definition binds), or null when the name is not directly a function.
     */
    record Declarator(Token name, CType type, List<Param> params) {}

    private final ParseContext cx;
    /** The location of a negative array size met in the current declarator, reported once its name is known. */
    private SrcLoc negativeSize;
    private int depth;

    Declarators(ParseContext cx) {
        this.cx = cx;
    }

    /** A declarator that must name something, or, when {@code abstractOk}, may omit the name. */
    Declarator declarator(CType base, boolean abstractOk) {
        if (depth == 0) {
            negativeSize = null;
        }
        depth++;
        Declarator d;
        try {
            d = declaratorInner(base, abstractOk);
        } finally {
            depth--;
        }
        if (depth == 0 && negativeSize != null) {
            // gcc reports it at the declarator's name, where the array is declared.
            throw d.name() == null ? new CompileError(negativeSize, "size of unnamed array is negative")
                    : new CompileError(d.name().loc(), "size of array '" + d.name().text() + "' is negative");
        }
        if (d.name() == null && !abstractOk) {
            throw cx.ts.expected("identifier or '('");
        }
        return d;
    }

    /** A type name (C11 6.7.7): specifiers and an abstract declarator, for casts, sizeof, typeof. */
    CType typeName() {
        boolean saved = cx.specs.floatTypeNames;
        cx.specs.floatTypeNames = true;
        DeclSpec ds;
        try {
            ds = cx.specs.parse(false);
        } finally {
            cx.specs.floatTypeNames = saved;
        }
        if (!ds.typeGiven()) {
            throw cx.ts.expected("specifier-qualifier-list");
        }
        Declarator d = declarator(ds.type(), true);
        if (d.name() != null) {
            throw new CompileError(d.name().loc(), "expected ')' before '" + d.name().text() + "'");
        }
        return d.type();
    }

    private Declarator declaratorInner(CType base, boolean abstractOk) {
        TokenStream ts = cx.ts;
        cx.specs.skipAttributesAndQualifiers();
        while (ts.accept("*")) {
            base = new PointerType(base);
            cx.specs.skipAttributesAndQualifiers();
        }
        if (ts.is("(") && isNestedDeclarator()) {
            ts.next();
            int inner = ts.mark();
            skipToCloseParen();
            Holder after = new Holder();
            CType outer = suffixes(base, after);
            int end = ts.mark();
            ts.reset(inner);
            Declarator d = declaratorInner(outer, abstractOk);
            ts.expect(")");
            ts.reset(end);
            return d;
        }
        Token name = null;
        if (ts.peek().kind() == TokenKind.IDENT && !DeclSpecParser.isAttribute(ts.peek())) {
            name = ts.next();
        }
        // attributes after the name: layout ones are kept for a struct member's declaration
        cx.specs.pendingLayout = cx.specs.pendingLayout.and(cx.specs.attributes());
        Holder h = new Holder();
        CType t = suffixes(base, h);
        return new Declarator(name, t, h.params);
    }

    /** After '(' in a declarator: does a nested declarator follow, or a parameter list? */
    private boolean isNestedDeclarator() {
        Token t = cx.ts.peek(1);
        if (t.is("*") || t.is("(") || DeclSpecParser.isAttribute(t)) {
            return true;
        }
        return t.kind() == TokenKind.IDENT && !cx.specs.startsDeclSpec(t);
    }

    private void skipToCloseParen() {
        int depthParens = 1;
        while (true) {
            Token t = cx.ts.next();
            if (t.kind() == TokenKind.EOF) {
                throw new CompileError(t.loc(), "expected ')' at end of input");
            }
            if (t.is("(")) {
                depthParens++;
            } else if (t.is(")") && --depthParens == 0) {
                return;
            }
        }
    }

    private static final class Holder {
        List<Param> params;
    }

    /** Array and function suffixes, right-associative: {@code a[2][3]} is an array 2 of arrays 3. */
    private CType suffixes(CType base, Holder holder) {
        TokenStream ts = cx.ts;
        if (ts.is("[")) {
            Token open = ts.next();
            while (ts.accept("static") || ts.accept("const") || ts.accept("volatile") || ts.accept("restrict")
                    || ts.accept("__restrict")) {
                // qualifiers and 'static' in parameter array declarators (C11 6.7.6.3p7) carry no layout
            }
            long length = -1;
            if (!ts.is("]")) {
                Expr e = cx.exprs.assignment();
                if (!e.type().isInteger()) {
                    throw new CompileError(e.loc(), "size of array has non-integer type");
                }
                Long v = ConstEval.eval(e);
                if (v == null) {
                    throw CompileError.unsupported(e.loc(), "variable-length arrays");
                }
                if (v < 0 && negativeSize == null) {
                    negativeSize = e.loc();
                }
                length = Math.max(v, 0);
            }
            ts.expect("]");
            CType elem = suffixes(base, null);
            if (elem.isFunction()) {
                throw new CompileError(open.loc(), "declaration of array of functions");
            }
            if (elem.size() < 0) {
                throw new CompileError(open.loc(), "array type has incomplete element type " + Types.q(elem));
            }
            return new ArrayType(elem, length);
        }
        if (ts.is("(")) {
            Token open = ts.peek();
            ParamList pl = parameters();
            if (holder != null) {
                holder.params = pl.params;
            }
            CType ret = suffixes(base, null);
            if (ret.isFunction()) {
                throw new CompileError(open.loc(), "function returning a function");
            }
            if (ret.isArray()) {
                throw new CompileError(open.loc(), "function returning an array");
            }
            List<CType> types = new ArrayList<>();
            for (Param p : pl.params) {
                types.add(p.type());
            }
            return new FunctionType(ret, List.copyOf(types), pl.variadic, pl.prototyped);
        }
        return base;
    }

    private record ParamList(List<Param> params, boolean variadic, boolean prototyped) {}

    /** A parameter type list (C11 6.7.6.3); identifier lists of old-style definitions are rejected. */
    private ParamList parameters() {
        TokenStream ts = cx.ts;
        ts.expect("(");
        if (ts.accept(")")) {
            return new ParamList(List.of(), false, false); // "()" says nothing about the parameters
        }
        if (ts.is("void") && ts.peek(1).is(")")) {
            ts.next();
            ts.next();
            return new ParamList(List.of(), false, true);
        }
        Token first = ts.peek();
        if (first.kind() == TokenKind.IDENT && !cx.specs.startsDeclSpec(first)) {
            if (ts.peek(1).is(",") || ts.peek(1).is(")")) {
                throw CompileError.unsupported(first.loc(), "K&R-style parameter declarations");
            }
            throw cx.names.unknownTypeName(first);
        }
        List<Param> params = new ArrayList<>();
        boolean variadic = false;
        while (true) {
            if (ts.accept("...")) {
                variadic = true;
                break;
            }
            Token t = ts.peek();
            if (t.kind() == TokenKind.IDENT && !cx.specs.startsDeclSpec(t)) {
                throw cx.names.unknownTypeName(t);
            }
            if (!cx.specs.startsDeclSpec(t)) {
                throw ts.expected("declaration specifiers or '...'");
            }
            DeclSpec ds = cx.specs.parse(true);
            if (ds.storage() != DeclSpec.Storage.NONE && ds.storage() != DeclSpec.Storage.REGISTER) {
                throw new CompileError(ds.loc(), "storage class specified for parameter");
            }
            Declarator d = declarator(ds.type(), true);
            if (!ts.is(",") && !ts.is(")") && d.name() != null && cx.scope.lookup(d.name().text()) == null) {
                // "char __user *buf" without the header of __user: say which name is unknown
                CompileError e = ts.expected("';', ',' or ')'");
                String n = cx.names.note(d.name().text());
                throw e.withNote(d.name().loc(), n != null ? n : "'" + d.name().text() + "' is not defined: if it"
                        + " is a macro (an annotation like __user or __iomem), the header that defines it must be"
                        + " included first");
            }
            CType pt = d.type();
            if (pt.isVoid()) {
                throw new CompileError(t.loc(), "'void' must be the only parameter");
            }
            // C11 6.7.6.3p7-8: array and function parameters are adjusted to pointers.
            if (pt instanceof ArrayType a) {
                pt = new PointerType(a.element());
            } else if (pt.isFunction()) {
                pt = new PointerType(pt);
            }
            params.add(new Param(d.name(), pt, d.name() != null ? d.name().loc() : t.loc()));
            cx.specs.skipAttributes();
            if (!ts.accept(",")) {
                break;
            }
        }
        ts.expect(")");
        return new ParamList(List.copyOf(params), variadic, true);
    }
}
