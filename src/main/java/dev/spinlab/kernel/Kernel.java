package dev.spinlab.kernel;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.GlobalVar;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.rt.Heap;
import dev.spinlab.kc.rt.Libc;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.PointerType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.machine.ArchIntrinsics;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.Intrinsic;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.Memory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * Implementation notes.
 *
 * The model kernel as loaded into a machine: the kernel's C sources and the user's modules
 * linked into one kernel image, each user program linked with the user-space libc into its
 * own image whose only way into the kernel is the syscall gate (do_syscall_64), and the idle
 * task of every CPU made ready to run start_kernel() (CPU 0) or secondary_start_kernel().
 * Everything the kernel does after that is its C code; this class only holds what the C
 * code's intrinsics need from the Java side (the log, findings, symbols, processes).
 */
public final class Kernel {
    public static final long KERNEL_STACK = 16 * 1024;
    /** Programs one run starts: the length of spinlab_programs[] in init/main.c. */
    public static final int MAX_PROGRAMS = 32;
    /** Bytes of output kept per process; the rest is counted and noted once (issue 18). */
    public static final long OUTPUT_MAX = 1L << 20;
    /**
     * Bytes of printk text kept: the kernel's log_buf_len (CONFIG_LOG_BUF_SHIFT=17). Linux
     * overwrites the oldest records and the reader prints "** N printk messages dropped **";
     * the model keeps the first half (boot and the first report stay) and, as a ring, the
     * newest records after it (how the run ended stays: a printk flood's soft lockup), dropping
     * the oldest of those, with the same note where the gap is.
     */
    public static final long LOG_BUF_LEN = 1L << 17;
    private long logBytes;
    private long printkDropped;
    /** Index in the log where the kept first half ends (-1: not reached yet); the gap is here. */
    private int logHeadEnd = -1;

    /**
     * A user program to start: process name, sources (or a built-in program's resource) and
     * argv (argv[0] first).
     */
    public record Program(String name, List<Path> sources, List<String> argv, String builtin) {
        public Program(String name, List<Path> sources) {
            this(name, sources, List.of(name), null);
        }

        /** The built-in programs, shipped as C resources: name to resource. */
        public static final Map<String, String> BUILTINS = Map.of("ping", "usr/bin/ping.c", "rmmod",
                "usr/sbin/rmmod.c");

        public static Program builtin(String name, List<String> argv) {
            String res = BUILTINS.get(argv.get(0));
            if (res == null) {
                throw new IllegalArgumentException("'" + argv.get(0) + "': no such built-in program");
            }
            return new Program(name, List.of(), argv, res);
        }
    }

    /** One entry of a probed function: where and in which context. */
    public record ProbeHit(String function, int cpu, String task, int pid, int preemptCount, long timeNs,
                           List<StackEntry> stack) {}

    /** A user process as the run sees it. */
    public static final class Process {
        public final String name;
        public final long task;
        public boolean exited;
        public long exitCode;
        public int pid;
        /** Made by fork() rather than started by init. */
        public boolean forked;
        /** Started from the console at the end of a run (the rmmod that unloads the modules). */
        public boolean tool;
        /** The signal that killed it (11 for a segmentation fault), or 0. */
        public int killedBySignal;
        final StringBuilder pending = new StringBuilder();
        /** Bytes of output kept, and dropped past {@link #OUTPUT_MAX}. */
        long written;
        long dropped;

        Process(String name, long task) {
            this.name = name;
            this.task = task;
        }
    }

    final KernelConfig config;
    final MachineState state;
    final CodeSpace code = new CodeSpace();
    final Interpreter interp;
    final SourceMap sources;
    final List<Diagnostic> diagnostics;
    final List<Diagnostic> kernelDiagnostics = new ArrayList<>();
    private final Map<Path, TranslationUnit> compiled = new HashMap<>();
    final Symbolizer symbols = new Symbolizer();
    final Set<String> userFiles = new HashSet<>();
    final List<String> modules = new ArrayList<>();
    final List<LogRecord> log = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    /**
     * What the kernel said or noticed so far, as counts that only grow: the log's records
     * added, printk records dropped, program output, findings and clock reads (local_clock).
     * Simulation compares them around a step to tell a busy-wait's round, which changes none
     * of them, from a step that did something (see Simulation's spin skip).
     */
    long outputEvents;
    long clockReads;
    /**
     * Per CPU: the clock value its delay (ndelay's __spinlab_delay_until) waits for, 0 when
     * it is in none: when run wakes it or moves the clock to (Simulation).
     */
    final long[] delayUntil;
    /** The run's output bookkeeping per user task (names, unfinished output lines); not state. */
    final Map<Long, Process> processes = new LinkedHashMap<>();
    final List<String> programNames = new ArrayList<>();
    final Map<String, Long> kernelSymbols = new HashMap<>();
    /** Every kernel and module global (statics too; the first of a name wins) with its C type. */
    private final Map<String, dev.spinlab.kc.type.CType> kernelGlobalTypes = new HashMap<>();
    private final Map<String, Long> kernelGlobalAddresses = new HashMap<>();
    final List<ProbeHit> probeHits = new ArrayList<>();
    CStruct task;
    boolean quiet;
    String oops;
    final int[] idleContext;
    final KernelIntrinsics intrinsics;
    final LockdepBridge lockdepHost;
    /** The lock validator: this kernel's own, or one shared with other kernels (useLockdepOf). */
    dev.spinlab.lockdep.Lockdep lockdep;
    /** The tasks' lockdep state the next steps change (a model checker sets each path's). */
    dev.spinlab.lockdep.Lockdep.Tasks lockdepTasks = new dev.spinlab.lockdep.Lockdep.Tasks();
    /** While set, the lockdep hooks do nothing (a checker's trial runs, see KernelModel.withoutTrace). */
    boolean lockdepSuspended;

