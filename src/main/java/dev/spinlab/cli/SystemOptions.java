package dev.spinlab.cli;

import dev.spinlab.kc.pp.MacroArg;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.lockdep.LockdepMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What system to boot, shared by run and check (a picocli mixin): the inputs (modules,
 * programs or a scenario directory), the preprocessor's -D/-U/-I, the CPUs, the preemption
 * model and the devices. {@link #resolve} merges them with the scenario's spinlab.yaml and the
 * defaults; the options only {@code run} has come in as {@link RunOnly}.
 */
public final class SystemOptions {
    /**
     * A file that registers a module: module_init() or one of the kernel's one-line module
     * macros that expand to it (module_driver, module_platform_driver, module_misc_device, ...),
     * or an initcall level, which in a module is module_init() (subsys_initcall, ...).
     */
    private static final Pattern MODULE_INIT = Pattern.compile("\\bmodule_(init|driver|misc_device|[a-z0-9]+_driver)\\s*\\("
            + "|\\b(early|pure|core|postcore|arch|subsys|fs|rootfs|device|late|console)_initcall(_sync)?\\s*\\(");

    @Mixin
    PreprocessorMixin pp;

    @Parameters(paramLabel = "FILE|NAME:PROGRAM|DIR", arity = "1..*",
            description = "Kernel modules, user programs ([NAME:]FILE.c), or one scenario directory.")
    List<String> inputs;

    @Option(names = "--cpus", paramLabel = "N", order = 10,
            description = "Number of simulated CPUs, 1-" + KernelConfig.MAX_CPUS + " (default: 2).")
    Integer cpus;

    @Option(names = "--preempt", paramLabel = "MODEL", order = 11,
            description = "Preemption model: none, voluntary, full or rt (PREEMPT_RT; default: voluntary).")
    String preempt;

    @Option(names = "--irq", paramLabel = "N[:COUNT]", order = 20,
            description = "A model device raising irq line N COUNT times (default 1) at arbitrary moments,"
                    + " for drivers that request_irq(N, ...). Repeatable.")
    List<String> irqs;

    @Option(names = "--rx", paramLabel = "N", order = 21,
            description = "eth0 (10.0.0.1) receives N ICMP echo requests from 10.0.0.2 at arbitrary moments"
                    + " (default 0); its irq is 19, and the replies leave through eth0.")
    Integer rx;

    /**
     * Where relative paths of the inputs and -I resolve; null for the working directory.
     * Set by replay, which boots a stored check invocation from wherever it is run (Java cannot
     * change its working directory).
     */
    Path workDir;

    /** run's own options and the lockdep flags, as given (null: not given); check gives only the latter. */
    record RunOnly(Long seed, Double maxTime, Double startInterval, Long maxSteps, List<String> probes,
                   boolean noLockdep, boolean lockdepAll) {
        static RunOnly check(boolean noLockdep, boolean lockdepAll) {
            return new RunOnly(null, null, null, null, null, noLockdep, lockdepAll);
        }
    }

    /** Everything a boot needs, from flags, then the manifest, then defaults. */
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

    Inputs resolve(RunOnly run) {
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
            // a word naming an existing file is that file, spaces and all (my driver.c)
            Path whole = base != null ? base.resolve(w) : path(w);
            ProgramArg pa = w.contains(" ") && Files.isRegularFile(whole) ? ProgramArg.ofPath(w) : ProgramArg.parse(w);
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
            String text = named ? null : read(p);
            if (!named && MODULE_INIT.matcher(text).find()) {
                in.modules.add(dev.spinlab.kernel.ModuleSource.of(p, pa.args()));
            } else if (!named && isModulePart(text)) {
                throw new IllegalArgumentException(p + ": kernel code with no module_init() and no main():"
                        + " if it is one file of a module, put the module's files in a directory with a Kbuild"
                        + " file ('obj-m := NAME.o' and 'NAME-objs := a.o b.o') and give the directory;"
                        + " each file given on its own is a module or a program of its own");
            } else {
                in.programs.add(new Kernel.Program(pa.name(), List.of(p), pa.argv(), null));
            }
        }
        in.cpus = cpus != null ? cpus : m.cpus() != null ? m.cpus() : 2;
        in.preempt = preempt != null ? preempt : m.preempt() != null ? m.preempt() : "voluntary";
        in.seed = run.seed() != null ? run.seed() : m.seed() != null ? m.seed() : 1;
        in.maxTime = run.maxTime() != null ? run.maxTime() : m.maxTime() != null ? m.maxTime() : 60;
        in.startInterval = run.startInterval() != null ? run.startInterval()
                : m.startInterval() != null ? m.startInterval() : 5;
        in.maxSteps = run.maxSteps() != null ? run.maxSteps() : m.maxSteps() != null ? m.maxSteps() : 200_000_000L;
        if (in.cpus < 1 || in.cpus > KernelConfig.MAX_CPUS) {
            throw new IllegalArgumentException("--cpus must be between 1 and " + KernelConfig.MAX_CPUS + ", got " + in.cpus);
        }
        if (!(in.maxTime > 0) || Double.isInfinite(in.maxTime)) {
            throw new IllegalArgumentException("--max-time must be a positive number of seconds, got " + in.maxTime);
        }
        if (!(in.startInterval >= 0) || Double.isInfinite(in.startInterval)) {
            throw new IllegalArgumentException("--start-interval must be a number of seconds >= 0, got "
                    + in.startInterval);
        }
        if (in.maxSteps < 1) {
            throw new IllegalArgumentException("--max-steps must be at least 1, got " + in.maxSteps);
        }
        String ld = run.noLockdep() ? "off" : run.lockdepAll() ? "all" : m.lockdep() != null ? m.lockdep() : "on";
        switch (ld) {
            case "on", "true": in.lockdep = LockdepMode.FIRST; break; // YAML 1.1 reads on/off as booleans
            case "off", "false": in.lockdep = LockdepMode.OFF; break;
            case "all": in.lockdep = LockdepMode.ALL; break;
            default: throw new IllegalArgumentException("lockdep: expected on, off or all, got '" + ld + "'");
        }
        if (run.noLockdep() && run.lockdepAll()) {
            throw new IllegalArgumentException("--no-lockdep and --lockdep-all exclude each other");
        }
        for (String spec : irqs != null ? irqs : Manifest.orEmpty(m.irq())) {
            in.irqs.add(KernelConfig.IrqDevice.parse(spec));
        }
        in.rx = rx != null ? rx : m.rx() != null ? m.rx() : 0;
        if (in.rx < 0) {
            throw new IllegalArgumentException("--rx must not be negative, got " + in.rx);
        }
        in.probes.addAll(run.probes() != null ? run.probes() : Manifest.orEmpty(m.probe()));
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

    /** Kernel code (it includes the kernel's headers) that neither registers a module nor has a main(). */
    private static boolean isModulePart(String text) {
        return KERNEL_INCLUDE.matcher(text).find() && !MAIN.matcher(text).find();
    }

    private static final Pattern KERNEL_INCLUDE = Pattern.compile("#\\s*include\\s*<(linux|asm|net)/");
    private static final Pattern MAIN = Pattern.compile("\\bmain\\s*\\(");

    /** A C file's text, bytes as Latin-1 (only ASCII patterns are looked for in it). */
    private static String read(Path p) {
        try {
            return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage());
        }
    }
}
