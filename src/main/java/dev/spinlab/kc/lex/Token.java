package dev.spinlab.kc.lex;

/**
 * One token after preprocessing.
 *
 * @param kind what it is
 * @param text its spelling ({@code ""} for EOF)
 * @param loc where it was spelled, or for macro-expanded tokens where the outermost macro was invoked
 * @param spaceBefore whether white space preceded it (for stringizing and diagnostics)
 */
public record Token(TokenKind kind, String text, SrcLoc loc, boolean spaceBefore) {
    public boolean is(String punctOrIdent) {
        return (kind == TokenKind.PUNCT || kind == TokenKind.IDENT) && text.equals(punctOrIdent);
    }

    @Override
    public String toString() {
        return kind == TokenKind.EOF ? "end of file" : "'" + text + "'";
    }
}