    private Kernel(KernelConfig config, SourceMap sources, List<Diagnostic> diagnostics) {
        this.config = config;
        this.sources = sources;
        this.diagnostics = diagnostics;
        this.state = new MachineState(config.cpus());
        this.delayUntil = new long[config.cpus()];
        java.util.Arrays.fill(state.irqEnabled, 0); // CPUs come up with interrupts masked
        // the devices' budgets: each --irq line's raises, then eth0's echo requests (--rx)
        int devices = config.irqs().size() + (config.rxPackets() > 0 ? 1 : 0);
        state.deviceEvents = new int[devices];
        for (int i = 0; i < config.irqs().size(); i++) {
            // a doorbell device's budget waits, negated, until its driver rings it (MachineState.deviceEvents)
            KernelConfig.IrqDevice d = config.irqs().get(i);
            state.deviceEvents[i] = d.doorbell() ? -d.count() : d.count();
        }
        if (config.rxPackets() > 0) {
            state.deviceEvents[devices - 1] = config.rxPackets();
        }
        this.interp = new Interpreter(code, this::userOutput);
        this.idleContext = new int[config.cpus()];
        this.lockdepHost = new LockdepBridge(this);
        this.lockdep = new dev.spinlab.lockdep.Lockdep(config.lockdep(), lockdepHost);
        this.intrinsics = new KernelIntrinsics(this);
    }

    /** Compiles and links everything and prepares the boot; throws CompileError for bad input. */
    /** The context of CPU cpu's idle task (swapper/N), what the CPU runs when nothing else can. */
    public int idleContext(int cpu) {
        return idleContext[cpu];
    }

    public static Kernel boot(KernelConfig config, List<Path> moduleFiles, List<Program> programs,
                              SourceMap sources, List<Diagnostic> diagnostics) {
        return bootModules(config, moduleFiles.stream().map(ModuleSource::of).toList(), programs, sources,
                diagnostics);
    }

    /** As boot, with modules of several files and insmod parameters. */
    public static Kernel bootModules(KernelConfig config, List<ModuleSource> modules, List<Program> programs,
                                     SourceMap sources, List<Diagnostic> diagnostics) {
        if (programs.size() > MAX_PROGRAMS) {
            throw new IllegalArgumentException(programs.size() + " programs given; the model's init starts at most "
                    + MAX_PROGRAMS + " (spinlab_programs[] in init/main.c): fork() from a program for more processes");
        }
        Kernel k = new Kernel(config, sources, diagnostics);
        k.load(modules, programs);
        return k;
    }

    /** Names of the kernel's code and data addresses. */
    public Symbolizer symbolizer() {
        return symbols;
    }

    public KernelConfig config() {
        return config;
    }

    public MachineState state() {
        return state;
    }

    public Interpreter interpreter() {
        return interp;
    }

    /** Warnings from compiling the model kernel itself: none, or spinlab has a bug. */
    public List<Diagnostic> kernelDiagnostics() {
        return kernelDiagnostics;
    }

    public List<LogRecord> log() {
        return log;
    }

    /** The lock validator observing this kernel. */
    public dev.spinlab.lockdep.Lockdep lockdep() {
        return lockdep;
    }

    /**
     * Validates with other's lockdep from now on: the worker kernels of a multi-threaded search
     * share one dependency graph (calls synchronise on it), so that every edge any worker
     * finds counts for all.
     */
    public void useLockdepOf(Kernel other) {
        this.lockdep = other.lockdep;
    }

    /** The tasks' lockdep state (held locks) the kernel's next steps start from and change. */
    public dev.spinlab.lockdep.Lockdep.Tasks lockdepTasks() {
        return lockdepTasks;
    }

    public void setLockdepTasks(dev.spinlab.lockdep.Lockdep.Tasks tasks) {
        this.lockdepTasks = tasks;
    }

    /** Suspends (true) or resumes the lockdep hooks. */
    public void suspendLockdep(boolean suspend) {
        lockdepSuspended = suspend;
    }

