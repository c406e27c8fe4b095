package dev.spinlab.kc;

import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.parse.Parser;
import dev.spinlab.kc.pp.Preprocessor;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.nio.file.Path;
import java.util.List;

/** The kernel-C front end in one call: preprocess a file and parse it into a typed unit. */
public final class Frontend {
    private final PreprocessorOptions options;
    private final SourceMap sources;
    private final List<Diagnostic> diagnostics;

    public Frontend(PreprocessorOptions options, SourceMap sources, List<Diagnostic> diagnostics) {
        this.options = options;
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    /**
     * Throws {@link dev.spinlab.kc.diag.CompileError} at the first error. The unit is named by
     * the normalized path, as its tokens' locations are (IncludeResolver.fromFile), so that a
     * unit and its functions name one file however the path was spelt ("./p.c", "a/../p.c").
     */
    public TranslationUnit compileFile(Path file) {
        List<Token> tokens = new Preprocessor(options, sources, diagnostics).preprocessFile(file);
        return Parser.parse(file.normalize().toString(), tokens, sources, diagnostics);
    }

    /** Compiles C text held in memory (built-in programs, tests). */
    public TranslationUnit compileString(String name, String text) {
        List<Token> tokens = new Preprocessor(options, sources, diagnostics).preprocessString(name, text);
        return Parser.parse(name, tokens, sources, diagnostics);
    }

    /** As compileString, for a classpath resource: its quoted includes are resources beside it. */
    public TranslationUnit compileResource(String name, String text) {
        List<Token> tokens = new Preprocessor(options, sources, diagnostics).preprocessResourceString(name, text);
        return Parser.parse(name, tokens, sources, diagnostics);
    }

    public SourceMap sources() {
        return sources;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
