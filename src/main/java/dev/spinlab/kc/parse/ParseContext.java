package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.GlobalVar;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FunctionType;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.PointerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state one parse shares between its parts: tokens, scopes, the current function, the outputs. */
final class ParseContext {
    final String file;
    final TokenStream ts;
    final Scope scope = new Scope();
    final List<Diagnostic> diagnostics;
    final Typer typer;
    final DeclSpecParser specs;
    final Declarators declarators;
    final ExprParser exprs;
    final InitializerBuilder inits;
    final StmtParser stmts;
    final UnknownNames names;

    /** Compound literals at file scope so far, numbering their static objects. */
    int compoundLiterals;

    /** The function being defined, or null at file scope. */
    FunctionContext fn;

    /** Objects with static storage, by link name, in order of first definition (tentative ones merged). */
    final Map<String, GlobalVar> globals = new LinkedHashMap<>();
    /** Every file-scope function and extern variable declared, with its type (for linking). */
    final Map<String, CType> declarations = new LinkedHashMap<>();

    ParseContext(String file, TokenStream ts, List<Diagnostic> diagnostics) {
        this.file = file;
        this.ts = ts;
        this.diagnostics = diagnostics;
        this.typer = new Typer(diagnostics);
        this.specs = new DeclSpecParser(this);
        this.declarators = new Declarators(this);
        this.exprs = new ExprParser(this);
        this.inits = new InitializerBuilder(this);
        this.stmts = new StmtParser(this);
        this.names = new UnknownNames(this);
        // gcc's built-in va_list type, so headers may declare vprintf-like functions.
        scope.declare("__builtin_va_list", new Symbol.Typedef(new PointerType(IntType.CHAR)));
    }

    /**
     * Declares a function called without a declaration (C89 implicit declaration, which gcc
     * still accepts with a warning): {@code int name()}, visible for the rest of the file.
     */
    Symbol.Function implicitFunction(String name) {
        FunctionType ft = new FunctionType(IntType.INT, List.of(), false, false);
        Symbol.Function f = new Symbol.Function(name, ft);
        scope.declareFile(name, f);
        declarations.putIfAbsent(name, ft);
        return f;
    }
}
