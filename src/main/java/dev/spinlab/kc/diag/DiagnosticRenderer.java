package dev.spinlab.kc.diag;

import dev.spinlab.kc.lex.SrcLoc;

/** Renders diagnostics the way gcc does: {@code file:line:col: error: msg}, the line, a caret. */
public final class DiagnosticRenderer {
    private final SourceMap sources;

    public DiagnosticRenderer(SourceMap sources) {
        this.sources = sources;
    }

    /** Characters of a long source line shown around the column. */
    static final int WINDOW = 160;

    public String render(SrcLoc loc, String severity, String message) {
        StringBuilder sb = new StringBuilder();
        if (loc == null || loc.line() == 0) {
            sb.append("spinlab: ").append(severity).append(": ").append(message).append('\n');
            return sb.toString();
        }
        sb.append(loc).append(": ").append(severity).append(": ").append(message).append('\n');
        String text = sources.line(loc.file(), loc.line());
        if (text != null) {
            // a generated line can be megabytes long: show a window around the column
            int col = Math.max(1, loc.col());
            int from = Math.max(0, Math.min(col - 1, text.length()) - WINDOW / 2);
            int to = Math.min(text.length(), from + WINDOW);
            String shown = (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
            int caret = col - from + (from > 0 ? 3 : 0);
            sb.append(String.format("%5d | %s%n", loc.line(), shown));
            sb.append("      | ");
            for (int i = 1; i < caret && i <= shown.length(); i++) {
                sb.append(shown.charAt(i - 1) == '\t' ? '\t' : ' ');
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
