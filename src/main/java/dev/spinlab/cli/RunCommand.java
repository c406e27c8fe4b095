package dev.spinlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.DiagnosticRenderer;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.rt.UserRun;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.report.FaultReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spinlab run}: compile C programs and run them on the simulated machine. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run user programs (C files with main) on the simulated machine.",
                "Each program argument is one word [NAME:]PROGRAM, e.g. a:test.c."},
        footer = {"", "Exit status: 0 clean, 1 findings (a fault of the program), 2 bad input,",
                "3 step bound reached, 70 internal error.", ""})
public final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    PreprocessorMixin pp;

    @Parameters(paramLabel = "PROGRAM", arity = "1..*", description = "C files with main(), as [NAME:]FILE.c")
    List<String> programs;

    @Option(names = "--cpus", defaultValue = "2", description = "Number of simulated CPUs (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scheduling choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-steps", defaultValue = "10000000",
            description = "Bound on visible steps before the run stops (default: ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--format", defaultValue = "text", description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("spinlab run: unknown --format '" + format + "' (use text or json)");
            return ExitCodes.BAD_INPUT;
        }
        if (cpus < 1 || cpus > 64) {
            err.println("spinlab run: --cpus must be between 1 and 64, got " + cpus);
            return ExitCodes.BAD_INPUT;
        }
        List<UserRun.Program> progs = new ArrayList<>();
        for (String word : programs) {
            ProgramArg pa = ProgramArg.parse(word);
            if (!pa.isCFile()) {
                err.println("spinlab run: '" + pa.program() + "': built-in programs come with the model kernel; "
                        + "give a C file with main()");
                return ExitCodes.BAD_INPUT;
            }
            Path p = Path.of(pa.program());
            if (!Files.isRegularFile(p)) {
                err.println("spinlab run: " + pa.program() + ": No such file");
                return ExitCodes.BAD_INPUT;
            }
            progs.add(new UserRun.Program(pa.name(), List.of(p)));
        }
        UserRun.Options opt = new UserRun.Options(cpus, seed, maxSteps, pp.options());
        UserRun.Result result;
        SourceMap sources = new SourceMap();
        List<Diagnostic> diags = new ArrayList<>();
        try {
            result = UserRun.run(progs, opt, sources, diags);
        } catch (CompileError e) {
            DiagnosticRenderer render = new DiagnosticRenderer(sources);
            for (Diagnostic d : diags) {
                err.print(render.render(d));
            }
            err.print(render.render(e));
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("spinlab run: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        DiagnosticRenderer render = new DiagnosticRenderer(result.sources());
        for (Diagnostic d : result.diagnostics()) {
            err.print(render.render(d));
        }
        int status = result.fault() != null || result.stuck() ? ExitCodes.FINDINGS
                : result.boundReached() ? ExitCodes.BOUND : ExitCodes.CLEAN;
        if (format.equals("json")) {
            out.println(json(result));
        } else {
            text(result, out);
        }
        return status;
    }

    private static void text(UserRun.Result r, PrintWriter out) {
        boolean many = r.processes().size() > 1;
        if (!many) {
            out.print(new String(r.processes().get(0).output(), StandardCharsets.UTF_8));
        } else {
            StringBuilder[] pending = new StringBuilder[r.processes().size()];
            for (UserRun.Transcript t : r.transcript()) {
                StringBuilder sb = pending[t.process()] == null ? (pending[t.process()] = new StringBuilder())
                        : pending[t.process()];
                sb.append(new String(t.bytes(), StandardCharsets.UTF_8));
                int nl;
                while ((nl = sb.indexOf("\n")) >= 0) {
                    out.println(r.processes().get(t.process()).name() + ": " + sb.substring(0, nl));
                    sb.delete(0, nl + 1);
                }
            }
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] != null && pending[i].length() > 0) {
                    out.println(r.processes().get(i).name() + ": " + pending[i]);
                }
            }
        }
        if (r.fault() != null) {
            String name = nameOf(r, r.fault().contextId());
            out.print(FaultReport.render(r.fault(), name));
        }
        for (UserRun.ProcessResult p : r.processes()) {
            if (p.status() == ExecContext.Status.EXITED) {
                out.println("spinlab: " + p.name() + " exited with status " + (p.exitCode() & 0xff));
            } else if (p.status() == ExecContext.Status.FAULTED) {
                out.println("spinlab: " + p.name() + " stopped by a fault");
            } else {
                out.println("spinlab: " + p.name() + " did not finish");
            }
        }
        if (r.stuck()) {
            out.println("spinlab: stuck: every running CPU waits in wfe and no CPU is left to send an event");
        }
        if (r.boundReached()) {
            out.println("spinlab: bound reached: --max-steps " + r.steps() + " steps");
        }
    }

    private static String nameOf(UserRun.Result r, int contextId) {
        for (UserRun.ProcessResult p : r.processes()) {
            if (p.contextId() == contextId) {
                return p.name();
            }
        }
        return "?";
    }

    private static String json(UserRun.Result r) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("steps", r.steps());
        root.put("boundReached", r.boundReached());
        root.put("stuck", r.stuck());
        ArrayNode procs = root.putArray("processes");
        for (UserRun.ProcessResult p : r.processes()) {
            ObjectNode o = procs.addObject();
            o.put("name", p.name());
            o.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT));
            o.put("exitCode", p.exitCode() & 0xff);
            o.put("output", new String(p.output(), StandardCharsets.UTF_8));
        }
        ArrayNode findings = root.putArray("findings");
        if (r.fault() != null) {
            Fault f = r.fault();
            ObjectNode o = findings.addObject();
            o.put("kind", "fault:" + f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            o.put("cpu", f.cpu());
            o.put("task", nameOf(r, f.contextId()));
            o.put("message", f.message() != null ? f.message() : f.kind().title);
            o.put("location", f.loc().toString());
            ArrayNode st = o.putArray("stack");
            for (StackEntry e : f.stack()) {
                ObjectNode s = st.addObject();
                s.put("function", e.function());
                s.put("file", e.loc().file());
                s.put("line", e.loc().line());
                s.put("column", e.loc().col());
            }
        }
        try {
            return m.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
