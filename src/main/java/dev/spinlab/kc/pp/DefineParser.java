package dev.spinlab.kc.pp;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** Turns the tokens of a {@code #define} line into a {@link Macro}, checking C11 6.10.3's constraints. */
final class DefineParser {
    private DefineParser() {}

    /**
     * @param hashLoc where the directive starts, for errors about a missing name
     * @param toks the tokens after {@code define}, on the same line
     */
    static Macro parse(SrcLoc hashLoc, List<Token> toks) {
        if (toks.isEmpty()) {
            throw new CompileError(hashLoc, "no macro name given in #define directive");
        }
        Token name = toks.get(0);
        checkName(name, "#define");
        int i = 1;
        boolean functionLike = false;
        boolean variadic = false;
        List<String> params = new ArrayList<>();
        // A '(' right after the name, with no white space, starts a parameter list (C11 6.10.3p3).
        if (i < toks.size() && toks.get(i).is("(") && !toks.get(i).spaceBefore()) {
            functionLike = true;
            i = parseParams(name, toks, i + 1, params);
            variadic = !params.isEmpty() && params.get(params.size() - 1).endsWith("...");
            if (variadic) {
                String last = params.remove(params.size() - 1);
                String pname = last.substring(0, last.length() - 3);
                params.add(pname.isEmpty() ? "__VA_ARGS__" : pname);
            }
        }
        List<Token> body = new ArrayList<>();
        for (int k = i; k < toks.size(); k++) {
            Token t = toks.get(k);
            body.add(k == i ? new Token(t.kind(), t.text(), t.loc(), false) : t);
        }
        checkBody(name.text(), functionLike, params, body);
        return new Macro(name.text(), functionLike, List.copyOf(params), variadic, List.copyOf(body), name.loc(), false);
    }

    /** A name usable in #define/#undef/#ifdef: an identifier other than {@code defined}. */
    static void checkName(Token name, String directive) {
        if (name.kind() != TokenKind.IDENT) {
            throw new CompileError(name.loc(), "macro names must be identifiers");
        }
        if (name.text().equals("defined") && !directive.equals("#ifdef") && !directive.equals("#ifndef")) {
            throw new CompileError(name.loc(), "\"defined\" cannot be used as a macro name");
        }
    }

    /** Parses {@code a, b, ...)} or {@code a, rest...)}; variadic entries are returned with a "..." suffix. */
    private static int parseParams(Token name, List<Token> toks, int i, List<String> params) {
        if (i < toks.size() && toks.get(i).is(")")) {
            return i + 1;
        }
        while (true) {
            if (i >= toks.size()) {
                throw new CompileError(name.loc(), "missing ')' in macro parameter list");
            }
            Token p = toks.get(i);
            String pname;
            if (p.is("...")) {
                pname = "...";
                i++;
            } else if (p.kind() == TokenKind.IDENT) {
                if (p.text().equals("__VA_ARGS__")) {
                    throw new CompileError(p.loc(), "__VA_ARGS__ can not be used as a parameter name");
                }
                pname = p.text();
                i++;
                if (i < toks.size() && toks.get(i).is("...")) {
                    pname += "...";
                    i++;
                }
            } else {
                throw new CompileError(p.loc(), "expected parameter name, found \"" + p.text() + "\"");
            }
            String bare = pname.endsWith("...") ? pname.substring(0, pname.length() - 3) : pname;
            for (String q : params) {
                if (!bare.isEmpty() && q.equals(bare)) {
                    throw new CompileError(p.loc(), "duplicate macro parameter \"" + bare + "\"");
                }
            }
            params.add(pname);
            if (i >= toks.size()) {
                throw new CompileError(p.loc(), "missing ')' in macro parameter list");
            }
            Token sep = toks.get(i++);
            if (sep.is(")")) {
                return i;
            }
            if (pname.endsWith("...")) {
                throw new CompileError(sep.loc(), "missing ')' after \"...\"");
            }
            if (!sep.is(",")) {
                throw new CompileError(sep.loc(), "expected ',' or ')', found \"" + sep.text() + "\"");
            }
        }
    }

    private static void checkBody(String name, boolean functionLike, List<String> params, List<Token> body) {
        if (body.isEmpty()) {
            return;
        }
        // C11 6.10.3.3p1: ## may not be the first or last token of a replacement list.
        if (isPaste(body.get(0))) {
            throw new CompileError(body.get(0).loc(), "'##' cannot appear at either end of a macro expansion");
        }
        if (isPaste(body.get(body.size() - 1))) {
            throw new CompileError(body.get(body.size() - 1).loc(),
                    "'##' cannot appear at either end of a macro expansion");
        }
        if (!functionLike) {
            return;
        }
        // C11 6.10.3.2p1: in a function-like macro each # must be followed by a parameter.
        for (int k = 0; k < body.size(); k++) {
            Token t = body.get(k);
            if (t.kind() == TokenKind.PUNCT && t.text().equals("#")) {
                Token n = k + 1 < body.size() ? body.get(k + 1) : null;
                if (n == null || n.kind() != TokenKind.IDENT || !params.contains(n.text())) {
                    throw new CompileError(t.loc(), "'#' is not followed by a macro parameter");
                }
            }
        }
    }

    static boolean isPaste(Token t) {
        return t.kind() == TokenKind.PUNCT && t.text().equals("##");
    }
}
