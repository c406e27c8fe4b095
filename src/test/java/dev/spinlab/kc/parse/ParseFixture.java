package dev.spinlab.kc.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.lex.Lexer;
import java.util.List;

/** The parser tests' one way to parse a snippet named {@code t.c} and to expect its error. */
final class ParseFixture {
    private ParseFixture() {}

    static TranslationUnit parse(String src, List<Diagnostic> diags) {
        SourceMap sm = new SourceMap();
        sm.put("t.c", src);
        return Parser.parse("t.c", Lexer.lex("t.c", src), sm, diags);
    }

    static CompileError error(String src, List<Diagnostic> diags) {
        CompileError e = catchThrowableOfType(() -> parse(src, diags), CompileError.class);
        assertThat(e).as("expected a CompileError for:\n" + src).isNotNull();
        return e;
    }

    static FunctionDef fn(TranslationUnit tu, String name) {
        return tu.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
