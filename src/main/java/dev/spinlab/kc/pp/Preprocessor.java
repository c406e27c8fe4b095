package dev.spinlab.kc.pp;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.lex.Lexer;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a C source file into the token stream the parser reads (C11 translation phases 3-4):
 * directives are executed, {@code #include}d files are read in place, macros are replaced. The
 * result has no directives and no newlines and ends with one EOF token.
 *
 * <p>Each {@code preprocess*} call starts afresh with only the predefined and command-line
 * macros. Errors are thrown as {@link CompileError}; warnings and notes are appended to the
 * diagnostics list. Every file read is recorded in the {@link SourceMap}.
 */
public final class Preprocessor {
    /** gcc's default {@code -fmax-include-depth}. */
    static final int MAX_INCLUDE_DEPTH = 200;

    private final PreprocessorOptions options;
    private final SourceMap sources;
    private final List<Diagnostic> diagnostics;
    private final IncludeResolver resolver;

    private MacroTable macros;
    private final Deque<SourceFrame> frames = new ArrayDeque<>();
    private final Set<String> onceFiles = new HashSet<>();
    private PpToken eof;

    public Preprocessor(PreprocessorOptions options, SourceMap sources, List<Diagnostic> diagnostics) {
        this.options = options;
        this.sources = sources;
        this.diagnostics = diagnostics;
        this.resolver = new IncludeResolver(options.includeDirs(), options.generatedHeaders());
    }

    /** Preprocesses a file; its name in locations is the path as given. */
    public List<Token> preprocessFile(Path file) {
        Optional<IncludeResolver.Found> f;
        try {
            f = IncludeResolver.fromFile(file);
        } catch (IncludeResolver.Unreadable e) {
            throw new CompileError(SrcLoc.NONE, e.getMessage());
        }
        if (f.isEmpty()) {
            throw new CompileError(SrcLoc.NONE, file + ": No such file or directory");
        }
        return run(f.get());
    }

    /** Preprocesses text held in memory; its quoted includes are looked up next to {@code fileName}. */
    public List<Token> preprocessString(String fileName, String text) {
        Path parent = Path.of(fileName).getParent();
        IncludeResolver.Origin origin = new IncludeResolver.Origin(parent == null ? Path.of("") : parent, null);
        return run(new IncludeResolver.Found(fileName, text, "memory:" + fileName, origin));
    }

    /**
     * Preprocesses a classpath resource's text (the model kernel's own sources): its quoted
     * includes are looked up next to it among the resources, as kernel/locking/mutex.c
     * includes "ww_mutex.h" from its own directory.
     */
    public List<Token> preprocessResourceString(String resourceName, String text) {
        int slash = resourceName.lastIndexOf('/');
        IncludeResolver.Origin origin = new IncludeResolver.Origin(null, slash < 0 ? "" : resourceName.substring(0, slash));
        return run(new IncludeResolver.Found(resourceName, text, "memory:" + resourceName, origin));
    }

    private List<Token> run(IncludeResolver.Found main) {
        macros = new MacroTable(diagnostics);
        frames.clear();
        onceFiles.clear();
        runDirectivesOnly("<built-in>", PredefinedMacros.text());
        StringBuilder cl = new StringBuilder(PredefinedMacros.commandLine(options.commandLineMacros()));
        for (String inc : options.forcedIncludes()) {
            cl.append("#include <").append(inc).append(">\n"); // gcc's -include, after -D/-U
        }
        runDirectivesOnly("<command-line>", cl.toString());
        eof = null;
        push(main);
        MacroExpander expander = new MacroExpander(macros, this::nextRaw, null);
        List<Token> out = new ArrayList<>();
        try {
            while (true) {
                PpToken t = expander.next();
                out.add(t.tok());
                if (t.isEof()) {
                    return out;
                }
            }
        } catch (StackOverflowError e) {
            // Only absurdly nested input (macro arguments or #if parentheses thousands deep) gets here.
            SourceFrame f = frames.peek();
            throw new CompileError(f == null ? SrcLoc.NONE : new SrcLoc(f.name, 1, 1),
                    "macro expansion or #if expression nested too deeply");
        } finally {
            frames.clear();
        }
    }

    /** Executes a text made only of directives (built-in and command-line definitions, as gcc does). */
    private void runDirectivesOnly(String name, String text) {
        eof = null;
        push(new IncludeResolver.Found(name, text, name, new IncludeResolver.Origin(null, null)));
        for (PpToken t = nextRaw(); !t.isEof(); t = nextRaw()) {
            throw new CompileError(t.tok().loc(), "unexpected token " + t.tok() + " in " + name);
        }
    }

    private void push(IncludeResolver.Found f) {
        sources.put(f.displayName(), f.text());
        frames.push(new SourceFrame(new Lexer(f.displayName(), f.text()), f.displayName(), f.onceKey(), f.origin()));
    }

    /**
     * The next token of the current file stack with directives executed but no macro
     * replacement; EOF (repeatedly) once the main file ends.
     */
    private PpToken nextRaw() {
        while (true) {
            SourceFrame f = frames.peek();
            if (f == null) {
                return eof;
            }
            Token t = f.lexer.next();
            if (t.kind() == TokenKind.EOF) {
                Conditional c = f.innermost();
                if (c != null) {
                    throw new CompileError(c.loc, "unterminated #" + c.lastDirective);
                }
                frames.pop();
                if (frames.isEmpty()) {
                    eof = PpToken.of(t);
                }
                continue;
            }
            if (t.kind() == TokenKind.PUNCT && t.text().equals("#") && f.lexer.atLineStart()) {
                directive(f, t);
                continue;
            }
            return PpToken.of(t);
        }
    }

    private static List<Token> lineTokens(Lexer lx) {
        List<Token> toks = new ArrayList<>();
        while (lx.moreOnLine()) {
            toks.add(lx.next());
        }
        return toks;
    }

    private void warnExtra(List<Token> toks, int from, String directive) {
        if (toks.size() > from) {
            diagnostics.add(new Diagnostic(toks.get(from).loc(), Diagnostic.Severity.WARNING,
                    "extra tokens at end of #" + directive + " directive"));
        }
    }

    /** Executes one directive. Like gcc, errors about a directive point at its name, not the '#'. */
    private void directive(SourceFrame f, Token hash) {
        Lexer lx = f.lexer;
        if (!lx.moreOnLine()) {
            return; // the null directive (C11 6.10.7)
        }
        Token name = lx.next();
        if (name.kind() == TokenKind.INT_LIT) {
            lx.skipLine(); // "# 33 "file"" line markers from preprocessed input: ignored like #line
            return;
        }
        if (name.kind() != TokenKind.IDENT) {
            throw new CompileError(name.loc(), "invalid preprocessing directive #" + name.text());
        }
        switch (name.text()) {
            case "define": {
                Macro m = DefineParser.parse(name.loc(), lineTokens(lx));
                macros.define(m, m.loc());
                break;
            }
            case "undef": {
                List<Token> toks = lineTokens(lx);
                if (toks.isEmpty()) {
                    throw new CompileError(name.loc(), "no macro name given in #undef directive");
                }
                DefineParser.checkName(toks.get(0), "#undef");
                warnExtra(toks, 1, "undef");
                macros.undef(toks.get(0).text());
                break;
            }
            case "include":
            case "include_next":
                include(f, hash, name);
                break;
            case "if": {
                Conditional c = new Conditional(name.loc(), "if", false);
                f.conds.add(c);
                enterGroup(f, c, evalIf(lineTokens(lx), "#if", name.loc()));
                break;
            }
            case "ifdef":
            case "ifndef": {
                List<Token> toks = lineTokens(lx);
                if (toks.isEmpty()) {
                    throw new CompileError(name.loc(), "no macro name given in #" + name.text() + " directive");
                }
                DefineParser.checkName(toks.get(0), "#" + name.text());
                warnExtra(toks, 1, name.text());
                boolean defined = macros.isDefined(toks.get(0).text());
                Conditional c = new Conditional(name.loc(), name.text(), false);
                f.conds.add(c);
                enterGroup(f, c, name.text().equals("ifdef") == defined);
                break;
            }
            case "elif":
            case "else": {
                // Reached in a live group: an earlier group was taken, so skip to #endif without
                // evaluating this #elif's expression (gcc accepts even an empty one here).
                Conditional c = f.innermost();
                if (c == null) {
                    throw new CompileError(name.loc(), "#" + name.text() + " without #if");
                }
                checkAfterElse(c, name);
                c.lastDirective = name.text();
                c.sawElse |= name.text().equals("else");
                lx.skipLine();
                skipGroup(f);
                break;
            }
            case "endif": {
                if (f.innermost() == null) {
                    throw new CompileError(name.loc(), "#endif without #if");
                }
                warnExtra(lineTokens(lx), 0, "endif");
                f.conds.remove(f.conds.size() - 1);
                break;
            }
            case "error": {
                String text = lx.restOfLine();
                // A model header refusing a subsystem ("not modelled: GPIO (include/linux/gpio.h)")
                // is the user's #include line's error, not the header's: report it there.
                if (text.startsWith("\"not modelled: ") && text.endsWith("\"") && f.includedAt != null) {
                    throw new CompileError(f.includedAt, text.substring(1, text.length() - 1));
                }
                throw new CompileError(name.loc(), "#error " + text);
            }
            case "warning":
                diagnostics.add(new Diagnostic(name.loc(), Diagnostic.Severity.WARNING, "#warning " + lx.restOfLine()));
                break;
            case "pragma": {
                List<Token> toks = lineTokens(lx);
                if (toks.size() == 1 && toks.get(0).is("once")) {
                    onceFiles.add(f.onceKey);
                }
                break; // other pragmas have no meaning for spinlab (C11 6.10.6 lets us ignore them)
            }
            case "line":
            case "ident":
            case "sccs":
                lx.skipLine(); // spinlab keeps real locations; #ident has no effect on the program
                break;
            default:
                throw new CompileError(name.loc(), "invalid preprocessing directive #" + name.text());
        }
    }

    private static void checkAfterElse(Conditional c, Token name) {
        if (c.sawElse) {
            throw new CompileError(name.loc(), "#" + name.text() + " after #else");
        }
    }

    private void enterGroup(SourceFrame f, Conditional c, boolean take) {
        c.taken = take;
        if (!take) {
            skipGroup(f);
        }
    }

    /**
     * Skips lines of a group that is not taken, up to the #elif/#else that starts a taken group
     * or the #endif that closes the conditional. Directives in skipped lines are only examined
     * for their names, to track nesting (C11 6.10.1p6); nothing else in them is evaluated.
     */
    private void skipGroup(SourceFrame f) {
        Lexer lx = f.lexer;
        Conditional c = f.innermost();
        int depth = 0;
        while (!lx.atEnd()) {
            if (!lx.lineStartsWithHash()) {
                lx.skipLine();
                continue;
            }
            lx.next(); // '#'
            if (!lx.moreOnLine() || !lx.atIdentifier()) {
                lx.skipLine(); // null directive, or text that need not even be valid tokens here
                continue;
            }
            Token name = lx.next();
            String d = name.text();
            switch (d) {
                case "if":
                case "ifdef":
                case "ifndef":
                    depth++;
                    break;
                case "endif":
                    if (depth == 0) {
                        warnExtra(lineTokens(lx), 0, "endif");
                        lx.skipLine();
                        f.conds.remove(f.conds.size() - 1);
                        return;
                    }
                    depth--;
                    break;
                case "elif":
                    if (depth == 0) {
                        checkAfterElse(c, name);
                        c.lastDirective = "elif";
                        if (!c.taken && evalIf(lineTokens(lx), "#elif", name.loc())) {
                            c.taken = true;
                            return;
                        }
                    }
                    break;
                case "else":
                    if (depth == 0) {
                        checkAfterElse(c, name);
                        c.sawElse = true;
                        c.lastDirective = "else";
                        if (!c.taken) {
                            c.taken = true;
                            warnExtra(lineTokens(lx), 0, "else");
                            return;
                        }
                    }
                    break;
                default:
                    break;
            }
            lx.skipLine();
        }
    }

    /** Macro-replaces a #if/#elif line and evaluates it. */
    private boolean evalIf(List<Token> line, String directive, SrcLoc where) {
        if (line.isEmpty()) {
            throw new CompileError(where, directive + " with no expression");
        }
        List<PpToken> in = new ArrayList<>(line.size());
        for (Token t : line) {
            in.add(PpToken.of(t));
        }
        SrcLoc endLoc = line.get(line.size() - 1).loc();
        List<PpToken> expanded = MacroExpander.expandAll(macros, in, endLoc, this::hasInclude);
        List<Token> toks = new ArrayList<>(expanded.size());
        for (PpToken p : expanded) {
            toks.add(p.tok());
        }
        return PpExpr.evaluate(toks, directive, where) != 0;
    }

    private boolean hasInclude(String name, boolean angled) {
        SourceFrame f = frames.peek();
        try {
            return resolver.resolve(name, angled, f == null ? null : f.origin).isPresent();
        } catch (IncludeResolver.Unreadable e) {
            return false; // a directory or FIFO of that name is no header to include
        }
    }

    private void include(SourceFrame f, Token hash, Token directiveName) {
        Lexer lx = f.lexer;
        String headerName = lx.angledHeaderName();
        boolean angled = headerName != null;
        SrcLoc nameLoc = directiveName.loc();
        if (angled) {
            warnExtra(lineTokens(lx), 0, directiveName.text());
        } else {
            List<Token> toks = lineTokens(lx);
            if (toks.isEmpty()) {
                throw new CompileError(directiveName.loc(), "#include expects \"FILENAME\" or <FILENAME>");
            }
            nameLoc = toks.get(0).loc();
            Token first = toks.get(0);
            if (first.kind() == TokenKind.STRING_LIT && first.text().startsWith("\"")) {
                headerName = first.text().substring(1, first.text().length() - 1);
                warnExtra(toks, 1, directiveName.text());
            } else {
                // C11 6.10.2p4: a computed include, macro-replaced then read as a header name.
                List<PpToken> in = new ArrayList<>();
                for (Token t : toks) {
                    in.add(PpToken.of(t));
                }
                List<PpToken> ex = MacroExpander.expandAll(macros, in, nameLoc, null);
                headerName = computedHeaderName(ex);
                if (headerName == null) {
                    throw new CompileError(nameLoc, "#include expects \"FILENAME\" or <FILENAME>");
                }
                angled = ex.get(0).is("<");
                if (angled) {
                    headerName = headerName.substring(1, headerName.length() - 1);
                }
            }
        }
        if (headerName.isEmpty()) {
            throw new CompileError(nameLoc, "empty filename in #" + directiveName.text());
        }
        if (frames.size() >= MAX_INCLUDE_DEPTH) {
            throw new CompileError(directiveName.loc(), "#include nested depth " + frames.size()
                    + " exceeds maximum of " + MAX_INCLUDE_DEPTH);
        }
        Optional<IncludeResolver.Found> found;
        try {
            found = resolver.resolve(headerName, angled, f.origin);
        } catch (IncludeResolver.Unreadable e) {
            throw new CompileError(nameLoc, e.getMessage());
        }
        if (found.isPresent() && directiveName.text().equals("include_next")
                && found.get().onceKey().equals(f.onceKey)) {
            found = Optional.empty(); // simplified #include_next: never the including file itself
        }
        if (found.isEmpty()) {
            // gcc stops here ("fatal error: foo.h: No such file or directory"); say where we looked
            throw new CompileError(nameLoc, headerName + ": No such file or directory"
                    + (angled ? " (not among spinlab's model kernel and libc headers"
                            + (options.includeDirs().isEmpty() ? "" : " nor in the -I directories")
                            + "; docs/kernel.md lists what the model has)" : ""));
        }
        if (onceFiles.contains(found.get().onceKey())) {
            return;
        }
        push(found.get());
        frames.peek().includedAt = hash.loc();
    }

    /** {@code "x.h"} from a string literal, {@code <x.h>} from tokens between angle brackets; else null. */
    private static String computedHeaderName(List<PpToken> toks) {
        if (toks.isEmpty()) {
            return null;
        }
        PpToken first = toks.get(0);
        if (first.kind() == TokenKind.STRING_LIT && first.text().startsWith("\"")) {
            return first.text().substring(1, first.text().length() - 1);
        }
        if (!first.is("<")) {
            return null;
        }
        StringBuilder sb = new StringBuilder("<");
        for (int i = 1; i < toks.size(); i++) {
            PpToken t = toks.get(i);
            if (t.is(">")) {
                return sb.append('>').toString();
            }
            if (sb.length() > 1 && t.tok().spaceBefore()) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return null;
    }
}
