package dev.spinlab.kc.diag;

import dev.spinlab.kc.lex.SrcLoc;

/** Renders diagnostics the way gcc does: {@code file:line:col: error: msg}, the line, a caret. */
public final class DiagnosticRenderer {
    private final SourceMap sources;

    public DiagnosticRenderer(SourceMap sources) {
        this.sources = sources;
    }

    public String render(SrcLoc loc, String severity, String message) {
        StringBuilder sb = new StringBuilder();
        if (loc == null || loc.line() == 0) {
            sb.append("spinlab: ").append(severity).append(": ").append(message).append('\n');
            return sb.toString();
        }
        sb.append(loc).append(": ").append(severity).append(": ").append(message).append('\n');
        String text = sources.line(loc.file(), loc.line());
        if (text != null) {
            sb.append(String.format("%5d | %s%n", loc.line(), text));
            sb.append("      | ");
            for (int i = 1; i < loc.col() && i <= text.length(); i++) {
                sb.append(text.charAt(i - 1) == '\t' ? '\t' : ' ');
            }
            sb.append("^\n");
        }
        return sb.toString();
    }

    /** The error and whatever follows it (notes, further errors), as gcc prints them. */
    public String render(CompileError e) {
        StringBuilder sb = new StringBuilder(render(e.loc(), "error", e.getMessage()));
        for (Diagnostic d : e.followers()) {
            sb.append(render(d));
        }
        return sb.toString();
    }

    public String render(Diagnostic d) {
        return render(d.loc(), d.severity().label(), d.message());
    }
}
