package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.GlobalVar;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.LocalVar;
import dev.spinlab.kc.ast.Stmt;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FunctionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point: parses and types one preprocessed file. This class handles file scope
 * (C11 6.9): function definitions, and declarations with their linkage bookkeeping, including
 * tentative definitions (6.9.2), which merge into one object per name.
 */
public final class Parser {
    private final ParseContext cx;
    private final TokenStream ts;
    private final List<FunctionDef> functions = new ArrayList<>();
    /** Names with internal linkage, once declared static (6.2.2p3; a later plain declaration keeps it). */
    private final Set<String> internal = new HashSet<>();

    private Parser(ParseContext cx) {
        this.cx = cx;
        this.ts = cx.ts;
    }

    /** Parses and types one preprocessed file. Throws CompileError at the first error. */
    public static TranslationUnit parse(String file, List<Token> tokens, SourceMap sources, List<Diagnostic> diagnostics) {
        ParseContext cx = new ParseContext(file, new TokenStream(tokens), diagnostics);
        Parser p = new Parser(cx);
        p.translationUnit();
        Map<String, CType> decls = new LinkedHashMap<>(cx.declarations);
        return new TranslationUnit(file, List.copyOf(cx.globals.values()), List.copyOf(p.functions),
                Collections.unmodifiableMap(decls), diagnostics, sources);
    }

    private void translationUnit() {
        while (!ts.atEof()) {
            if (ts.accept(";")) {
                continue;
            }
            if (ts.is("_Static_assert")) {
                cx.stmts.staticAssert();
                continue;
            }
            if (ts.is("asm") || ts.is("__asm__") || ts.is("__asm")) {
                InlineAsm.statement(ts); // file-scope (basic) asm: only an empty one is harmless
                continue;
            }
            externalDeclaration();
        }
        finishTentatives();
    }

    /** C11 6.9.2p2/p5: a tentative array of unknown size becomes one element; other incomplete types are errors. */
    private void finishTentatives() {
        for (Map.Entry<String, GlobalVar> e : cx.globals.entrySet()) {
            GlobalVar g = e.getValue();
            if (g.type() instanceof ArrayType a && a.length() < 0) {
                cx.typer.warn(g.loc(), "array '" + g.name() + "' assumed to have one element");
                e.setValue(new GlobalVar(g.name(), new ArrayType(a.element(), 1), g.init(), g.isStatic(), g.loc(),
                        g.readOnly()));
            } else if (g.type().size() < 0) {
                throw new CompileError(g.loc(), "storage size of '" + g.name() + "' isn't known");
            }
        }
    }

    private void externalDeclaration() {
        ts.accept("__extension__");
        Token first = ts.peek();
        if (first.kind() == TokenKind.IDENT && !cx.specs.startsDeclSpec(first)
                && (ts.peek(1).kind() == TokenKind.IDENT || ts.peek(1).is("*"))) {
            throw cx.names.unknownTypeName(first);
        }
        if (first.kind() != TokenKind.IDENT && !first.is("*") && !first.is("(")) {
            throw ts.expected("identifier or '('");
        }
        DeclSpec ds = cx.specs.parse(true);
        if (ts.accept(";")) {
            return; // a struct, union or enum declaration alone
        }
        cx.names.checkMacroLikeDeclarator(ds);
        boolean firstDeclarator = true;
        do {
            Declarators.Declarator d = cx.declarators.declarator(ds.type(), false);
            cx.names.checkNameThenIdentifier(d.name());
            skipAsmLabel(cx);
            cx.specs.skipAttributes();
            if (firstDeclarator && d.type() instanceof FunctionType && ts.is("{")) {
                functionDefinition(ds, d);
                return;
            }
            if (firstDeclarator && d.type() instanceof FunctionType && cx.specs.startsDeclSpec(ts.peek())) {
                throw CompileError.unsupported(ts.peek().loc(), "K&R-style parameter declarations");
            }
            if (!ds.typeGiven()) {
                cx.typer.warn(d.name().loc(), "type defaults to 'int' in declaration of '" + d.name().text() + "'");
            }
            fileScopeDeclaration(ds, d);
            firstDeclarator = false;
        } while (ts.accept(","));
        ts.expect(";");
    }

    /** gcc's {@code asm("name")} after a declarator renames the symbol for the assembler; we keep the C name. */
    static void skipAsmLabel(ParseContext cx) {
        Token t = cx.ts.peek();
        if (t.is("asm") || t.is("__asm__") || t.is("__asm")) {
            cx.ts.next();
            cx.ts.skipBalancedParens();
        }
    }

    /**
     * Declares a function at file scope (also for block-scope prototypes, which have external
     * linkage): checks it against earlier declarations and returns the composite type,
     * the prototyped one when one of the two is not (C11 6.2.7p3).
     */
    static FunctionType declareFunction(ParseContext cx, String name, FunctionType ft, SrcLoc loc) {
        Symbol prev = cx.scope.lookupFile(name);
        FunctionType merged = ft;
        if (prev instanceof Symbol.Function f) {
            if (!Types.compatible(f.type(), ft)) {
                throw new CompileError(loc, "conflicting types for '" + name + "'");
            }
            if (!ft.prototyped() && f.type().prototyped()) {
                merged = f.type();
            }
        } else if (prev != null) {
            throw new CompileError(loc, "'" + name + "' redeclared as different kind of symbol");
        }
        cx.scope.declareFile(name, new Symbol.Function(name, merged));
        cx.declarations.put(name, merged);
        return merged;
    }

