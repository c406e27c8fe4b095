package dev.spinlab.kc.diag;

import dev.spinlab.kc.lex.SrcLoc;

/**
 * The depth of one recursive pass over a program (the parser's nested expressions and
 * statements, the compiler's walk of an expression tree). Each pass recurses on the program's
 * nesting; past {@link #LIMIT} levels it stops with gcc-style {@code error: nesting too deep}
 * at the construct, instead of overflowing the Java stack. The limit is far past what gcc
 * handles in practice with its default 8 MiB stack (a few tens of thousands of nested
 * parentheses); the command thread's stack (cli.Main.STACK_BYTES) holds it in every pass.
 */
public final class Nesting {
    /** Levels of nesting a pass accepts: parentheses, blocks, ifs, ?:, terms of a left-nested sum. */
    public static final int LIMIT = 100_000;

    private int depth;

    /** One level deeper at loc; throws past the limit. Pair with {@link #exit} in a finally. */
    public void enter(SrcLoc loc) {
        if (++depth > LIMIT) {
            depth = 0; // the error unwinds the whole pass
            throw new CompileError(loc, "nesting too deep (more than " + LIMIT
                    + " levels of parentheses, blocks, statements or operands; split the expression or function)");
        }
    }

    public void exit() {
        if (depth > 0) {
            depth--;
        }
    }
}
