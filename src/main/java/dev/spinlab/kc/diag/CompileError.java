package dev.spinlab.kc.diag;

import dev.spinlab.kc.lex.SrcLoc;
import java.util.ArrayList;
import java.util.List;

/**
 * A user error in C input (preprocessing, parsing, typing, compiling), located at file:line:col.
 * Rendered by {@link DiagnosticRenderer} in gcc's form with the source line and a caret.
 * Never carries a Java stack trace to the user.
 */
public final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SrcLoc loc;
    /** What gcc prints after the error: notes, and further errors of the same run (the linker's). */
    private final transient List<Diagnostic> followers;

    public CompileError(SrcLoc loc, String message) {
        this(loc, message, List.of());
    }

    private CompileError(SrcLoc loc, String message, List<Diagnostic> followers) {
        super(message, null, false, false);
        this.loc = loc == null ? SrcLoc.NONE : loc;
        this.followers = List.copyOf(followers);
    }

    public SrcLoc loc() {
        return loc;
    }

    /** Notes and further errors printed after this one, in order. */
    public List<Diagnostic> followers() {
        return followers;
    }

    /** This error followed by gcc's kind of {@code note:} line. */
    public CompileError withNote(SrcLoc at, String note) {
        List<Diagnostic> f = new ArrayList<>(followers);
        f.add(new Diagnostic(at, Diagnostic.Severity.NOTE, note));
        return new CompileError(loc, getMessage(), f);
    }

    /** Several errors reported at once (the first is this error): all undefined references of a link. */
    public static CompileError all(List<CompileError> errors) {
        CompileError first = errors.get(0);
        List<Diagnostic> f = new ArrayList<>(first.followers);
        for (CompileError e : errors.subList(1, errors.size())) {
            f.add(new Diagnostic(e.loc, Diagnostic.Severity.ERROR, e.getMessage()));
            f.addAll(e.followers);
        }
        return new CompileError(first.loc, first.getMessage(), f);
    }

    /** "unsupported: WHAT" errors name the construct, as the project promises. */
    public static CompileError unsupported(SrcLoc loc, String what) {
        return new CompileError(loc, "unsupported: " + what);
    }
}
