package dev.spinlab.cli;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.DiagnosticRenderer;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.MacroArg;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kc.rt.UserRun;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.lockdep.LockdepMode;
import dev.spinlab.report.BareRunReport;
import dev.spinlab.report.KernelReport;
import dev.spinlab.report.SarifReport;
import dev.spinlab.report.SarifSources;
import dev.spinlab.report.html.HtmlReport;
import dev.spinlab.report.html.RunRecorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spinlab run}: boot the model kernel, load modules, run user programs, print the log.
 * The system to boot comes from {@link SystemOptions} (shared with check); the options below
 * are run's own: the clock, the seed, the start interval, lockdep, probes and the bare machine.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Boot the model kernel on simulated CPUs, load kernel modules (C files with"
                + " module_init) in order, start user programs (C files with main) as processes, and"
                + " print the kernel log (dmesg format) with the programs' output interleaved.", "",
                "A program argument is one word [NAME:]PROGRAM [ARGS...] (quote it): a:test.c,"
                + " 'ping -c 1 127.0.0.1' (built in). NAME names the process; the words are argv."
                + " A scenario directory with a spinlab.yaml may be given instead of files.", ""},
        footer = {"", ExitCodes.HELP, ""})
public class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SystemOptions system;

    @Mixin
    OutputFormat format;

    @Mixin
    FixOptions fix;

    @Mixin
    HtmlOption html;

    @Option(names = "--seed", paramLabel = "N", order = 40,
            description = "Seed of the scheduling choices (default: 1).")
    Long seed;

    @Option(names = "--max-time", paramLabel = "SECONDS", order = 41,
            description = "Bound on simulated time (default: 60).")
    Double maxTime;

    @Option(names = "--max-steps", paramLabel = "N", order = 42,
            description = "Bound on visible steps (default: 200000000).")
    Long maxSteps;

    @Option(names = "--start-interval", paramLabel = "SECONDS", order = 43,
            description = "Simulated time between the starts of successive programs (default: 5),"
                    + " so a second program starts while the first sleeps.")
    Double startInterval;

    @Mixin
    LockdepOptions lockdep;

    @Option(names = "--probe", paramLabel = "FUNCTION", order = 52,
            description = "Dump the stack (dump_stack format) every time the kernel function FUNCTION is"
                    + " entered, as a systemtap/kprobe probe would. Repeatable.")
    List<String> probes;

    @Option(names = "--no-kernel", order = 53,
            description = "Run user programs on the bare machine with the C library only (no model kernel;"
                    + " one program per CPU). For checking plain C.")
    boolean noKernel;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceMap sources = new SourceMap();
        List<Diagnostic> diags = new ArrayList<>();
        try {
            SystemOptions.Inputs in = inputs();
            html.checkWritable();
            if (noKernel) {
                if (html.any()) {
                    throw new IllegalArgumentException("--html draws the kernel's CPUs, contexts and locks; --no-kernel"
                            + " runs no kernel");
                }
                if (fix.any()) {
                    throw new IllegalArgumentException("--fix-advice and --verify-fix are about the kernel's lock findings;"
                            + " --no-kernel runs no kernel");
                }
                if (format.sarif()) {
                    throw new IllegalArgumentException("--format sarif reports the kernel's findings; --no-kernel"
                            + " runs no kernel (use text or json)");
                }
                return bare(in, out, err, sources, diags);
            }
            Kernel k = boot(in, sources, diags);
            KernelConfig cfg = k.config();
            printDiagnostics(err, sources, diags);
            Simulation sim = new Simulation(k);
            RunRecorder recorder = html.any() ? new RunRecorder(k, sources) : null;
            if (recorder != null) {
                sim.record(recorder);
            }
            Simulation.Result r = sim.run();
            // findings win over a bound reached after them: the same rule as check's (ExitCodes.HELP)
            boolean bound = r.end() == Simulation.End.TIME_BOUND || r.end() == Simulation.End.STEP_BOUND;
            int code = !k.findings().isEmpty() || r.oops() != null ? ExitCodes.FINDINGS
                    : bound ? ExitCodes.BOUND : ExitCodes.CLEAN;
            if (recorder != null) {
                HtmlReport.write(html.file, recorder.page(cfg, r, OutputFormat.arguments(spec),
                        KernelReport.summary(k, cfg, r)));
            }
            String rendered = format.sarif()
                    ? SarifReport.run(k, cfg, r, new SarifSources(Path.of("")), OutputFormat.arguments(spec), code)
                    : format.json() ? KernelReport.json(k, cfg, r) : KernelReport.text(k, cfg, r);
            FixVerifier.output(out, format, rendered, fix, () -> {
                List<String> args = OutputFormat.arguments(spec);
                return new FixVerifier.Command("run", FixVerifier.rerunArgs(args.subList(1, args.size())),
                        system.inputs, in);
            }, k.findings());
            return code;
        } catch (CompileError e) {
            printDiagnostics(err, sources, diags);
            err.print(new DiagnosticRenderer(sources).render(e));
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("spinlab run: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    SystemOptions.Inputs inputs() {
        return system.resolve(new SystemOptions.RunOnly(seed, maxTime, startInterval, maxSteps, probes,
                lockdep.noLockdep, lockdep.lockdepAll));
    }

    /** The kernel this run boots (compiled and loaded, not yet started), unloading its modules at the end. */
    static Kernel boot(SystemOptions.Inputs in, SourceMap sources, List<Diagnostic> diags) {
        KernelConfig cfg = new KernelConfig(in.cpus, PreemptModel.parse(in.preempt), in.seed,
                (long) (in.maxTime * 1e9), (long) (in.startInterval * 1000), in.maxSteps, in.pp, in.irqs,
                in.lockdep, in.rx, in.probes);
        Kernel k = Kernel.bootModules(cfg, in.modules, in.programs, sources, diags);
        k.unloadModulesAtEnd();
        return k;
    }

    static void printDiagnostics(PrintWriter err, SourceMap sources, List<Diagnostic> diags) {
        DiagnosticRenderer r = new DiagnosticRenderer(sources);
        for (Diagnostic d : diags) {
            err.print(r.render(d));
        }
        diags.clear();
    }

    private int bare(SystemOptions.Inputs in, PrintWriter out, PrintWriter err, SourceMap sources, List<Diagnostic> diags) {
        if (!in.modules.isEmpty()) {
            throw new IllegalArgumentException("--no-kernel runs user programs only; "
                    + in.modules.get(0) + " is a kernel module");
        }
        List<UserRun.Program> progs = new ArrayList<>();
        for (Kernel.Program p : in.programs) {
            progs.add(new UserRun.Program(p.name(), p.sources()));
        }
        UserRun.Result result = UserRun.run(progs, new UserRun.Options(in.cpus, in.seed, in.maxSteps, in.pp),
                sources, diags);
        printDiagnostics(err, sources, diags);
        out.print(format.json() ? BareRunReport.json(result) + "\n" : BareRunReport.text(result));
        return result.fault() != null || result.stuck() ? ExitCodes.FINDINGS
                : result.boundReached() ? ExitCodes.BOUND : ExitCodes.CLEAN;
    }
}
