package dev.spinlab.kc.diag;

import dev.spinlab.kc.lex.SrcLoc;

/**
 * A user error in C input (preprocessing, parsing, typing, compiling), located at file:line:col.
 * Rendered by {@link DiagnosticRenderer} in gcc's form with the source line and a caret.
 * Never carries a Java stack trace to the user.
 */
public final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SrcLoc loc;

    public CompileError(SrcLoc loc, String message) {
        super(message, null, false, false);
        this.loc = loc == null ? SrcLoc.NONE : loc;
    }

    public SrcLoc loc() {
        return loc;
    }

    /** "unsupported: WHAT" errors name the construct, as the project promises. */
    public static CompileError unsupported(SrcLoc loc, String what) {
        return new CompileError(loc, "unsupported: " + what);
    }
}
