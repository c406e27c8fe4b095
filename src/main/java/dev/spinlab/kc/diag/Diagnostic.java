package dev.spinlab.kc.diag;

import dev.spinlab.kc.lex.SrcLoc;

/** A warning or note that does not stop compilation (gcc's "warning:" and "note:"). */
public record Diagnostic(SrcLoc loc, Severity severity, String message) {
    public enum Severity { ERROR, WARNING, NOTE;
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
