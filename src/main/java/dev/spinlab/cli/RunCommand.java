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

/** {@code spinlab run}: boot the model kernel, load modules, run user programs, print the log. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Boot the model kernel on simulated CPUs, load kernel modules (C files with",
                "module_init) in order, start user programs (C files with main) as processes, and",
                "print the kernel log (dmesg format) with the programs' output interleaved.",
                "A program argument is one word [NAME:]PROGRAM [ARGS...] (quote it): a:test.c,",
                "'ping -c 1 127.0.0.1' (built in). NAME names the process; the words are argv.",
                "A scenario directory with a spinlab.yaml may be given instead of files."},
        footer = {"", "Exit status: 0 no findings, 1 the kernel reported a BUG, WARNING, lockup or oops,",
                "2 bad input, 3 a bound (--max-time, --max-steps) was reached, 70 internal error.", ""})
public class RunCommand implements Callable<Integer> {
    private static final Pattern MODULE_INIT = Pattern.compile("\\bmodule_init\\s*\\(");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    PreprocessorMixin pp;

    @Parameters(paramLabel = "FILE|NAME:PROGRAM|DIR", arity = "1..*",
            description = "Kernel modules, user programs ([NAME:]FILE.c), or one scenario directory.")
    List<String> inputs;

    @Option(names = "--cpus", description = "Number of simulated CPUs, 1-8 (default: 2).")
    Integer cpus;

    @Option(names = "--preempt", description = "Preemption model: none, voluntary or full (default: voluntary).")
    String preempt;

    @Option(names = "--seed", description = "Seed of the scheduling choices (default: 1).")
    Long seed;

    @Option(names = "--max-time", paramLabel = "SECONDS", description = "Bound on simulated time (default: 60).")
    Double maxTime;

    @Option(names = "--start-interval", paramLabel = "SECONDS",
            description = "Simulated time between the starts of successive programs (default: 5),"
                    + " so a second program starts while the first sleeps.")
    Double startInterval;

    @Option(names = "--max-steps", description = "Bound on visible steps (default: 200000000).")
    Long maxSteps;

    @Option(names = "--irq", paramLabel = "N[:COUNT]",
            description = "A model device raising irq line N COUNT times (default 1) at arbitrary moments,"
                    + " for drivers that request_irq(N, ...). Repeatable.")
    List<String> irqs;

    @Option(names = "--no-lockdep", description = "Run without lockdep, the lock validator (CONFIG_PROVE_LOCKING off).")
    boolean noLockdep;

    @Option(names = "--lockdep-all",
            description = "Keep lockdep on after its first report and report every distinct problem"
                    + " (the kernel turns lockdep off at its first report).")
    boolean lockdepAll;

    @Option(names = "--rx", paramLabel = "N",
            description = "eth0 (10.0.0.1) receives N ICMP echo requests from 10.0.0.2 at arbitrary moments"
                    + " (default 0); its irq is 19, and the replies leave through eth0.")
    Integer rx;

    @Option(names = "--probe", paramLabel = "FUNCTION",
            description = "Dump the stack (dump_stack format) every time the kernel function FUNCTION is"
                    + " entered, as a systemtap/kprobe probe would. Repeatable.")
    List<String> probes;

    @Option(names = "--format", defaultValue = "text", description = "Output: text or json (default: text).")
    String format;

    @Option(names = "--no-kernel",
            description = "Run user programs on the bare machine with the C library only (no model kernel;"
                    + " one program per CPU). For checking plain C.")
    boolean noKernel;

    /**
     * Where relative paths of the inputs and -I resolve; null for the working directory.
     * Set by replay, which boots a stored check invocation from wherever it is run (Java cannot
     * change its working directory).
     */
    Path workDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("spinlab run: unknown --format '" + format + "' (use text or json)");
            return ExitCodes.BAD_INPUT;
        }
        SourceMap sources = new SourceMap();
        List<Diagnostic> diags = new ArrayList<>();
        try {
            Inputs in = resolveInputs();
            if (noKernel) {
                return bare(in, out, err, sources, diags);
            }
            KernelConfig cfg = new KernelConfig(in.cpus, PreemptModel.parse(in.preempt), in.seed,
                    (long) (in.maxTime * 1e9), (long) (in.startInterval * 1000), in.maxSteps, in.pp, in.irqs,
                    in.lockdep, in.rx, in.probes);
            Kernel k = Kernel.bootModules(cfg, in.modules, in.programs, sources, diags);
            printDiagnostics(err, sources, diags);
            k.unloadModulesAtEnd();
            Simulation.Result r = new Simulation(k).run();
            out.print(format.equals("json") ? KernelReport.json(k, cfg, r) + "\n" : KernelReport.text(k, cfg, r));
            if (r.end() == Simulation.End.TIME_BOUND || r.end() == Simulation.End.STEP_BOUND) {
                return ExitCodes.BOUND;
            }
            return k.findings().isEmpty() && r.oops() == null ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
        } catch (CompileError e) {
            printDiagnostics(err, sources, diags);
            err.print(new DiagnosticRenderer(sources).render(e));
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("spinlab run: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    static void printDiagnostics(PrintWriter err, SourceMap sources, List<Diagnostic> diags) {
        DiagnosticRenderer r = new DiagnosticRenderer(sources);
        for (Diagnostic d : diags) {
            err.print(r.render(d));
        }
        diags.clear();
    }

    /** Everything a run needs, from flags, then the manifest, then defaults. */
    static final class Inputs {
        final List<dev.spinlab.kernel.ModuleSource> modules = new ArrayList<>();
        final List<Kernel.Program> programs = new ArrayList<>();
        int cpus;
        String preempt;
        long seed;
        double maxTime;
        double startInterval;
        long maxSteps;
        PreprocessorOptions pp;
        final List<KernelConfig.IrqDevice> irqs = new ArrayList<>();
        LockdepMode lockdep;
        int rx;
        final List<String> probes = new ArrayList<>();
    }

    Inputs resolveInputs() {
        Inputs in = new Inputs();
        Manifest m = Manifest.empty();
        Path base = null;
        List<String> words = inputs;
        if (inputs.size() == 1 && Files.isDirectory(path(inputs.get(0)))
                && Files.isRegularFile(path(inputs.get(0)).resolve(Manifest.FILE))) {
            base = path(inputs.get(0));
            m = Manifest.load(base);
            words = new ArrayList<>(Manifest.orEmpty(m.modules()));
            words.addAll(Manifest.orEmpty(m.programs()));
            if (words.isEmpty()) {
                throw new IllegalArgumentException(base.resolve(Manifest.FILE) + ": no modules or programs");
            }
        }
        for (String w : words) {
            ProgramArg pa = ProgramArg.parse(w);
            if (pa.isBuiltin()) {
                in.programs.add(Kernel.Program.builtin(pa.name(), pa.argv()));
                continue;
            }
            Path p = base != null ? base.resolve(pa.program()) : path(pa.program());
            boolean named = w.trim().split("\\s+")[0].indexOf(':') > 0;
            if (!named && Files.isDirectory(p)) {
                addKbuildModules(in, p, pa.args());
                continue;
            }
            if (!pa.isCFile()) {
                throw new IllegalArgumentException("'" + pa.program() + "': no such built-in program"
                        + " (built-ins: " + String.join(", ", Kernel.Program.BUILTINS.keySet())
                        + "; or give a C file with main() or module_init())");
            }
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + ": No such file");
            }
            if (!named && isModule(p)) {
                in.modules.add(dev.spinlab.kernel.ModuleSource.of(p, pa.args()));
            } else {
                in.programs.add(new Kernel.Program(pa.name(), List.of(p), pa.argv(), null));
            }
        }
        in.cpus = cpus != null ? cpus : m.cpus() != null ? m.cpus() : 2;
        in.preempt = preempt != null ? preempt : m.preempt() != null ? m.preempt() : "voluntary";
        in.seed = seed != null ? seed : m.seed() != null ? m.seed() : 1;
        in.maxTime = maxTime != null ? maxTime : m.maxTime() != null ? m.maxTime() : 60;
        in.startInterval = startInterval != null ? startInterval : m.startInterval() != null ? m.startInterval() : 5;
        in.maxSteps = maxSteps != null ? maxSteps : m.maxSteps() != null ? m.maxSteps() : 200_000_000L;
        if (in.cpus < 1 || in.cpus > KernelConfig.MAX_CPUS) {
            throw new IllegalArgumentException("--cpus must be between 1 and " + KernelConfig.MAX_CPUS + ", got " + in.cpus);
        }
        if (in.maxTime <= 0 || in.startInterval < 0) {
            throw new IllegalArgumentException("--max-time must be positive and --start-interval not negative");
        }
        String ld = noLockdep ? "off" : lockdepAll ? "all" : m.lockdep() != null ? m.lockdep() : "on";
        switch (ld) {
            case "on", "true": in.lockdep = LockdepMode.FIRST; break; // YAML 1.1 reads on/off as booleans
            case "off", "false": in.lockdep = LockdepMode.OFF; break;
            case "all": in.lockdep = LockdepMode.ALL; break;
            default: throw new IllegalArgumentException("lockdep: expected on, off or all, got '" + ld + "'");
        }
        if (noLockdep && lockdepAll) {
            throw new IllegalArgumentException("--no-lockdep and --lockdep-all exclude each other");
        }
        for (String spec : irqs != null ? irqs : Manifest.orEmpty(m.irq())) {
            in.irqs.add(KernelConfig.IrqDevice.parse(spec));
        }
        in.rx = rx != null ? rx : m.rx() != null ? m.rx() : 0;
        if (in.rx < 0) {
            throw new IllegalArgumentException("--rx must not be negative, got " + in.rx);
        }
        in.probes.addAll(probes != null ? probes : Manifest.orEmpty(m.probe()));
        PreprocessorOptions cli = pp.options();
        List<MacroArg> macros = new ArrayList<>();
        for (String d : Manifest.orEmpty(m.defines())) {
            macros.add(MacroArg.parseDefine(d));
        }
        for (String u : Manifest.orEmpty(m.undefines())) {
            macros.add(MacroArg.undefine(u));
        }
        macros.addAll(cli.commandLineMacros());
        List<Path> incs = new ArrayList<>();
        for (String i : Manifest.orEmpty(m.include())) {
            incs.add(base != null ? base.resolve(i) : Path.of(i));
        }
        for (Path i : cli.includeDirs()) {
            incs.add(workDir != null ? workDir.resolve(i) : i);
        }
        in.pp = new PreprocessorOptions(incs, macros);
        return in;
    }

    private Path path(String p) {
        return workDir != null ? workDir.resolve(p) : Path.of(p);
    }

    /**
     * A directory given as a module: the modules its Kbuild file or Makefile builds (obj-m),
     * each from its NAME-objs files; parameters go to its only module.
     */
    private static void addKbuildModules(Inputs in, Path dir, List<String> args) {
        if (!dev.spinlab.kernel.Kbuild.isModuleDir(dir)) {
            throw new IllegalArgumentException(dir + ": a directory given as a module needs a Kbuild file or a Makefile"
                    + " with obj-m := NAME.o (or a " + Manifest.FILE + " to be a scenario)");
        }
        List<dev.spinlab.kernel.Kbuild.Module> mods = dev.spinlab.kernel.Kbuild.read(dir);
        if (!args.isEmpty() && mods.size() > 1) {
            throw new IllegalArgumentException(dir + " builds " + mods.size() + " modules; parameters "
                    + String.join(" ", args) + " would be ambiguous");
        }
        for (dev.spinlab.kernel.Kbuild.Module m : mods) {
            in.modules.add(new dev.spinlab.kernel.ModuleSource(m.name(), m.files(), args, m.ccflags()));
        }
    }

    private static boolean isModule(Path p) {
        try {
            return MODULE_INIT.matcher(Files.readString(p)).find();
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage());
        }
    }

    private int bare(Inputs in, PrintWriter out, PrintWriter err, SourceMap sources, List<Diagnostic> diags) {
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
        out.print(format.equals("json") ? BareRunReport.json(result) + "\n" : BareRunReport.text(result));
        return result.fault() != null || result.stuck() ? ExitCodes.FINDINGS
                : result.boundReached() ? ExitCodes.BOUND : ExitCodes.CLEAN;
    }
}
