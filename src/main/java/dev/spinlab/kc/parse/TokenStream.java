package dev.spinlab.kc.parse;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import java.util.List;

/** A cursor over the preprocessed tokens, with gcc-worded "expected X" errors. */
final class TokenStream {
    private final List<Token> tokens;
    private int pos;

    TokenStream(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != TokenKind.EOF) {
            throw new IllegalArgumentException("token list must end with EOF");
        }
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int k) {
        return tokens.get(Math.min(pos + k, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != TokenKind.EOF) {
            pos++;
        }
        return t;
    }

    int mark() {
        return pos;
    }

    void reset(int mark) {
        pos = mark;
    }

    boolean is(String text) {
        return peek().is(text);
    }

    boolean isKind(TokenKind kind) {
        return peek().kind() == kind;
    }

    boolean atEof() {
        return peek().kind() == TokenKind.EOF;
    }

    /** Consumes the token if it is {@code text}. */
    boolean accept(String text) {
        if (peek().is(text)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes {@code text} or fails with gcc's "expected 'X' before 'Y' token". */
    Token expect(String text) {
        if (!peek().is(text)) {
            throw expected("'" + text + "'");
        }
        return next();
    }

    Token expectIdent() {
        if (peek().kind() != TokenKind.IDENT) {
            throw expected("identifier");
        }
        return next();
    }

    /**
     * gcc's "expected WHAT before TOKEN". For a missing terminator (';', ')' ...) whose next
     * token starts a later line, gcc points just past the previous token, where the fix-it
     * would insert it; we do the same so the caret lands where the user forgot it. At end of
     * input there is no token to point at, so every message points past the last one.
     */
    CompileError expected(String what) {
        Token t = peek();
        SrcLoc loc = t.loc();
        boolean terminator = what.equals("';'") || what.equals("')'") || what.equals("']'")
                || what.equals("'}'") || what.equals("','") || what.equals("':'");
        if ((terminator || t.kind() == TokenKind.EOF) && pos > 0) {
            Token prev = tokens.get(pos - 1);
            if (prev.loc().line() != t.loc().line() || t.kind() == TokenKind.EOF) {
                loc = new SrcLoc(prev.loc().file(), prev.loc().line(), prev.loc().col() + prev.text().length());
            }
        }
        if (t.kind() == TokenKind.EOF) {
            return new CompileError(loc, "expected " + what + " at end of input");
        }
        return new CompileError(loc, "expected " + what + " before " + describe(t));
    }

    /** How gcc names a token after "before": {@code '}' token}, {@code 'foo'}, {@code numeric constant}. */
    static String describe(Token t) {
        switch (t.kind()) {
            case IDENT: return "'" + t.text() + "'";
            case INT_LIT:
            case FLOAT_LIT: return "numeric constant";
            case STRING_LIT: return "string constant";
            case CHAR_LIT: return "character constant";
            case EOF: return "end of input";
            default: return "'" + t.text() + "' token";
        }
    }

    /** Skips a balanced parenthesised group starting at the current '(' (for attributes, asm labels). */
    void skipBalancedParens() {
        expect("(");
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.kind() == TokenKind.EOF) {
                throw new CompileError(t.loc(), "expected ')' at end of input");
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            }
        }
    }

    /** True when some token of the file comes from a file whose name starts with prefix (a header tree). */
    boolean anyFrom(String prefix) {
        for (Token t : tokens) {
            if (t.loc().file().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The token after the ')' matching the '(' k tokens ahead, or EOF. */
    Token afterParens(int k) {
        int depth = 0;
        for (int i = pos + k; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && --depth == 0) {
                return tokens.get(Math.min(i + 1, tokens.size() - 1));
            } else if (t.kind() == TokenKind.EOF) {
                return t;
            }
        }
        return tokens.get(tokens.size() - 1);
    }
}
