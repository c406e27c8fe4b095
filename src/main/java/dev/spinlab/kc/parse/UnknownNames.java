package dev.spinlab.kc.parse;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import dev.spinlab.kc.pp.ModelHeaders;
import java.util.Optional;

/**
 * Errors about names the file uses but never declares, worded as gcc words them ("unknown type
 * name 'X'", "'X' undeclared", "implicit declaration of function 'X'") and followed by gcc's
 * kind of note naming the header that declares X: the model's own header when it has one
 * ("did you forget to '#include <linux/mutex.h>'?"), else the kernel's, said to be missing
 * from the model. A macro the model lacks, used at file scope ({@code DEFINE_FOO(x);}), is
 * reported as an unknown macro instead of the declaration gcc would guess it to be.
 */
final class UnknownNames {
    private final ParseContext cx;
    private Boolean kernelSide;

    UnknownNames(ParseContext cx) {
        this.cx = cx;
    }

    /** Kernel code (it includes the kernel's headers) looks names up in the kernel tree first. */
    private boolean kernelSide() {
        if (kernelSide == null) {
            kernelSide = cx.ts.anyFrom("include/");
        }
        return kernelSide;
    }

    private Optional<ModelHeaders.Hint> hint(String name) {
        return ModelHeaders.get().lookup(name, kernelSide());
    }

    /** gcc's note for a name a header declares, or null when no header is known to. */
    String note(String name) {
        return hint(name).map(h -> h.modelled()
                ? "'" + name + "' is defined in header '<" + h.header() + ">'; did you forget to '#include <"
                        + h.header() + ">'?"
                : "'" + name + "' is defined in the kernel's '<" + h.header()
                        + ">', which spinlab's model headers do not provide").orElse(null);
    }

    /** The note for an implicitly declared function, in gcc's words for that case. */
    String implicitNote(String name) {
        return hint(name).map(h -> h.modelled()
                ? "include '<" + h.header() + ">' or provide a declaration of '" + name + "'"
                : "'" + name + "' is declared in the kernel's '<" + h.header()
                        + ">', which spinlab's model headers do not provide").orElse(null);
    }

    /** The error, with the header note when there is one. */
    CompileError error(SrcLoc loc, String message, String name) {
        CompileError e = new CompileError(loc, message);
        String n = note(name);
        return n == null ? e : e.withNote(loc, n);
    }

    CompileError unknownTypeName(Token t) {
        CompileError e = error(t.loc(), "unknown type name '" + t.text() + "'", t.text());
        java.util.regex.Matcher m = GUARD_CLASS.matcher(t.text());
        if (m.matches() && note(t.text()) == null) {
            // guard(NAME)(...), scoped_guard(NAME, ...) and CLASS(NAME, v) all declare a class_NAME_t
            e = e.withNote(t.loc(), "'" + t.text() + "' is the type guard(" + m.group(1) + "), scoped_guard("
                    + m.group(1) + ", ...) and CLASS(" + m.group(1) + ", ...) declare: no DEFINE_GUARD,"
                    + " DEFINE_LOCK_GUARD_0/1 or DEFINE_CLASS defines '" + m.group(1) + "' here"
                    + " (the model's guards are 6.6's: see docs/kernel.md)");
        }
        return e;
    }

    private static final java.util.regex.Pattern GUARD_CLASS = java.util.regex.Pattern.compile("class_(\\w+)_t");

    /**
     * A call of an undeclared function in code built against the kernel's headers is an error:
     * Kbuild compiles with -Werror=implicit-function-declaration (the top-level Makefile's
     * KBUILD_CFLAGS), so such a module never builds. User programs keep gcc's warning.
     */
    boolean implicitDeclarationIsError() {
        return kernelSide();
    }

    /** Kbuild's error for an implicitly declared function, with the note when there is one. */
    CompileError implicitError(SrcLoc loc, String name) {
        CompileError e = new CompileError(loc, "implicit declaration of function '" + name
                + "' [-Werror=implicit-function-declaration]");
        String n = implicitNote(name);
        return n == null ? e : e.withNote(loc, n);
    }

    /** A warning followed by the implicit-declaration note. */
    void warnImplicit(SrcLoc loc, String name) {
        cx.typer.warn(loc, "implicit declaration of function '" + name + "'");
        String n = implicitNote(name);
        if (n != null) {
            cx.diagnostics.add(new Diagnostic(loc, Diagnostic.Severity.NOTE, n));
        }
    }

    /**
     * A declarator whose name is followed by another identifier ({@code static int __init
     * f(void)} without {@code <linux/init.h>}): the "name" is almost always an attribute-like
     * macro the file expects to be defined. gcc's error, then a note about that name.
     */
    void checkNameThenIdentifier(Token name) {
        Token next = cx.ts.peek();
        if (name == null || next.kind() != TokenKind.IDENT || DeclSpecParser.isAttribute(next)
                || Keywords.isReserved(next.text()) || InlineAsm.KEYWORDS.contains(next.text())) {
            return;
        }
        CompileError e = new CompileError(next.loc(), "expected '=', ',', ';', 'asm' or '__attribute__' before '"
                + next.text() + "'");
        String n = note(name.text());
        throw e.withNote(name.loc(), n != null ? n : "'" + name.text() + "' is not defined: if it is a macro"
                + " (an annotation like __init or __user), the header that defines it must be included first");
    }

    /**
     * At the start of a declarator with no type specifier: {@code NAME(...)} where NAME is
     * declared nowhere and the parentheses hold no parameter declarations is a macro the file
     * expects to be defined ({@code MODULE_FOO(x);}, {@code static DEFINE_BAR(y);}), not the
     * implicit-int function declaration gcc would take it for. Throws the unknown-macro error.
     */
    void checkMacroLikeDeclarator(DeclSpec ds) {
        TokenStream ts = cx.ts;
        Token name = ts.peek();
        if (ds.typeGiven() || name.kind() != TokenKind.IDENT || !ts.peek(1).is("(")
                || cx.scope.lookup(name.text()) != null || Keywords.isReserved(name.text())) {
            return;
        }
        Token inside = ts.peek(2);
        if (inside.is(")") || inside.is("...") || cx.specs.startsDeclSpec(inside)) {
            return; // "f()" or "f(int x)": a real, if old-fashioned, declaration
        }
        Token after = ts.afterParens(1);
        if (after.is("{") || cx.specs.startsDeclSpec(after)) {
            return; // an old-style (K&R) definition: reported as such by the declarator
        }
        throw error(name.loc(), "unknown macro '" + name.text() + "' (no macro of that name is defined here, so '"
                + name.text() + "(...)' is not a declaration)", name.text());
    }
}
