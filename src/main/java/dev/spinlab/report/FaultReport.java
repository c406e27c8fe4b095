package dev.spinlab.report;

import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.interp.StackEntry;

/**
 * Renders a fault of interpreted code as sanitizers print them: the location and a
 * {@code runtime error:} line (UBSan's form), then the C call stack innermost first
 * (AddressSanitizer's numbered frames).
 */
public final class FaultReport {

    private FaultReport() {}

    public static String render(Fault f, String processName) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.loc()).append(": runtime error: ").append(f.message() != null ? f.message() : f.kind().title);
        sb.append('\n');
        sb.append("  in process ").append(processName).append(" on CPU#").append(f.cpu()).append('\n');
        java.util.List<StackEntry> st = f.stack();
        // a deep stack comes folded (Interpreter.stack): frame numbers count the folded ones
        int frame = 0;
        for (StackEntry e : st) {
            if (e.isFolded()) {
                sb.append("    ").append(e.function()).append('\n');
                frame += Integer.parseInt(e.function().split(" ")[1]);
                continue;
            }
            sb.append(String.format("    #%d %s at %s%n", frame++, e.function(), e.loc()));
        }
        return sb.toString();
    }
}