    private void functionDefinition(DeclSpec ds, Declarators.Declarator d) {
        FunctionType ft = (FunctionType) d.type();
        String name = d.name().text();
        SrcLoc loc = d.name().loc();
        if (!ds.typeGiven()) {
            cx.typer.warn(loc, "return type defaults to 'int'");
        }
        if (ds.isTypedef()) {
            throw new CompileError(loc, "expected '=', ',', ';', 'asm' or '__attribute__' before '{' token");
        }
        if (ft.returnType() instanceof dev.spinlab.kc.type.StructType rs && !rs.isComplete()) {
            throw new CompileError(loc, "return type is an incomplete type");
        }
        List<Declarators.Param> params = d.params() == null ? List.of() : d.params();
        for (int i = 0; i < params.size(); i++) {
            Declarators.Param p = params.get(i);
            if (p.name() == null) {
                throw new CompileError(p.loc(), "parameter name omitted");
            }
            if (p.type().size() < 0) {
                throw new CompileError(p.loc(), "parameter " + (i + 1) + " ('" + p.name().text()
                        + "') has incomplete type");
            }
        }
        for (FunctionDef f : functions) {
            if (f.name().equals(name)) {
                throw new CompileError(loc, "redefinition of '" + name + "'");
            }
        }
        FunctionType merged = declareFunction(cx, name, ft, loc);
        // "int f(int); int f() { ... }": the definition binds no parameter the prototype promises.
        if (!ft.prototyped() && !merged.params().isEmpty()) {
            throw new CompileError(loc, "number of arguments doesn't match prototype");
        }
        FunctionType type = ft.prototyped() ? ft : merged;
        if (ds.isStatic()) {
            internal.add(name);
        }
        cx.fn = new FunctionContext(name, type.returnType());
        if (type.variadic()) {
            cx.fn.vaArea = new LocalVar("(variadic arguments)",
                    new ArrayType(dev.spinlab.kc.type.IntType.LONG, FunctionDef.MAX_VARARGS), loc);
        }
        cx.scope.enter();
        try {
            List<LocalVar> vars = new ArrayList<>();
            for (Declarators.Param p : params) {
                LocalVar v = new LocalVar(p.name().text(), p.type(), p.name().loc());
                if (cx.scope.lookupCurrent(v.name()) != null) {
                    throw new CompileError(p.loc(), "redefinition of parameter '" + v.name() + "'");
                }
                cx.scope.declare(v.name(), new Symbol.Local(v));
                vars.add(v);
            }
            Stmt.Block body = cx.stmts.functionBody();
            functions.add(new FunctionDef(name, type, List.copyOf(vars), body, internal.contains(name), loc,
                    cx.fn.vaArea));
        } finally {
            cx.scope.leave();
            cx.fn = null;
        }
    }

    /** A file-scope declarator that is not a function definition. */
    private void fileScopeDeclaration(DeclSpec ds, Declarators.Declarator d) {
        String name = d.name().text();
        SrcLoc loc = d.name().loc();
        CType type = d.type();
        if (ds.isTypedef()) {
            Symbol prev = cx.scope.lookupCurrent(name);
            if (prev instanceof Symbol.Typedef td && !Types.compatible(td.type(), type)) {
                throw new CompileError(loc, "conflicting types for '" + name + "'");
            }
            cx.scope.declare(name, new Symbol.Typedef(type));
            return;
        }
        if (ds.isStatic()) {
            internal.add(name);
        }
        if (type instanceof FunctionType ft) {
            declareFunction(cx, name, ft, loc);
            if (ts.is("=")) {
                throw new CompileError(loc, "function '" + name + "' is initialized like a variable");
            }
            return;
        }
        if (type.isVoid()) {
            throw new CompileError(loc, "variable or field '" + name + "' declared void");
        }
        if (FloatConst.isFloat(type)) {
            throw CompileError.unsupported(loc, "floating-point types (" + Types.q(type) + " variable '" + name + "')");
        }
        Symbol prev = cx.scope.lookupFile(name);
        if (prev != null && !(prev instanceof Symbol.Global)) {
            throw new CompileError(loc, "'" + name + "' redeclared as different kind of symbol");
        }
        if (prev instanceof Symbol.Global g) {
            if (!Types.compatible(g.type(), type)) {
                throw new CompileError(loc, "conflicting types for '" + name + "'");
            }
            if (type instanceof ArrayType a && a.length() < 0) {
                type = g.type(); // keep the known size
            }
        }
        cx.scope.declareFile(name, new Symbol.Global(name, type));
        GlobalVar existing = cx.globals.get(name);
        boolean isStatic = internal.contains(name);
        if (ts.accept("=")) {
            if (ds.isExtern()) {
                cx.typer.warn(loc, "'" + name + "' initialized and declared 'extern'");
            }
            if (existing != null && existing.init() != null) {
                throw new CompileError(loc, "redefinition of '" + name + "'");
            }
            InitializerBuilder.Built b = cx.inits.parse(type, true);
            cx.scope.declareFile(name, new Symbol.Global(name, b.type()));
            cx.globals.put(name, new GlobalVar(name, b.type(), b.init(), isStatic, existing != null ? existing.loc() : loc,
                    GlobalVar.constObject(ds.constOnly(), b.type())));
            return;
        }
        if (ds.isExtern()) {
            cx.declarations.put(name, type);
            if (existing != null) {
                cx.globals.put(name, new GlobalVar(name, type, existing.init(), isStatic, existing.loc(),
                        existing.readOnly()));
            }
            return;
        }
        // A tentative definition (6.9.2): one object however many times it is repeated.
        Initializer init = existing != null ? existing.init() : null;
        CType t = existing != null && existing.init() != null ? existing.type() : type;
        cx.globals.put(name, new GlobalVar(name, t, init, isStatic, existing != null ? existing.loc() : loc,
                existing != null && existing.init() != null ? existing.readOnly()
                        : GlobalVar.constObject(ds.constOnly(), t)));
    }
}
