package dev.spinlab.report;

import dev.spinlab.check.KState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.check.Explorer;
import dev.spinlab.check.KernelModel;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import dev.spinlab.kernel.KernelConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** spinlab check's results as text and as JSON (schema in docs/check-json.md). */
public final class CheckReport {
    private CheckReport() {}

    /** The summary line, then each finding with its trace and lockdep's report. */
    public static String text(Explorer.Result<KState> r, KernelConfig cfg, boolean depthFirst) {
        return text(r, cfg, depthFirst, null);
    }

    /** The text report; searchNote (or null): a line on how the search got its answer (private-data's runs). */
    public static String text(Explorer.Result<KState> r, KernelConfig cfg, boolean depthFirst, String searchNote) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        double secs = r.nanos() / 1e9;
        out.printf("spinlab check: %s — %d states, %d transitions, depth %d, %.0f states/s, %.2f s (%d CPU%s, preempt %s)%n",
                verdict(r), r.states(), r.transitions(), r.depth(), r.states() / Math.max(secs, 1e-9), secs,
                cfg.cpus(), cfg.cpus() == 1 ? "" : "s", cfg.preempt().label());
        if (searchNote != null) {
            out.println(searchNote);
        }
        int i = 1;
        for (Explorer.Finding<KState> f : r.findings()) {
            out.printf("%nfinding %d: %s%n  %s (%d steps):%n", i++, f.message(),
                    depthFirst ? "trace as found depth-first" : "shortest trace", f.trace().size());
            printTrace(out, f.trace());
            String text = f.finding().report();
            if (text != null) {
                out.printf("  lockdep's report at the end of the trace:%n");
                for (String line : text.split("\n", -1)) {
                    out.println(line.isEmpty() ? "" : "    " + line);
                }
            }
        }
        out.flush();
        return sw.toString();
    }

    /** The JSON when the boot itself ended: the documented schema, the boot's end the one finding. */
    public static String bootEndedJson(KernelConfig cfg, String why) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("verdict", "findings");
        root.put("states", 0);
        root.put("transitions", 0);
        root.put("depth", 0);
        root.put("cpus", cfg.cpus());
        root.put("preempt", cfg.preempt().label());
        ObjectNode f = root.putArray("findings").addObject();
        f.put("kind", FindingKind.BOOT.id);
        f.put("message", why);
        f.putArray("trace");
        return root.toPrettyString();
    }

    /** The result as JSON (schema in docs/check-json.md). */
    public static String json(Explorer.Result<KState> r, KernelConfig cfg,
                       List<String> invocation, Path cwd) {
        return json(r, cfg, invocation, cwd, null);
    }

    /**
     * The result as JSON; visibleWords: with the private-data reduction, the words visible in
     * the answering run (replay cuts steps where the search did), else null.
     */
    public static String json(Explorer.Result<KState> r, KernelConfig cfg,
                       List<String> invocation, Path cwd, List<Long> visibleWords) {
        ObjectMapper m = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("verdict", r.verdict() == Explorer.Verdict.OK ? "ok"
                : r.verdict() == Explorer.Verdict.FINDINGS ? "findings" : "bound");
        if (r.boundHit() != null) {
            root.put("bound", r.boundHit());
        }
        root.put("states", r.states());
        root.put("transitions", r.transitions());
        root.put("depth", r.depth());
        root.put("nanos", r.nanos());
        root.put("cpus", cfg.cpus());
        root.put("preempt", cfg.preempt().label());
        ArrayNode inv = root.putArray("invocation");
        invocation.forEach(inv::add);
        root.put("cwd", cwd.toString());
        if (visibleWords != null) {
            root.put("visibleWords", VisibleWords.encode(visibleWords));
        }
        ArrayNode fs = root.putArray("findings");
        for (Explorer.Finding<KState> f : r.findings()) {
            ObjectNode o = fs.addObject();
            Finding x = f.finding();
            o.put("kind", x.kind().id);
            o.put("message", x.message());
            JsonFindings.putLocation(o, x);
            JsonFindings.putLocks(o, x);
            if (x.report() != null) {
                o.put("report", x.report());
            }
            ArrayNode tr = o.putArray("trace");
            for (Explorer.Step st : f.trace()) {
                ObjectNode so = tr.addObject();
                so.put("choice", st.choice());
                so.put("step", st.description());
            }
        }
        try {
            return m.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A trace with runs of plain steps of one CPU and task folded into one line (first and last
     * location, the state after the last); interrupts and timers always get their own line.
     */
    public static void printTrace(PrintWriter out, List<Explorer.Step> trace) {
        for (TraceSteps.Group g : TraceSteps.fold(trace)) {
            if (g.count() == 1) {
                out.printf("  %5d  %s%n", g.first() + 1, g.text());
            } else {
                out.printf("  %5d-%d  %s%n", g.first() + 1, g.last() + 1, g.text());
            }
        }
    }

    static String verdict(Explorer.Result<?> r) {
        switch (r.verdict()) {
            case OK: return "no deadlock or BUG reachable";
            case FINDINGS: return r.findings().size() + " finding" + (r.findings().size() == 1 ? "" : "s")
                    + (Explorer.FIRST.equals(r.boundHit()) ? ", then stopped at the first deadlock or oops ("
                            + r.boundHit() + ")"
                    : r.boundHit() != null ? ", then bound reached (" + r.boundHit() + ")" : "");
            default:
                int k = dev.spinlab.check.BoundedSearch.preemptionsOf(r);
                // a clean preemption-bounded search (--preemptions): no proof, as the text says
                return k >= 0 && r.boundHit().equals("--preemptions " + k)
                        ? "no deadlock or BUG within " + k + " preemption" + (k == 1 ? "" : "s")
                                + " (bound reached: schedules with more preemptions were not explored)"
                        : "bound reached (" + r.boundHit() + ")";
        }
    }
}
