package dev.spinlab.report;

import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.interp.StackEntry;

/**
 * Renders a fault of interpreted code as sanitizers print them: the location and a
 * {@code runtime error:} line (UBSan's form), then the C call stack innermost first
 * (AddressSanitizer's numbered frames).
 */
public final class FaultReport {
    /** Deep stacks (runaway recursion) show the innermost HEAD_FRAMES and the outermost rest. */
    static final int MAX_FRAMES = 24;
    static final int HEAD_FRAMES = 16;

    private FaultReport() {}

    public static String render(Fault f, String processName) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.loc()).append(": runtime error: ").append(f.message() != null ? f.message() : f.kind().title);
        sb.append('\n');
        sb.append("  in process ").append(processName).append(" on CPU#").append(f.cpu()).append('\n');
        java.util.List<StackEntry> st = f.stack();
        for (int i = 0; i < st.size(); i++) {
            if (st.size() > MAX_FRAMES && i == HEAD_FRAMES) {
                int skip = st.size() - MAX_FRAMES;
                sb.append(String.format("    ... %d more frames ...%n", skip));
                i += skip - 1;
                continue;
            }
            StackEntry e = st.get(i);
            sb.append(String.format("    #%d %s at %s%n", i, e.function(), e.loc()));
        }
        return sb.toString();
    }
}
