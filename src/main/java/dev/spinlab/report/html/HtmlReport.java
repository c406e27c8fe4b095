package dev.spinlab.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinlab.check.Explorer;
import dev.spinlab.check.KState;
import dev.spinlab.check.KernelModel;
import dev.spinlab.check.TraceStep;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.lockdep.Lockdep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code --html FILE}: one self-contained page (docs/html.md) with a timeline per trace: for
 * check each finding's trace, for replay the replayed one, for run its last steps. The traces
 * are followed through check's own model from its initial state (the choices the search took),
 * so every step is read from the state it was taken in; the page is a template with its CSS
 * and script inline and the data ({@link HtmlModel}) as embedded JSON.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** check: a timeline per finding, each trace followed through the search's own model. */
    public static String check(Explorer.Result<KState> r, KernelModel model, KernelConfig cfg, SourceMap src,
                               List<String> arguments) {
        PageBuilder page = new PageBuilder(src);
        int n = 1;
        for (Explorer.Finding<KState> f : r.findings()) {
            page.add(follow(model, page, f.trace().stream().map(Explorer.Step::choice).toList(), f.trace(),
                    "finding " + n + ": " + f.finding().kind().id, f.finding()));
            n++;
        }
        String verdict = r.findings().isEmpty() ? "no finding" : r.findings().size() == 1 ? "1 finding"
                : r.findings().size() + " findings";
        String summary = String.format("%s — %d states, %d transitions, depth %d (%d CPU%s, preempt %s)%s", verdict,
                r.states(), r.transitions(), r.depth(), cfg.cpus(), cfg.cpus() == 1 ? "" : "s", cfg.preempt().label(),
                r.boundHit() != null ? "; bound reached: " + r.boundHit() : "");
        return render(page.page("spinlab check", command(arguments), summary, cfg.cpus()));
    }

    /** A page with no timeline, only what happened (check's boot that ended before the search). */
    public static String empty(String title, KernelConfig cfg, SourceMap src, List<String> arguments, String summary) {
        return render(new PageBuilder(src).page(title, command(arguments), summary, cfg.cpus()));
    }

    /**
     * replay: the finding's trace followed from a kernel booted as the check's was (a model
     * of its own, as TraceReplay makes), its steps described by the model.
     */
    public static String replay(KernelModel model, KernelConfig cfg, SourceMap src, List<String> arguments,
                                List<Integer> choices, int number, Finding target, String kind, String message) {
        PageBuilder page = new PageBuilder(src);
        HtmlModel.Timeline t = follow(model, page, choices, null, "finding " + number + ": " + kind, target);
        if (target == null) {
            t = new HtmlModel.Timeline(t.name(), kind, kind + ": " + message, t.note(), t.firstStep(), t.steps(),
                    t.locks(), t.marks(), t.highlightFrom(), t.cycle(), t.findingStack(), t.where());
        }
        page.add(t);
        return render(page.page("spinlab replay", command(arguments), "finding " + number + " replayed: " + kind + ": "
                + message + " (" + choices.size() + " steps)", cfg.cpus()));
    }

    /**
     * Follows choices from the model's initial state. trace, when given, is the search's own
     * description of each step (Explorer.Step.view); without it the model describes them. A
     * choice the state does not offer ends the timeline early, with a note.
     */
    static HtmlModel.Timeline follow(KernelModel model, PageBuilder page, List<Integer> choices,
                                     List<Explorer.Step> trace, String name, Finding f) {
        TimelineBuilder tb = new TimelineBuilder(model.kernel(), page);
        KState s = model.initial();
        String note = null;
        for (int i = 0; i < choices.size(); i++) {
            int c = choices.get(i);
            if (c >= model.choices(s)) {
                note = "the trace could not be followed past step " + i + " (the model offers "
                        + model.choices(s) + " choices there)";
                break;
            }
            TraceStep v = trace != null ? trace.get(i).view() : model.step(s, c);
            tb.step(s.machine(), v, held(s));
            s = model.successor(s, c);
        }
        return tb.finish(name, f == null ? "?" : f.kind().id, f == null ? null : f.headline(), note, 0,
                note == null ? f : null, note == null ? s.machine() : null, held(s));
    }

    private static Map<Long, List<Lockdep.HeldLock>> held(KState s) {
        return s.lockdep() == null ? null : s.lockdep().heldLocks();
    }

    /** The command as typed: spinlab and its arguments, quoted where a shell would need it. */
    static String command(List<String> arguments) {
        StringBuilder sb = new StringBuilder("spinlab");
        for (String a : arguments) {
            sb.append(' ').append(a.matches("[\\w@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** Absent values (an event's task, a step without a lock) are left out: a page holds thousands of steps. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    private static final java.util.regex.Pattern MARKER =
            java.util.regex.Pattern.compile("/\\*STYLE\\*/|/\\*SCRIPT\\*/|\\{\\{TITLE}}|/\\*DATA\\*/");

    /** The page: the template with its style and script inline, and the data as JSON. */
    public static String render(HtmlModel.Page page) {
        String json;
        try {
            json = JSON.writeValueAsString(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the page's data did not serialise", e);
        }
        // inside <script> the text must not close the element: '<' only occurs in JSON strings,
        // where \\u003c means the same
        json = json.replace("<", "\\u003c");
        Map<String, String> parts = Map.of("/*STYLE*/", resource("page.css"), "/*SCRIPT*/", resource("page.js"),
                "{{TITLE}}", escape(page.title() + ": " + page.command()), "/*DATA*/", json);
        // one pass over the template: what is put in is never searched for markers again
        java.util.regex.Matcher m = MARKER.matcher(resource("page.html"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(parts.get(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Writes the page; a file that cannot be written is an IllegalArgumentException naming it. */
    public static void write(Path file, String html) {
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                    : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : e.getMessage();
            throw new IllegalArgumentException("--html " + file + ": cannot write the report: " + why);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