    public boolean lockdepSuspended() {
        return lockdepSuspended;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** Every entry of a --probe function, in order. */
    public List<ProbeHit> probeHits() {
        return probeHits;
    }

    public Map<Long, Process> processes() {
        return processes;
    }

    /** Address of a kernel function or exported object. */
    public long symbolAddress(String name) {
        return global(name);
    }

    /**
     * When set, printk and process output are not kept (a model checker replays millions of
     * transitions; findings are still recorded).
     */
    public void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** Address of a kernel global (statics included), for tools that read kernel data structures. */
    public long globalAddress(String name) {
        Long a = kernelGlobalAddresses.get(name);
        if (a == null) {
            throw new IllegalStateException("model kernel lacks global " + name);
        }
        return a;
    }

    /** C type of a kernel global (statics included). */
    public dev.spinlab.kc.type.CType globalType(String name) {
        dev.spinlab.kc.type.CType t = kernelGlobalTypes.get(name);
        if (t == null) {
            throw new IllegalStateException("model kernel lacks global " + name);
        }
        return t;
    }

    /** The task_struct layout. */
    public CStruct taskStruct() {
        return task;
    }

    /**
     * Tasks running user programs (started by init, or forked) in machine state m, in creation
     * order: the tasks on the kernel's task_list (kernel/fork.c) that have a user entry point.
     */
    public List<Long> userTasks(MachineState m) {
        List<Long> out = new ArrayList<>();
        long head = global("task_list");
        long off = task.field("tasks").offset();
        long node = m.mem.load(head, 8, false);
        for (int guard = 0; node != head && node != 0 && guard < 100_000; guard++) {
            long t = node - off;
            if (isUserTask(m, t)) {
                out.add(t);
            }
            node = m.mem.load(node, 8, false);
        }
        return out;
    }

    /** Tasks running user programs in this kernel's own state. */
    public List<Long> userTaskAddresses() {
        return userTasks(state);
    }

    /**
     * Whether the CPU's current context is one of the programs init starts (a user task of
     * origin init; in user or kernel mode).
     */
    public boolean runsProgram(int cpu) {
        int ctx = state.currentContext(cpu);
        if (ctx < 0) {
            return false;
        }
        long t = state.peekContext(ctx).tag;
        return t != 0 && isUserTask(state, t) && origin(state, t) == USER_ORIGIN_INIT;
    }

    /** Whether task t runs a user program (task->user_entry set). */
    private boolean isUserTask(MachineState m, long t) {
        return m.mem.load(t + task.field("user_entry").offset(), 8, false) != 0;
    }

    /** How a user task began (task->user_origin, include/linux/sched.h USER_ORIGIN_*). */
    int origin(MachineState m, long t) {
        return (int) m.mem.load(t + task.field("user_origin").offset(), 4, false);
    }

    static final int USER_ORIGIN_INIT = 0;
    static final int USER_ORIGIN_FORK = 1;
    static final int USER_ORIGIN_CONSOLE = 2;

    /** Whether a user task was fork()ed rather than started by init or from the console. */
    boolean forked(MachineState m, long t) {
        return origin(m, t) == USER_ORIGIN_FORK;
    }

    /** Whether the task has exited (TASK_DEAD, set by do_exit). */
    boolean exited(MachineState m, long t) {
        return m.mem.load(t + task.field("__state").offset(), 8, false) == TASK_DEAD;
    }

    static final long TASK_DEAD = 0x80;

    /** Whether a source file is user-space code (a program or the user libc). */
    public boolean isUserCode(String file) {
        return userFiles.contains(file);
    }

    /** Programs init has started so far (in the kernel's own state). */
    public int programsStarted() {
        int n = 0;
        for (long t : userTasks(state)) {
            n += origin(state, t) == USER_ORIGIN_INIT ? 1 : 0;
        }
        return n;
    }

    /** Whether init has run the modules' initcalls (init/main.c: spinlab_boot_done). */
    public boolean bootDone() {
        return state.mem.load(global("spinlab_boot_done"), 4, false) != 0;
    }

    /** Whether the kernel in state m is tainted by a warning (kernel/panic.c: tainted_mask, TAINT_WARN). */
    boolean tainted(MachineState m) {
        return (m.mem.load(global("tainted_mask"), 8, false) >>> TAINT_WARN & 1) != 0;
    }

    static final int TAINT_WARN = 9;
    static final int TAINT_SOFTLOCKUP = 14;

    /** Whether the soft-lockup detector has fired (it taints the kernel: TAINT_SOFTLOCKUP). */
    boolean softLockup() {
        return (state.mem.load(global("tainted_mask"), 8, false) >>> TAINT_SOFTLOCKUP & 1) != 0;
    }

    /**
     * Why the machine stopped by itself, or null: "panic" or "emergency-restart"
     * (kernel/reboot.c: spinlab_machine_stopped, kernel memory). The run ends there.
     */
    String halted() {
        return switch ((int) state.mem.load(global("spinlab_machine_stopped"), 4, false)) {
            case 1 -> "panic";
            case 2 -> "emergency-restart";
            default -> null;
        };
    }

    /** Whether the hard-lockup detector has fired (kernel/watchdog.c). */
    boolean hardLockup() {
        return state.mem.load(global("watchdog_hardlockup_reported"), 4, false) != 0;
    }

    /** A task's comm, read from its task_struct in the current state. */
    public String commOf(long t) {
        return comm(t);
    }

    public int pidOf(long t) {
        return pid(t);
    }

    /** The user programs started, in start order. */
    public List<String> programNames() {
        return programNames;
    }

    /**
     * The user processes (programs and their forked children) in the order they started, as
     * the kernel's state has them now (exited, exit code, fork()ed).
     */
    public List<Process> userProcesses() {
        List<Process> out = new ArrayList<>();
        for (long t : userTasks(state)) {
            Process p = processOf(t);
            p.forked = forked(state, t);
            p.tool = origin(state, t) == USER_ORIGIN_CONSOLE;
            p.exited = exited(state, t);
            p.exitCode = p.exited ? (int) task.get(state.mem, t, "exit_code") : 0;
            out.add(p);
        }
        return out;
    }

    private void load(List<ModuleSource> moduleSources, List<Program> programs) {
        Frontend fe = new Frontend(config.preprocessor(), sources, diagnostics);
        // The model kernel's own sources compile without the user's -D/-U/-I, and their
        // warnings are spinlab's business, not the user's (a test keeps them at zero); they
        // are compiled once per JVM and configuration (KernelUnits).
        dev.spinlab.kc.pp.PreprocessorOptions kernelOptions = KernelBuild.kernelOptions(config);
        List<TranslationUnit> units = new ArrayList<>();
        for (String src : KernelSources.KERNEL) {
            units.add(KernelUnits.compile(kernelOptions, src, true, sources, kernelDiagnostics));
        }
        // each module's files, compiled as the kernel's build compiles them (KernelBuild)
        List<TranslationUnit> moduleUnits = new ArrayList<>();
        Map<String, String> moduleOfFile = new HashMap<>();
        List<List<TranslationUnit>> unitsOfModule = new ArrayList<>();
        for (ModuleSource m : moduleSources) {
            String name = KernelBuild.modname(m.name());
            if (modules.contains(name)) {
                throw new IllegalArgumentException("module " + name + " given twice (insmod: File exists)");
            }
            List<TranslationUnit> mine = new ArrayList<>();
            for (Path f : m.files()) {
                TranslationUnit tu = new Frontend(KernelBuild.moduleOptions(config, m, f.toString()), sources,
                        diagnostics).compileFile(f);
                mine.add(tu);
                moduleUnits.add(tu);
                moduleOfFile.put(tu.file(), name);
            }
            long inits = mine.stream().mapToLong(tu -> entriesOf(tu, "__spinlab_initcall_").size()).sum();
            if (inits == 0) {
                Path f = m.files().get(0);
                throw new CompileError(new dev.spinlab.kc.lex.SrcLoc(f.toString(), 1, 1),
                        m.files().size() == 1
                                ? "no module_init() in a kernel module (a file with main() is a user program: give it as NAME:FILE.c)"
                                : "no module_init() in any file of module " + name);
            }
            checkOneEntry(mine, "__spinlab_initcall_", "module_init", name);
            checkOneEntry(mine, "__spinlab_exitcall_", "module_exit", name);
            unitsOfModule.add(mine);
            modules.add(name);
        }
        List<TranslationUnit> all = new ArrayList<>(units);
        all.addAll(moduleUnits);
        Linker.Image image = new Linker(code, state.mem, this::kernelIntrinsic).link(all);
        for (TranslationUnit tu : all) {
            for (GlobalVar g : tu.globals()) {
                kernelGlobalTypes.putIfAbsent(g.name(), g.type());
            }
        }
        for (Linker.Placed p : image.placed()) {
            if (!p.isFunction()) {
                kernelGlobalAddresses.putIfAbsent(p.name(), p.address());
            }
        }
        kernelSymbols.putAll(image.symbols());
        List<Linker.Placed> core = new ArrayList<>();
        Map<String, List<Linker.Placed>> byModule = new LinkedHashMap<>();
        for (Linker.Placed p : image.placed()) {
            String mod = moduleOfFile.get(p.file());
            if (mod == null) {
                core.add(p);
            } else {
                byModule.computeIfAbsent(mod, x -> new ArrayList<>()).add(p);
            }
        }
        symbols.add(core, null);
        byModule.forEach((mod, list) -> symbols.add(list, mod));
        task = new CStruct(taskStructType(units.get(0)));
        setUpProbes();
        writeModules(moduleSources, unitsOfModule, byModule);
        writeGlobal("nr_cpu_ids", 4, config.cpus());
        writeGlobal("spinlab_preempt_model", 4, config.preempt().ordinal());
        writeGlobal("spinlab_start_interval_ms", 4, config.startIntervalMs());

        // user programs: each its own image over the user-space libc
        Libc libc = new Libc();
        ArchIntrinsics arch = new ArchIntrinsics();
        long gate = image.address("do_syscall_64");
        for (int i = 0; i < programs.size(); i++) {
            linkProgram(programs.get(i), global("spinlab_programs") + i * 32L, kernelOptions, fe, libc, arch, gate);
            programNames.add(programs.get(i).name());
        }
        writeGlobal("spinlab_nr_programs", 4, programs.size());
        if (!modules.isEmpty()) {
            // the rmmod typed at the console when the run is over (init/main.c gives it the live
            // modules, newest first, when it starts it)
            Program rmmod = Program.builtin("rmmod", List.of("rmmod"));
            linkProgram(rmmod, global("spinlab_rmmod_program"), kernelOptions, fe, libc, arch, gate);
        }

        // every CPU's idle task; CPU 0's runs start_kernel()
        for (int cpu = 0; cpu < config.cpus(); cpu++) {
            long t = Heap.malloc(state.mem, task.size());
            task.set(state.mem, t, "pid", 0);
            task.setString(state.mem, t, "comm", "swapper/" + cpu);
            task.set(state.mem, t, "flags", 0x00000002 | 0x04000000);
            task.set(state.mem, t, "cpu", cpu);
            task.set(state.mem, t, "on_rq", 1);
            long rl = task.addressOf(t, "run_list");
            state.mem.store(rl, 8, rl);
            state.mem.store(rl + 8, 8, rl);
            ExecContext ctx = state.newContext(KERNEL_STACK);
            interp.start(ctx, image.address(cpu == 0 ? "start_kernel" : "secondary_start_kernel"));
            ctx.tag = t;
            task.set(state.mem, t, "exec_ctx", ctx.id);
            idleContext[cpu] = ctx.id;
            writeGlobalArray("idle_tasks", cpu, 8, t);
        }
        state.pushContext(0, idleContext[0]);
    }

    /** Links a user program over the libc and writes its struct spinlab_program (init/main.c) at base. */
    private void linkProgram(Program prog, long base, dev.spinlab.kc.pp.PreprocessorOptions kernelOptions,
                             Frontend fe, Libc libc, ArchIntrinsics arch, long gate) {
        List<TranslationUnit> pu = new ArrayList<>();
        pu.add(KernelUnits.compile(kernelOptions, KernelSources.LIBC, false, sources, kernelDiagnostics));
        if (prog.builtin() != null) {
            pu.add(KernelUnits.compile(kernelOptions, prog.builtin(), false, sources, kernelDiagnostics));
            userFiles.add(prog.builtin());
        }
        for (Path src : prog.sources()) {
            TranslationUnit tu = compiled.containsKey(src) ? compiled.get(src) : fe.compileFile(src);
            compiled.put(src, tu); // two processes of one program: compiled (and warned about) once
            if (tu.functions().stream().noneMatch(f -> f.name().equals("main"))) {
                throw new CompileError(new dev.spinlab.kc.lex.SrcLoc(src.toString(), 1, 1),
                        "no main() in user program " + prog.name());
            }
            pu.add(tu);
            userFiles.add(tu.file());
        }
        userFiles.add(KernelSources.LIBC);
        Linker.Image img = new Linker(code, state.mem,
                name -> libc.lookup(name) != null ? libc.lookup(name) : arch.lookup(name),
                name -> name.equals("__spinlab_syscall") ? gate : null).link(pu);
        boolean mainHasArgs = pu.stream().flatMap(tu -> tu.functions().stream())
                .anyMatch(f -> f.name().equals("main") && !f.params().isEmpty());
        state.mem.store(img.address("__spinlab_main_has_args"), 4, mainHasArgs ? 1 : 0);
        long argv = Heap.malloc(state.mem, 8L * (prog.argv().size() + 1));
        for (int a = 0; a < prog.argv().size(); a++) {
            state.mem.store(argv + 8L * a, 8, kstring(prog.argv().get(a)));
        }
        state.mem.store(argv + 8L * prog.argv().size(), 8, 0);
        state.mem.store(base, 8, kstring(prog.name()));
        state.mem.store(base + 8, 8, img.address("_start"));
        state.mem.store(base + 16, 4, prog.argv().size());
        state.mem.store(base + 24, 8, argv);
    }

    /**
     * spinlab run's ending (docs/kernel.md, "When a run ends"): init waits for the console
     * and then starts rmmod for the modules. Before the boot runs; without modules, nothing.
     */
    public void unloadModulesAtEnd() {
        if (!modules.isEmpty()) {
            writeGlobal("spinlab_unload_at_end", 4, 1);
            unloadAtEnd = true;
        }
    }

    /** Whether the rmmod started at the end of the run has exited. */
    boolean rmmodExited() {
        for (long t : userTasks(state)) {
            if (origin(state, t) == USER_ORIGIN_CONSOLE && exited(state, t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the run ends by unloading the modules (see unloadModulesAtEnd). */
    public boolean unloadsAtEnd() {
        return unloadAtEnd;
    }

    private boolean unloadAtEnd;

    /** The modules' names, in load order. */
    public List<String> moduleNames() {
        return java.util.Collections.unmodifiableList(modules);
    }

    /**
     * --probe: every kernel function named so (static ones too, every copy of a static inline)
     * reports its entries; the report is the dump_stack() of the moment, as the first seed's
     * systemtap probe printed it. Only the kernel image's functions are candidates: the user
     * programs are linked after this.
     */
    private void setUpProbes() {
        if (config.probes().isEmpty()) {
            return;
        }
        java.util.BitSet ids = new java.util.BitSet();
        for (String name : config.probes()) {
            boolean found = false;
            for (int id = 0; id < code.size(); id++) {
                if (code.entry(id).fn() != null && code.entry(id).name().equals(name)) {
                    ids.set(id);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("--probe " + name + ": no C function of that name in the kernel"
                        + (intrinsics.lookup(name) != null ? " (it is a machine primitive, not C)" : ""));
            }
        }
        interp.observeCalls(ids, (s, cpu, ctx, id) -> viewing(s, () -> {
            String fn = code.entry(id).name();
            long t = ctx.tag;
            List<StackEntry> st = kernelStack(ctx);
            probeHits.add(new ProbeHit(fn, cpu, comm(t), pid(t), s.preemptCount[cpu], s.timeNs, st));
            log.add(new LogRecord(s.timeNs, 3, "spinlab", "spinlab: probe " + fn + " hit on CPU#" + cpu));
            printk(4, intrinsics.dump(s, cpu, ctx, false), cpu);
            return null;
        }));
    }

    /**
     * kernel/module/main.c's spinlab_modules[]: each module's name, the functions its
     * module_init()/module_exit() named, its parameters (module_param's kernel_param
     * variables, one per file and name) and the insmod arguments. Statics are found by file,
     * as each file's own.
     */
    private void writeModules(List<ModuleSource> moduleSources, List<List<TranslationUnit>> unitsOfModule,
                              Map<String, List<Linker.Placed>> byModule) {
        if (moduleSources.size() > MAX_MODULES) {
            throw new IllegalArgumentException("at most " + MAX_MODULES + " modules, got " + moduleSources.size());
        }
        StructType modType = (StructType) ((ArrayType) globalType("spinlab_modules")).element();
        CStruct mod = new CStruct(modType);
        long base = global("spinlab_modules");
        for (int i = 0; i < moduleSources.size(); i++) {
            String name = modules.get(i);
            long m = base + (long) i * mod.size();
            mod.setString(state.mem, m, "name", name);
            List<Long> params = new ArrayList<>();
            for (Linker.Placed p : byModule.getOrDefault(name, List.of())) {
                if (p.isFunction()) {
                    continue;
                }
                if (p.name().startsWith("__spinlab_initcall_")) {
                    mod.set(state.mem, m, "init", state.mem.load(p.address(), 8, false));
                } else if (p.name().startsWith("__spinlab_exitcall_")) {
                    mod.set(state.mem, m, "exit", state.mem.load(p.address(), 8, false));
                } else if (p.name().startsWith("__spinlab_param_")) {
                    params.add(p.address());
                }
            }
            long kp = Heap.malloc(state.mem, 8L * Math.max(1, params.size()));
            for (int j = 0; j < params.size(); j++) {
                state.mem.store(kp + 8L * j, 8, params.get(j));
            }
            mod.set(state.mem, m, "kp", kp);
            mod.set(state.mem, m, "num_kp", params.size());
            mod.set(state.mem, m, "args", kstring(moduleSources.get(i).argString()));
            mod.set(state.mem, m, "state", 3); // MODULE_STATE_UNFORMED until load_module
        }
        writeGlobal("spinlab_nr_modules", 4, moduleSources.size());
    }

    /** kernel/module/main.c's SPINLAB_MAX_MODULES. */
    static final int MAX_MODULES = 16;

    /** The entry points (module_init/module_exit) a unit registers, by the prefix of their variables. */
    static List<String> entriesOf(TranslationUnit tu, String prefix) {
        List<String> out = new ArrayList<>();
        for (GlobalVar g : tu.globals()) {
            if (g.name().startsWith(prefix)) {
                out.add(g.name().substring(prefix.length()));
            }
        }
        return out;
    }

    /** A module has one module_init and at most one module_exit, over all its files (as ld insists). */
    private static void checkOneEntry(List<TranslationUnit> units, String prefix, String macro, String module) {
        List<String> where = new ArrayList<>();
        for (TranslationUnit tu : units) {
            for (String fn : entriesOf(tu, prefix)) {
                where.add(fn + " (" + tu.file() + ")");
            }
        }
        if (where.size() > 1) {
            throw new CompileError(new dev.spinlab.kc.lex.SrcLoc(units.get(0).file(), 1, 1),
                    "module " + module + " has " + where.size() + " " + macro + "() entries: " + String.join(", ", where)
                            + " (a module has one; ld reports multiple definitions of "
                            + (macro.equals("module_init") ? "init_module" : "cleanup_module") + ")");
        }
    }

    static boolean hasMain(TranslationUnit tu) {
        for (FunctionDef f : tu.functions()) {
            if (f.name().equals("main")) {
                return true;
            }
        }
        return false;
    }

    private static StructType taskStructType(TranslationUnit mainC) {
        for (GlobalVar g : mainC.globals()) {
            if (g.name().equals("idle_tasks") && g.type() instanceof ArrayType at
                    && at.element() instanceof PointerType pt && pt.target() instanceof StructType st) {
                return st;
            }
        }
        throw new IllegalStateException("init/main.c must define idle_tasks[]");
    }

    private Intrinsic kernelIntrinsic(String name) {
        return intrinsics.lookup(name);
    }

    long global(String name) {
        Long a = kernelSymbols.get(name);
        if (a == null) {
            throw new IllegalStateException("model kernel lacks " + name);
        }
        return a;
    }

    /**
     * The "nowatchdog" boot parameter: the soft- and hard-lockup detectors stay off
     * (kernel/watchdog.c: nowatchdog_setup). Before the boot runs.
     */
    public void nowatchdog() {
        writeGlobal("watchdog_user_enabled", 4, 0);
    }

    private void writeGlobal(String name, int size, long value) {
        state.mem.store(global(name), size, value);
    }

    private void writeGlobalArray(String name, int index, int elemSize, long value) {
        state.mem.store(global(name) + (long) index * elemSize, elemSize, value);
    }

    /** A NUL-terminated copy of s in kernel memory. */
    long kstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long a = Heap.malloc(state.mem, b.length + 1);
        for (int i = 0; i < b.length; i++) {
            state.mem.store(a + i, 1, b[i]);
        }
        state.mem.store(a + b.length, 1, 0);
        return a;
    }

    // ------------------------------------------------------------------ tasks

    /**
     * The state a kernel intrinsic is running on (set around each call by KernelIntrinsics), or
     * null outside one: then the kernel's own state. run steps k.state itself; check steps copies.
     */
    MachineState stepping;

    private MachineState viewed() {
        return stepping != null ? stepping : state;
    }

    /**
     * Runs Java-side kernel code that a step of m calls back (a program's output, a probe, the
     * answer to a fault) with m as the state it reads: run steps k.state, but check and the
     * cross-engine replay step copies, which alone hold that path's tasks and memory.
     */
    <T> T viewing(MachineState m, java.util.function.Supplier<T> body) {
        MachineState was = stepping;
        stepping = m;
        try {
            return body.get();
        } finally {
            stepping = was;
        }
    }

    /** The clock of the state being stepped, for the log's timestamps. */
    long viewedTimeNs() {
        return viewed().timeNs;
    }

    long currentTask(int cpu) {
        MachineState s = viewed();
        int ctx = s.currentContext(cpu);
        return ctx < 0 ? 0 : s.peekContext(ctx).tag;
    }

    String comm(long t) {
        return t == 0 ? "?" : task.getString(viewed().mem, t, "comm");
    }

    int pid(long t) {
        return t == 0 ? -1 : (int) task.get(viewed().mem, t, "pid");
    }

    // ------------------------------------------------------------------ output

    void printk(int level, String text, int cpu) {
        if (quiet) {
            return;
        }
        outputEvents++;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                if (logHeadEnd < 0 && logBytes + line.length() > LOG_BUF_LEN / 2) {
                    logHeadEnd = log.size();
                }
                while (logBytes + line.length() + 1 > LOG_BUF_LEN && dropOldestAfterHead()) {
                    printkDropped++;
                }
                logBytes += line.length() + 1;
                log.add(new LogRecord(viewed().timeNs, level, "kernel", line));
            }
        }
    }

    /** Drops the oldest printk record after the kept first half; false when there is none. */
    private boolean dropOldestAfterHead() {
        for (int i = Math.max(logHeadEnd, 0); i < log.size(); i++) {
            LogRecord r = log.get(i);
            if (r.source().equals("kernel")) {
                log.remove(i);
                logBytes -= r.text().length() + 1;
                return true;
            }
        }
        return false;
    }

    /** printk of a multi-line text whose blank lines are kept (lockdep's reports have them). */
    void printkLines(int level, String text) {
        String[] lines = text.split("\n", -1);
        int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            log.add(new LogRecord(viewed().timeNs, level, "kernel", lines[i]));
        }
    }

    /** A program's output (the C library's write path): its process is looked up in the state being stepped. */
    private void userOutput(MachineState m, ExecContext ctx, byte[] bytes) {
        viewing(m, () -> {
            userWrite(ctx.tag, new String(bytes, StandardCharsets.UTF_8));
            return null;
        });
    }

    void userWrite(long t, String text) {
        if (quiet) {
            return;
        }
        outputEvents++;
        Process p = processOf(t);
        if (p.written + text.length() > OUTPUT_MAX) {
            if (p.dropped == 0) {
                log.add(new LogRecord(viewed().timeNs, 4, "spinlab", "spinlab: " + p.name + "/" + pid(t)
                        + ": output past " + (OUTPUT_MAX >> 20) + " MiB dropped (each process's output is capped)"));
            }
            p.dropped += text.length();
            return;
        }
        p.written += text.length();
        p.pending.append(text);
        int nl;
        while ((nl = p.pending.indexOf("\n")) >= 0) {
            log.add(new LogRecord(viewed().timeNs, -1, p.name + "/" + pid(t), p.pending.substring(0, nl)));
            p.pending.delete(0, nl + 1);
        }
    }

    Process processOf(long t) {
        return processes.computeIfAbsent(t, x -> {
            Process p = new Process(comm(t), t);
            p.pid = pid(t);
            return p;
        });
    }

    /** Logs what processes wrote without a final newline (a run does this when it ends). */
    public void flushOutput() {
        if (printkDropped > 0) {
            LogRecord next = logHeadEnd < log.size() ? log.get(logHeadEnd) : null;
            log.add(logHeadEnd, new LogRecord(next != null ? next.timeNs() : viewed().timeNs, 4, "kernel",
                    "** " + printkDropped + " printk messages dropped **"));
            printkDropped = 0;
            logHeadEnd = -1;
        }
        for (Process p : processes.values()) {
            if (p.pending.length() > 0) {
                log.add(new LogRecord(viewed().timeNs, -1, p.name + "/" + p.pid, p.pending.toString()));
                p.pending.setLength(0);
            }
        }
    }

    // ------------------------------------------------------------------ faults

    /**
     * A fault of interpreted code. In user space it is a segmentation fault of that process:
     * the kernel's one-line report (show_signal_msg), the C stack, and the process is killed
     * (exit status 139, SIGSEGV) while the run goes on. In the kernel it is an oops, which ends
     * the run. Returns whether the run can go on.
     */
    boolean handleFault(MachineState m, dev.spinlab.kc.interp.Fault f) {
        return viewing(m, () -> handleFaultIn(m, f));
    }

    private boolean handleFaultIn(MachineState state, dev.spinlab.kc.interp.Fault f) {
        ExecContext ctx = state.context(f.contextId());
        long t = ctx.tag;
        boolean user = !f.stack().isEmpty() && userFiles.contains(f.stack().get(0).loc().file());
        String what = f.message() != null ? f.message() : f.kind().title;
        if (user) {
            Process p = processOf(t);
            log.add(new LogRecord(state.timeNs, 6, "kernel", String.format("%s[%d]: segfault at %x (%s) in %s",
                    comm(t), pid(t), f.address(), what, f.loc())));
            int frame = 0;
            for (StackEntry e : f.stack()) {
                if (e.isFolded()) { // a runaway recursion's middle (Interpreter.stack)
                    log.add(new LogRecord(state.timeNs, 6, "kernel", "    " + e.function()));
                    frame += Integer.parseInt(e.function().split(" ")[1]);
                    continue;
                }
                if (!userFiles.contains(e.loc().file())) {
                    break;
                }
                log.add(new LogRecord(state.timeNs, 6, "kernel", String.format("    #%d %s at %s", frame++, e.function(), e.loc())));
            }
            findings.add(new Finding(FindingKind.USER_FAULT, what + " at " + f.loc(), where(f.stack()),
                    context(state, f.cpu(), t), state.timeNs, f.stack()));
            if (f.kind() == dev.spinlab.machine.ExecFault.Kind.STACK_OVERFLOW) {
                // the kernel does not run on the overflowed user stack (Linux has a kernel stack
                // per task): the dead program's frames go, and do_exit runs on an empty stack
                ctx.frameTop = 0;
                ctx.regTop = 0;
                ctx.sp = ctx.stackHi;
            }
            interp.callOnTop(ctx, global("do_exit"), 128 + 11);
            p.killedBySignal = 11;
            return true;
        }
        String head = f.kind() == dev.spinlab.machine.ExecFault.Kind.NULL_DEREF
                ? String.format("BUG: kernel NULL pointer dereference, address: %016x", f.address())
                : "BUG: unable to handle kernel fault: " + what;
        log.add(new LogRecord(state.timeNs, 1, "kernel", head));
        log.add(new LogRecord(state.timeNs, 1, "kernel", "Oops: " + what + " [#1] SMP"));
        log.add(new LogRecord(state.timeNs, 4, "kernel", String.format("CPU: %d PID: %d Comm: %s at %s",
                f.cpu(), pid(t), comm(t), f.loc())));
        log.add(new LogRecord(state.timeNs, 4, "kernel", "Call Trace:"));
        for (StackEntry e : kernelStack(ctx, f.stack())) {
            if (e.isFolded()) { // a runaway recursion's middle (Interpreter.stack)
                log.add(new LogRecord(state.timeNs, 4, "kernel", " " + e.function()));
                continue;
            }
            String mod = moduleOf(e);
            log.add(new LogRecord(state.timeNs, 4, "kernel", String.format(" %s+0x%x/0x%x%s (%s:%d)", e.function(),
                    e.offset(), Math.max(e.length(), 4), mod != null ? " [" + mod + "]" : "", e.loc().file(),
                    e.loc().line())));
        }
        List<StackEntry> oopsStack = kernelStack(ctx, f.stack());
        findings.add(new Finding(FindingKind.OOPS, head, where(oopsStack), context(state, f.cpu(), t), state.timeNs, oopsStack));
        return false;
    }

    private List<StackEntry> kernelStack(ExecContext ctx, List<StackEntry> stack) {
        List<StackEntry> out = new ArrayList<>();
        for (StackEntry e : stack) {
            if (!e.isFolded() && userFiles.contains(e.loc().file())) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    // ------------------------------------------------------------------ findings and stacks

    /** Records a finding made on CPU cpu of the state being stepped (a checker's path, or this kernel's own). */
    void addFinding(FindingKind kind, int cpu, String message, List<StackEntry> stack) {
        addFinding(kind, cpu, message, stack, List.of(), null);
    }

    void addFinding(FindingKind kind, int cpu, String message, List<StackEntry> stack, List<String> locks, String report) {
        addFinding(kind, cpu, message, stack, locks, report, List.of());
    }

    /** ... with the acquisitions a lockdep report is about (Finding.sites). */
    void addFinding(FindingKind kind, int cpu, String message, List<StackEntry> stack, List<String> locks, String report,
                    List<dev.spinlab.lockdep.LockSite> sites) {
        MachineState s = viewed();
        findings.add(new Finding(kind, message, where(stack), context(s, cpu, currentTask(cpu)), s.timeNs, stack,
                locks, report, sites));
    }

    /** A checker's finding's context in its state m: what CPU cpu runs there. */
    public Finding.Context findingContext(MachineState m, int cpu) {
        int ctx = m.currentContext(cpu);
        long t = ctx < 0 ? 0 : m.peekContext(ctx).tag;
        return viewing(m, () -> context(m, cpu, t));
    }

    /** A checker's finding's location: the driver frame nearest the top of stack. */
    public Finding.Where findingWhere(List<StackEntry> stack) {
        return where(stack);
    }

    /** The finding's context: CPU, task, and the CPU's preempt_count and irq flag in s. */
    Finding.Context context(MachineState s, int cpu, long task) {
        return new Finding.Context(cpu, comm(task), pid(task), s.preemptCount[cpu], s.irqEnabled[cpu] != 0);
    }

    /** The C location a finding is about: the driver frame nearest the top (Finding.nearestDriverFrame). */
    Finding.Where where(List<StackEntry> stack) {
        return Finding.nearestDriverFrame(stack, file -> symbols.moduleOf(file) != null);
    }

    /** The kernel part of a context's stack: user-space frames (the program, its libc) left out. */
    List<StackEntry> kernelStack(ExecContext ctx) {
        List<StackEntry> out = new ArrayList<>();
        for (StackEntry e : interp.stack(ctx)) {
            if (userFiles.contains(e.loc().file())) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    String moduleOf(StackEntry e) {
        return symbols.moduleOf(e.loc().file());
    }

    /**
     * dump_stack()'s output for what a CPU runs in machine state s (which need not be this
     * kernel's own state: a model checker's), or null when the CPU runs nothing.
     */
    public String dumpStack(MachineState s, int cpu) {
        int ctx = s.currentContext(cpu);
        return ctx < 0 ? null : intrinsics.dump(s, cpu, s.context(ctx), false);
    }

    /** User processes not yet exited, counting programs init has still to start. */
    int userProgramsRemaining() {
        int started = 0;
        int alive = 0;
        for (long t : userTasks(state)) {
            started += origin(state, t) == USER_ORIGIN_INIT ? 1 : 0;
            alive += exited(state, t) ? 0 : 1;
        }
        return Math.max(programNames.size() - started + alive, 0);
    }
}
