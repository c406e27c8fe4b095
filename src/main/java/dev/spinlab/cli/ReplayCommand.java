package dev.spinlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinlab.check.KernelModel;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.DiagnosticRenderer;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.check.TraceReplay;
import dev.spinlab.check.Reductions;
import dev.spinlab.report.ReplayReport;
import dev.spinlab.report.html.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spinlab replay}: re-runs one finding of {@code spinlab check --format json} step for
 * step with the kernel log on, and prints it as {@code run} does, ending in the finding. The
 * check's JSON stores its command line and working directory; replay boots the same system
 * through {@link CheckCommand#boot} and takes the trace's choices with
 * {@link KernelModel#successor}, so a choice means here what it meant to the search.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-run a finding of 'spinlab check --format json', printing its kernel log.",
                "Step for step, with the log as 'run' prints it (dmesg format, the programs'",
                "output interleaved), from boot to the finding: the kernel's own report for a",
                "BUG; the message and every CPU's stack for a deadlock. The check's command",
                "line and working directory are stored in its JSON: replay boots the same",
                "system from them and takes the trace's choices one by one."},
        footer = {"", "Exit status: 1 the finding was reached, 2 bad input or the replay diverged",
                "from the trace (the sources, the scenario or spinlab changed since the check),",
                "70 internal error.", ""})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--finding", paramLabel = "N", defaultValue = "1",
            description = "Which finding to replay, numbered from 1 as check prints them (default: ${DEFAULT-VALUE}).")
    int finding;

    @Mixin
    OutputFormat format;

    @Mixin
    HtmlOption html;

    @Parameters(paramLabel = "TRACE.json", description = "What 'spinlab check --format json' printed.")
    Path traceFile;

    /** What replay needs from a check's JSON (docs/check-json.md). */
    record Recorded(List<String> invocation, Path cwd, Integer cpus, String preempt, List<RecordedFinding> findings,
                    List<Long> visibleWords) {}

    /** One finding: its kind, message, and the choices of its trace from the booted state. */
    record RecordedFinding(String kind, String message, List<Integer> choices) {
        /** The finding's one line: {@code kind: message}. */
        String full() {
            return kind + ": " + message;
        }

        /** Whether x is this finding: the same kind and message (paths in it made the check's by rel). */
        boolean is(dev.spinlab.kernel.Finding x, UnaryOperator<String> rel) {
            return x != null && x.kind().id.equals(kind) && rel.apply(x.message()).equals(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceMap sources = new SourceMap();
        List<Diagnostic> diags = new ArrayList<>();
        try {
            if (format.sarif()) {
                throw new IllegalArgumentException("--format sarif is for run and check (check --format sarif has the"
                        + " traces as code flows); replay prints text or json");
            }
            html.checkWritable();
            Recorded rec = read(traceFile);
            int n = rec.findings().size();
            if (n == 0) {
                throw new IllegalArgumentException(traceFile + ": the check found nothing, so there is no trace to replay");
            }
            if (finding < 1 || finding > n) {
                throw new IllegalArgumentException("no finding " + finding + " in " + traceFile + " (it has "
                        + (n == 1 ? "finding 1 only" : "findings 1-" + n) + ")");
            }
            RecordedFinding f = rec.findings().get(finding - 1);
            CheckCommand check = parseInvocation(rec);
            CheckCommand.Booted b = CheckCommand.boot(check.system.resolve(SystemOptions.RunOnly.check(check.lockdep.noLockdep, check.lockdep.lockdepAll)), sources, diags, err);
            String mismatch = bootMismatch(rec, b);
            if (mismatch != null) {
                err.println("spinlab replay: replay diverged: " + mismatch);
                return ExitCodes.BAD_INPUT;
            }
            String prefix = check.system.workDir == null ? null : check.system.workDir + java.io.File.separator;
            // --html follows the trace again on a kernel of its own, booted the same way: the
            // replay's kernel has moved on, and the page reads every step's state
            java.util.function.Supplier<CheckCommand.Booted> again = () -> CheckCommand.boot(
                    check.system.resolve(SystemOptions.RunOnly.check(check.lockdep.noLockdep, check.lockdep.lockdepAll)),
                    pageSources, new ArrayList<>(), new PrintWriter(java.io.Writer.nullWriter()));
            Reductions asChecked = check.searchedReductions(Reductions.parse(check.reductionSpec), false);
            java.util.function.Function<Kernel, KernelModel> models =
                    kk -> TraceReplay.model(kk, asChecked, rec.visibleWords());
            return replay(b, f, m -> prefix == null ? m : m.replace(prefix, ""), out, err, again, models);
        } catch (CompileError e) {
            RunCommand.printDiagnostics(err, sources, diags);
            err.print(new DiagnosticRenderer(sources).render(e));
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("spinlab replay: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** Why this boot cannot be the one the check explored from, or null. */
    private static String bootMismatch(Recorded rec, CheckCommand.Booted b) {
        if (b.end() != Simulation.End.STOPPED) {
            return "the run ended during boot (" + b.end() + "), where the check's did not";
        }
        KernelConfig cfg = b.config();
        if (rec.cpus() != null && rec.cpus() != cfg.cpus()) {
            return "the check explored " + rec.cpus() + " CPUs, this boot has " + cfg.cpus() + " (did spinlab.yaml change?)";
        }
        if (rec.preempt() != null && !rec.preempt().equals(cfg.preempt().label())) {
            return "the check explored preempt " + rec.preempt() + ", this boot has " + cfg.preempt().label()
                    + " (did spinlab.yaml change?)";
        }
        return null;
    }

    /**
     * Takes the finding's choices from the booted state (TraceReplay), then prints the log
     * (ReplayReport) and tells whether the path ended in the finding.
     *
     * @param rel makes the paths in a message what they were to the check: booted from another
     *     directory, the inputs' paths are absolute (see {@link #parseInvocation})
     */
    private final SourceMap pageSources = new SourceMap();

    private int replay(CheckCommand.Booted b, RecordedFinding f, UnaryOperator<String> rel, PrintWriter out,
                       PrintWriter err, java.util.function.Supplier<CheckCommand.Booted> again,
                       java.util.function.Function<Kernel, KernelModel> models) {
        Kernel k = b.kernel();
        TraceReplay.Replayed r;
        try {
            r = TraceReplay.follow(models.apply(k), f.choices(), x -> f.is(x, rel), f.full());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (finding " + finding + ", " + f.kind() + ")");
        }
        ReplayReport.Target target = new ReplayReport.Target(finding, f.kind(), f.message(), f.choices().size());
        if (html.any()) {
            Finding reached = r.reports().stream().filter(x -> f.is(x, rel)).findFirst()
                    .orElse(r.violation() != null && f.is(r.violation(), rel) ? r.violation() : null);
            CheckCommand.Booted b2 = again.get();
            KernelModel model = models.apply(b2.kernel());
            HtmlReport.write(html.file, HtmlReport.replay(model, b2.config(), pageSources, OutputFormat.arguments(spec),
                    f.choices(), finding, reached, f.kind(), f.message()));
        }
        out.print(format.json() ? ReplayReport.json(k, b.config(), target, r) + "\n" : ReplayReport.text(k, target, r));
        if (!r.reached()) {
            List<String> reports = r.reports().stream().map(x -> rel.apply(x.headline())).toList();
            String instead = !reports.isEmpty() ? "its last step reported " + String.join("; ", reports)
                    : r.violation() != null ? "it ends in " + rel.apply(r.violation().headline())
                    : "its last step reported nothing";
            err.printf("spinlab replay: replay diverged: after %d steps the path does not end in finding %d (%s); %s."
                    + " Did the sources, the scenario or spinlab change since the check?%n",
                    f.choices().size(), finding, f.full(), instead);
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.FINDINGS;
    }

    /**
     * The stored check command line, parsed by check's own option definitions; relative paths
     * resolve against the check's working directory when replay runs elsewhere.
     */
    private static CheckCommand parseInvocation(Recorded rec) {
        CheckCommand c = new CheckCommand();
        try {
            new CommandLine(c).parseArgs(rec.invocation().toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("the check's stored invocation " + rec.invocation()
                    + " does not parse: " + e.getMessage());
        }
        if (!rec.cwd().equals(Path.of("").toAbsolutePath())) {
            c.system.workDir = rec.cwd();
        }
        return c;
    }

    /** Reads a check's JSON; every way it can be unusable is an IllegalArgumentException. */
    static Recorded read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": No such file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        String notCheck = file + ": not the JSON of 'spinlab check --format json'";
        if (root == null || !root.isObject() || !root.path("findings").isArray()) {
            throw new IllegalArgumentException(notCheck + " (no \"findings\" array)");
        }
        JsonNode inv = root.path("invocation");
        JsonNode cwd = root.path("cwd");
        if (!inv.isArray() || !cwd.isTextual()) {
            throw new IllegalArgumentException(file + ": no \"invocation\" and \"cwd\" to boot the same system from"
                    + " (made by a spinlab check older than replay? run the check again)");
        }
        List<String> words = new ArrayList<>();
        for (JsonNode w : inv) {
            if (!w.isTextual()) {
                throw new IllegalArgumentException(notCheck + " (\"invocation\" holds a non-string: " + w + ")");
            }
            words.add(w.asText());
        }
        Path dir = Path.of(cwd.asText());
        if (!dir.isAbsolute()) {
            throw new IllegalArgumentException(notCheck + " (\"cwd\" is not an absolute path: " + cwd.asText() + ")");
        }
        List<RecordedFinding> findings = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            String at = notCheck + " (finding " + (findings.size() + 1) + " ";
            if (!f.path("kind").isTextual() || !f.path("message").isTextual() || !f.path("trace").isArray()) {
                throw new IllegalArgumentException(at + "lacks a \"kind\", \"message\" or \"trace\")");
            }
            List<Integer> choices = new ArrayList<>();
            for (JsonNode st : f.get("trace")) {
                JsonNode c = st.path("choice");
                if (!c.isInt() || c.asInt() < 0) {
                    throw new IllegalArgumentException(at + "step " + (choices.size() + 1)
                            + ": \"choice\" is not a non-negative integer)");
                }
                choices.add(c.asInt());
            }
            findings.add(new RecordedFinding(f.get("kind").asText(), f.get("message").asText(), List.copyOf(choices)));
        }
        JsonNode cpus = root.path("cpus");
        JsonNode preempt = root.path("preempt");
        JsonNode visible = root.path("visibleWords");
        List<Long> visibleWords = null;
        if (!visible.isMissingNode() && !visible.isNull()) {
            if (!visible.isTextual()) {
                throw new IllegalArgumentException(notCheck + " (\"visibleWords\" is not a string)");
            }
            try {
                visibleWords = dev.spinlab.report.VisibleWords.decode(visible.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(notCheck + " (" + e.getMessage() + ")");
            }
        }
        return new Recorded(List.copyOf(words), dir, cpus.isInt() ? cpus.asInt() : null,
                preempt.isTextual() ? preempt.asText() : null, List.copyOf(findings), visibleWords);
    }
}
