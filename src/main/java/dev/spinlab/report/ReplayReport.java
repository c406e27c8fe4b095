package dev.spinlab.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.check.TraceReplay;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.Simulation;

/**
 * What {@code spinlab replay} prints: the kernel log of the replayed path as run prints it,
 * then whether it reached the finding; or run's JSON with a "replayed" object
 * (docs/check-json.md).
 */
public final class ReplayReport {
    private ReplayReport() {}

    /** Which finding of the check was replayed: its number, kind and message, and the trace's length. */
    public record Target(int number, String kind, String message, int steps) {}

    public static String text(Kernel k, Target t, TraceReplay.Replayed r) {
        StringBuilder sb = new StringBuilder(KernelReport.log(k));
        if (r.reached()) {
            sb.append(String.format("spinlab replay: reached finding %d (%s) after %d steps%n", t.number(), t.kind(),
                    t.steps()));
        }
        return sb.toString();
    }

    public static String json(Kernel k, KernelConfig cfg, Target t, TraceReplay.Replayed r) {
        ObjectNode root = KernelReport.jsonTree(k, cfg,
                new Simulation.Result(Simulation.End.STOPPED, r.timeNs(), r.end().machine().steps, null));
        ObjectNode o = root.putObject("replayed");
        o.put("finding", t.number());
        o.put("kind", t.kind());
        o.put("message", t.message());
        o.put("steps", t.steps());
        o.put("reached", r.reached());
        return KernelReport.write(root);
    }
}
