package dev.spinlab.kc.pp;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import java.util.HashSet;
import java.util.Set;

/**
 * A token inside the preprocessor with its hide-set: the names of the macros whose expansion
 * produced it and which therefore must not expand it again (C11 6.10.3.4p2, using Prosser's
 * hide-set formulation). A placemarker (C11 6.10.3.3p2) is an IDENT-less marker token used
 * only while substituting a macro body.
 */
record PpToken(Token tok, Set<String> hideSet, boolean placemarker) {
    static PpToken of(Token t) {
        return new PpToken(t, Set.of(), false);
    }

    static PpToken placemarker(SrcLoc loc) {
        return new PpToken(new Token(TokenKind.PUNCT, "", loc, false), Set.of(), true);
    }

    String text() {
        return tok.text();
    }

    TokenKind kind() {
        return tok.kind();
    }

    boolean is(String s) {
        return !placemarker && tok.is(s);
    }

    boolean isEof() {
        return tok.kind() == TokenKind.EOF;
    }

    PpToken withHideSet(Set<String> hs) {
        return new PpToken(tok, hs, placemarker);
    }

    PpToken withLoc(SrcLoc loc) {
        return new PpToken(new Token(tok.kind(), tok.text(), loc, tok.spaceBefore()), hideSet, placemarker);
    }

    PpToken withSpace(boolean space) {
        return space == tok.spaceBefore() ? this
                : new PpToken(new Token(tok.kind(), tok.text(), tok.loc(), space), hideSet, placemarker);
    }

    /** This token's hide-set plus more names. */
    PpToken hiding(Set<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<String> hs = new HashSet<>(hideSet);
        hs.addAll(more);
        return withHideSet(hs);
    }
}
