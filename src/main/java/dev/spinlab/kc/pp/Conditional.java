package dev.spinlab.kc.pp;

import dev.spinlab.kc.lex.SrcLoc;

/**
 * One open {@code #if}/{@code #ifdef}/{@code #ifndef} of a file (C11 6.10.1). Only conditionals
 * met in a live group are recorded; those nested in a skipped group are just counted while skipping.
 */
final class Conditional {
    /** Where the opening directive is, for "unterminated" errors. */
    final SrcLoc loc;
    /** The latest directive of this conditional (if, ifdef, ifndef, elif, else), named as gcc does. */
    String lastDirective;
    /** Whether some group of this conditional has been taken; later #elif are then not evaluated. */
    boolean taken;
    boolean sawElse;

    Conditional(SrcLoc loc, String directive, boolean taken) {
        this.loc = loc;
        this.lastDirective = directive;
        this.taken = taken;
    }
}
