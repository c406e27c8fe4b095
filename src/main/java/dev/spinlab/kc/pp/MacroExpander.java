package dev.spinlab.kc.pp;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.Lexer;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Macro replacement (C11 6.10.3) over a lazy token source, using hide-sets so that a macro is
 * never re-expanded inside its own expansion (6.10.3.4p2). The source is pulled only when the
 * pending expansion is used up, so a function-like macro's arguments may come from later lines
 * (or, as in C11's {@code h 5)} example, partly from an expansion and partly from the file).
 *
 * <p>Every token an expansion produces is relocated to the invoking name token; since that name
 * already carries the outermost invocation's location when it itself came from an expansion,
 * all expanded tokens point at the user's line, like gcc's expansion point.
 */
final class MacroExpander {
    /** Raw tokens; returns EOF forever once exhausted. */
    interface Source {
        PpToken next();
    }

    /** What {@code #if} needs beyond macros: {@code __has_include}. */
    interface IfContext {
        boolean hasInclude(String name, boolean angled);
    }

    private final MacroTable macros;
    private final Source source;
    private final IfContext ifContext;
    private final Deque<PpToken> pending = new ArrayDeque<>();

    /**
     * @param ifContext non-null while expanding a {@code #if}/{@code #elif} line, where
     *     {@code defined} and {@code __has_include} are operators rather than identifiers
     */
    MacroExpander(MacroTable macros, Source source, IfContext ifContext) {
        this.macros = macros;
        this.source = source;
        this.ifContext = ifContext;
    }

    static Source listSource(List<PpToken> toks, SrcLoc eofLoc) {
        Iterator<PpToken> it = toks.iterator();
        PpToken eof = PpToken.of(new Token(TokenKind.EOF, "", eofLoc, false));
        return () -> it.hasNext() ? it.next() : eof;
    }

    /** Fully expands a finite list of tokens (a macro argument, a directive line). */
    static List<PpToken> expandAll(MacroTable macros, List<PpToken> toks, SrcLoc eofLoc, IfContext ifc) {
        MacroExpander ex = new MacroExpander(macros, listSource(toks, eofLoc), ifc);
        List<PpToken> out = new ArrayList<>();
        for (PpToken t = ex.next(); !t.isEof(); t = ex.next()) {
            out.add(t);
        }
        return out;
    }

    private PpToken raw() {
        PpToken t = pending.pollFirst();
        return t != null ? t : source.next();
    }

    private void pushFront(List<PpToken> toks) {
        for (int i = toks.size() - 1; i >= 0; i--) {
            pending.addFirst(toks.get(i));
        }
    }

    /** The next fully macro-replaced token. */
    PpToken next() {
        while (true) {
            PpToken t = raw();
            if (t.kind() != TokenKind.IDENT || t.hideSet().contains(t.text())) {
                return t;
            }
            if (ifContext != null) {
                PpToken op = ifOperator(t);
                if (op != null) {
                    return op;
                }
            }
            Macro m = macros.get(t.text());
            if (m == null) {
                return t;
            }
            if (m.dynamic()) {
                return dynamicValue(m, t);
            }
            if (!m.functionLike()) {
                List<PpToken> rep = substitute(m, t, List.of(), union(t.hideSet(), m.name()));
                macros.charge(rep.size(), t.tok().loc());
                pushFront(rep);
                continue;
            }
            // A function-like macro name is only an invocation when '(' follows (6.10.3p10).
            PpToken paren = raw();
            if (!paren.is("(")) {
                pending.addFirst(paren);
                return t;
            }
            List<List<PpToken>> args = new ArrayList<>();
            PpToken rparen = collectArgs(m, t, args);
            checkArgCount(m, t, args);
            Set<String> hs = new HashSet<>(t.hideSet());
            hs.retainAll(rparen.hideSet());
            hs.add(m.name());
            List<PpToken> rep = substitute(m, t, args, hs);
            macros.charge(rep.size(), t.tok().loc());
            pushFront(rep);
        }
    }

    private static Set<String> union(Set<String> hs, String name) {
        Set<String> r = new HashSet<>(hs);
        r.add(name);
        return r;
    }

    /** Reads arguments up to the matching ')', returning it; commas inside parentheses do not split. */
    private PpToken collectArgs(Macro m, PpToken name, List<List<PpToken>> args) {
        List<PpToken> cur = new ArrayList<>();
        int depth = 0;
        while (true) {
            PpToken a = raw();
            if (a.isEof()) {
                throw new CompileError(name.tok().loc(),
                        "unterminated argument list invoking macro \"" + m.name() + "\"");
            }
            if (a.is("(")) {
                depth++;
            } else if (a.is(")")) {
                if (depth == 0) {
                    args.add(cur);
                    return a;
                }
                depth--;
            } else if (a.is(",") && depth == 0
                    && !(m.variadic() && args.size() == m.params().size() - 1)) {
                args.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            cur.add(a);
        }
    }

    private static void checkArgCount(Macro m, PpToken name, List<List<PpToken>> args) {
        int want = m.params().size();
        int given = args.size();
        if (want == 0) {
            if (given == 1 && args.get(0).isEmpty()) {
                args.clear();
                return;
            }
            throw new CompileError(name.tok().loc(),
                    "macro \"" + m.name() + "\" passed " + given + " arguments, but takes just 0");
        }
        if (given == want) {
            return;
        }
        if (m.variadic() && given == want - 1) {
            args.add(new ArrayList<>()); // GNU: the variable arguments may be omitted entirely
            return;
        }
        if (given < want) {
            throw new CompileError(name.tok().loc(), "macro \"" + m.name() + "\" requires " + want
                    + " arguments, but only " + given + " given");
        }
        throw new CompileError(name.tok().loc(), "macro \"" + m.name() + "\" passed " + given
                + " arguments, but takes just " + want);
    }

    /**
     * Substitutes arguments into a replacement list (6.10.3.1-3): {@code #param} is stringized,
     * operands of {@code ##} use the argument as written, other parameters the fully expanded
     * argument; then {@code ##} pastes, placemarkers vanish, and the result gets the hide-set
     * and the invocation's location.
     */
    private List<PpToken> substitute(Macro m, PpToken name, List<List<PpToken>> args, Set<String> hs) {
        List<Token> body = m.body();
        List<PpToken> out = new ArrayList<>();
        Map<Integer, List<PpToken>> expanded = new HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            Token bt = body.get(i);
            if (m.functionLike() && bt.kind() == TokenKind.PUNCT && bt.text().equals("#")) {
                int pi = m.paramIndex(body.get(i + 1).text()); // checked by DefineParser
                out.add(PpToken.of(stringize(args.get(pi), bt)));
                i++;
                continue;
            }
            if (DefineParser.isPaste(bt)) {
                Token rhsTok = body.get(++i);
                int pi = m.paramIndex(rhsTok.text());
                List<PpToken> rhs;
                if (pi >= 0) {
                    List<PpToken> arg = args.get(pi);
                    PpToken last = out.isEmpty() ? null : out.get(out.size() - 1);
                    // GNU extension: in ", ## __VA_ARGS__" an empty variable argument deletes the
                    // comma, and a non-empty one is inserted without pasting (kernel pr_info style).
                    if (m.variadic() && pi == m.params().size() - 1 && last != null && last.is(",")
                            && body.get(i - 2).is(",")) {
                        if (arg.isEmpty()) {
                            out.remove(out.size() - 1);
                        } else {
                            out.addAll(respace(arg, rhsTok.spaceBefore()));
                        }
                        continue;
                    }
                    rhs = arg.isEmpty() ? List.of(PpToken.placemarker(rhsTok.loc())) : respace(arg, rhsTok.spaceBefore());
                } else {
                    rhs = List.of(PpToken.of(rhsTok));
                }
                // The left operand can be missing only after a GNU comma elision removed it.
                PpToken lhs = out.isEmpty() ? PpToken.placemarker(bt.loc()) : out.remove(out.size() - 1);
                out.add(paste(lhs, rhs.get(0), bt.loc()));
                out.addAll(rhs.subList(1, rhs.size()));
                continue;
            }
            int pi = m.paramIndex(bt.text());
            if (pi >= 0 && bt.kind() == TokenKind.IDENT) {
                boolean pasteFollows = i + 1 < body.size() && DefineParser.isPaste(body.get(i + 1));
                List<PpToken> arg;
                if (pasteFollows) {
                    arg = args.get(pi).isEmpty() ? List.of(PpToken.placemarker(bt.loc())) : args.get(pi);
                } else {
                    arg = expanded.computeIfAbsent(pi,
                            k -> expandAll(macros, args.get(k), name.tok().loc(), ifContext));
                }
                out.addAll(respace(arg, bt.spaceBefore()));
                continue;
            }
            out.add(PpToken.of(bt));
        }
        List<PpToken> result = new ArrayList<>(out.size());
        SrcLoc loc = name.tok().loc();
        for (PpToken t : out) {
            if (t.placemarker()) {
                continue;
            }
            PpToken r = t.withLoc(loc).hiding(hs);
            result.add(result.isEmpty() ? r.withSpace(name.tok().spaceBefore()) : r);
        }
        return result;
    }

    /** A copy of an argument whose first token takes the spacing of the parameter it replaces. */
    private static List<PpToken> respace(List<PpToken> arg, boolean space) {
        if (arg.isEmpty()) {
            return arg;
        }
        List<PpToken> r = new ArrayList<>(arg);
        r.set(0, r.get(0).withSpace(space));
        return r;
    }

    /** C11 6.10.3.3p3: the two spellings must form exactly one preprocessing token. */
    private static PpToken paste(PpToken lhs, PpToken rhs, SrcLoc opLoc) {
        if (lhs.placemarker()) {
            return rhs.withSpace(lhs.tok().spaceBefore());
        }
        if (rhs.placemarker()) {
            return lhs;
        }
        String text = lhs.text() + rhs.text();
        List<Token> lexed;
        try {
            lexed = Lexer.lex(opLoc.file(), text);
        } catch (CompileError e) {
            lexed = List.of();
        }
        if (lexed.size() != 2 || !lexed.get(0).text().equals(text)) {
            throw new CompileError(opLoc, "pasting \"" + lhs.text() + "\" and \"" + rhs.text()
                    + "\" does not give a valid preprocessing token");
        }
        Token t = lexed.get(0);
        Set<String> hs = new HashSet<>(lhs.hideSet());
        hs.addAll(rhs.hideSet());
        return new PpToken(new Token(t.kind(), t.text(), lhs.tok().loc(), lhs.tok().spaceBefore()), hs, false);
    }

    /** C11 6.10.3.2p2: spell the argument, one space where white space was, escaping literals. */
    static Token stringize(List<PpToken> arg, Token hash) {
        StringBuilder sb = new StringBuilder("\"");
        boolean first = true;
        for (PpToken p : arg) {
            if (p.placemarker()) {
                continue;
            }
            Token t = p.tok();
            if (!first && t.spaceBefore()) {
                sb.append(' ');
            }
            first = false;
            if (t.kind() == TokenKind.STRING_LIT || t.kind() == TokenKind.CHAR_LIT) {
                for (char c : t.text().toCharArray()) {
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else {
                sb.append(t.text());
            }
        }
        sb.append('"');
        return new Token(TokenKind.STRING_LIT, sb.toString(), hash.loc(), hash.spaceBefore());
    }

    private PpToken dynamicValue(Macro m, PpToken t) {
        Token at = t.tok();
        Token v;
        switch (m.name()) {
            case "__LINE__":
                v = new Token(TokenKind.INT_LIT, Integer.toString(at.loc().line()), at.loc(), at.spaceBefore());
                break;
            case "__COUNTER__":
                v = new Token(TokenKind.INT_LIT, Integer.toString(macros.nextCounter()), at.loc(), at.spaceBefore());
                break;
            default: // __FILE__
                v = new Token(TokenKind.STRING_LIT, quote(at.loc().file()), at.loc(), at.spaceBefore());
        }
        return new PpToken(v, t.hideSet(), false);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /**
     * In {@code #if}: {@code defined X}, {@code defined(X)} (6.10.1p1), {@code __has_include}, and
     * gcc's {@code __has_attribute}-style queries (answered 0). Returns null for other identifiers.
     */
    private PpToken ifOperator(PpToken t) {
        String name = t.text();
        Token at = t.tok();
        switch (name) {
            case "defined": {
                PpToken a = raw();
                boolean paren = a.is("(");
                if (paren) {
                    a = raw();
                }
                if (a.kind() != TokenKind.IDENT) {
                    throw new CompileError(a.isEof() ? at.loc() : a.tok().loc(),
                            "operator \"defined\" requires an identifier");
                }
                if (paren && !raw().is(")")) {
                    throw new CompileError(a.tok().loc(), "missing ')' after \"defined\"");
                }
                boolean d = macros.isDefined(a.text()) || a.text().equals("__has_include");
                return intToken(d ? 1 : 0, at);
            }
            case "__has_include": {
                if (!raw().is("(")) {
                    throw new CompileError(at.loc(), "missing '(' before \"__has_include\" operand");
                }
                PpToken a = raw();
                String header;
                boolean angled;
                if (a.kind() == TokenKind.STRING_LIT && a.text().startsWith("\"")) {
                    header = a.text().substring(1, a.text().length() - 1);
                    angled = false;
                } else if (a.is("<")) {
                    StringBuilder sb = new StringBuilder();
                    for (PpToken h = raw(); !h.is(">"); h = raw()) {
                        if (h.isEof()) {
                            throw new CompileError(at.loc(), "missing terminating > character");
                        }
                        if (sb.length() > 0 && h.tok().spaceBefore()) {
                            sb.append(' ');
                        }
                        sb.append(h.text());
                    }
                    header = sb.toString();
                    angled = true;
                } else {
                    throw new CompileError(at.loc(), "operator \"__has_include\" requires a header-name");
                }
                if (!raw().is(")")) {
                    throw new CompileError(at.loc(), "missing ')' after \"__has_include\" operand");
                }
                return intToken(ifContext.hasInclude(header, angled) ? 1 : 0, at);
            }
            case "__has_attribute":
            case "__has_builtin":
            case "__has_feature":
            case "__has_extension":
            case "__has_cpp_attribute": {
                if (!raw().is("(")) {
                    throw new CompileError(at.loc(), "missing '(' after \"" + name + "\"");
                }
                int depth = 1;
                while (depth > 0) {
                    PpToken a = raw();
                    if (a.isEof()) {
                        throw new CompileError(at.loc(), "missing ')' after \"" + name + "\" operand");
                    }
                    depth += a.is("(") ? 1 : a.is(")") ? -1 : 0;
                }
                return intToken(0, at);
            }
            default:
                return null;
        }
    }

    private static PpToken intToken(long v, Token at) {
        return PpToken.of(new Token(TokenKind.INT_LIT, Long.toString(v), at.loc(), at.spaceBefore()));
    }
}
