package dev.spinlab.kc.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.lex.Lexer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown names are reported by name, in gcc's words, with the header that declares them. */
class UnknownNamesTest {
    private final List<Diagnostic> diags = new ArrayList<>();

    private CompileError error(String src) {
        SourceMap sm = new SourceMap();
        sm.put("t.c", src);
        CompileError e = catchThrowableOfType(() -> Parser.parse("t.c", Lexer.lex("t.c", src), sm, diags),
                CompileError.class);
        assertThat(e).as("expected a CompileError for:\n" + src).isNotNull();
        return e;
    }

    private static List<String> notes(CompileError e) {
        return e.followers().stream().map(Diagnostic::message).toList();
    }

    @Test
    void anUnknownMacroAtFileScopeIsNamedNotTakenForKAndR() {
        CompileError e = error("MODULE_FOO(x);");
        assertThat(e.getMessage()).isEqualTo("unknown macro 'MODULE_FOO' (no macro of that name is defined here,"
                + " so 'MODULE_FOO(...)' is not a declaration)");
        assertThat(e.loc().col()).isEqualTo(1);
        assertThat(notes(e)).isEmpty();
        CompileError m = error("static DEFINE_MUTEX(lock);");
        assertThat(m.getMessage()).startsWith("unknown macro 'DEFINE_MUTEX'");
        assertThat(m.loc().col()).isEqualTo(8);
        assertThat(notes(m)).containsExactly(
                "'DEFINE_MUTEX' is defined in header '<linux/mutex.h>'; did you forget to '#include <linux/mutex.h>'?");
        // without a declaration in the parentheses it is a macro, also before another declaration
        assertThat(error("module_init(start) module_exit(stop);").getMessage()).startsWith("unknown macro 'module_init'");
        assertThat(error("void t(void) { static DEFINE_SPINLOCK(l); }").getMessage())
                .startsWith("unknown macro 'DEFINE_SPINLOCK'");
    }

    @Test
    void oldStyleDeclarationsAreStillDeclarations() {
        // "f();" and "f(int);" declare functions (implicit int), K&R definitions keep their message
        assertThat(error("f(a, b) int a; int b; { return a + b; }").getMessage())
                .isEqualTo("unsupported: K&R-style parameter declarations");
    }

    @Test
    void unknownTypesAndIdentifiersNameTheirHeader() {
        CompileError t = error("struct s { spinlock_t lock; };");
        assertThat(t.getMessage()).isEqualTo("unknown type name 'spinlock_t'");
        assertThat(notes(t)).singleElement().asString().contains("did you forget to '#include <linux/");
        CompileError u = error("int t(void) { return GFP_KERNEL; }");
        assertThat(u.getMessage()).isEqualTo("'GFP_KERNEL' undeclared (first use in this function)");
        assertThat(notes(u)).singleElement().asString().contains("<linux/gfp.h>");
        CompileError g = error("int t(void) { return gpio_count; }");
        assertThat(notes(g)).isEmpty();
    }

    @Test
    void implicitDeclarationsGetGccsNote() {
        error("int t(void) { printf(\"x\"); return nope; }");
        assertThat(diags).extracting(Diagnostic::message).containsExactly(
                "implicit declaration of function 'printf'",
                "include '<stdio.h>' or provide a declaration of 'printf'");
        assertThat(diags.get(1).severity()).isEqualTo(Diagnostic.Severity.NOTE);
    }

    @Test
    void anUnknownAnnotationMacroIsNamedInANote() {
        CompileError e = error("static int __init start(void) { return 0; }");
        assertThat(e.getMessage()).isEqualTo("expected '=', ',', ';', 'asm' or '__attribute__' before 'start'");
        assertThat(notes(e)).containsExactly(
                "'__init' is defined in header '<linux/init.h>'; did you forget to '#include <linux/init.h>'?");
        CompileError p = error("long r(char __user *buf);");
        assertThat(p.getMessage()).isEqualTo("expected ';', ',' or ')' before '*' token");
        assertThat(notes(p)).singleElement().asString().startsWith("'__user' is defined in header '<linux/");
        CompileError u = error("static int __devinit start(void) { return 0; }");
        assertThat(notes(u)).singleElement().asString().startsWith("'__devinit' is not defined: if it is a macro");
    }
}
