package dev.spinlab.kc.lex;

/**
 * A position in a C source file: 1-based line and column, as gcc prints them.
 * Tokens produced by a macro expansion carry the location of the outermost macro
 * invocation (gcc's "expansion point"), so errors and stack dumps point at the user's line.
 */
public record SrcLoc(String file, int line, int col) {
    public static final SrcLoc NONE = new SrcLoc("<unknown>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }
}
