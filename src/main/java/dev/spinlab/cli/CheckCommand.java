package dev.spinlab.cli;

import dev.spinlab.check.Reductions;
import dev.spinlab.check.KState;
import dev.spinlab.check.CheckBoot;
import dev.spinlab.check.BoundedSearch;
import dev.spinlab.check.PrivateSearch;
import dev.spinlab.check.Explorer;
import dev.spinlab.check.KernelModel;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.DiagnosticRenderer;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.report.CheckReport;
import dev.spinlab.report.ProgressLine;
import dev.spinlab.report.SarifReport;
import dev.spinlab.report.SarifSources;
import dev.spinlab.report.html.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spinlab check}: boots like {@code run}, then explores every order of CPU steps and
 * every point at which an interrupt can arrive, breadth-first, and reports each deadlock, BUG
 * or data race with a shortest trace. What is explored and reduced: {@link KernelModel},
 * docs/check.md.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Boot the model kernel as 'run' does (programs start together), then explore every"
                + " interleaving of the CPUs' steps and every point where an interrupt can arrive (armed"
                + " timers, --irq devices, --rx packets; time is abstracted), and report each deadlock,"
                + " kernel BUG and data race with a shortest trace. See docs/check.md.", ""},
        footer = {"", ExitCodes.HELP, ""})
public final class CheckCommand implements Callable<Integer> {
    /** More threads than this per core only add kernels to boot and contention (issue 18). */
    static final int MAX_THREADS_PER_CORE = 4;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SystemOptions system;

    @Mixin
    LockdepOptions lockdep;

    @Mixin
    OutputFormat format;

    @Mixin
    FixOptions fix;

    @Mixin
    HtmlOption html;

    @Option(names = "--search", defaultValue = "bfs", paramLabel = "bfs|dfs", order = 40,
            description = "Breadth-first (default: each finding's trace is a shortest one) or depth-first"
                    + " (less memory, traces as found; single-threaded).")
    String search;

    @Option(names = "--reductions", defaultValue = "all", paramLabel = "LIST", order = 41,
            description = "State-space reductions: all (default), none, or a comma list of user-steps"
                    + " (a process's user-mode steps are one transition), interrupts (an interrupt whose"
                    + " handler commutes with every other choice is not offered there), interleavings"
                    + " (one CPU steps alone while the others' futures do not conflict with it) and"
                    + " sleep-sets (a choice already explored in a commuting order is not taken again;"
                    + " breadth-first search only), read-only (a load of read-only memory, const data"
                    + " or a string, is no step of its own), cpu-local (a call touching only the CPU's own"
                    + " preempt_count or irq mask with interrupts masked, current, a barrier, or a copy"
                    + " within the stack and read-only memory, is no step of its own), spin-waits (a CPU waiting in"
                    + " wfe moves only when what its wait loop reads has changed: wfe may return at any time,"
                    + " as with ARM's event stream, and an iteration that waits again is a stutter),"
                    + " exclusive-pairs (an ldrex and the strex it comes to next, with nothing visible"
                    + " between, are one step: a store or interrupt between them only fails the strex);"
                    + " pass-through (a state the reductions leave one choice to explore is passed through,"
                    + " not stored: fewer levels, longer traces; breadth-first search only) and private-data"
                    + " (an access to a word only one context touches, or nobody writes, is no step of its"
                    + " own; learned as the search goes, with restarts) are asked for by name:"
                    + " all,pass-through. They never change a verdict; 'none' is for measuring them.")
    String reductionSpec;

    @Option(names = "--preemptions", paramLabel = "K|auto", order = 43,
            description = "Bug-finding mode: explore only the schedules that switch away from a CPU that"
                    + " could go on at most K times (CHESS's preemption bounding; events are free), or"
                    + " K = 0, 1, 2, ... until a finding, a bound, or a search the bound did not cut"
                    + " (auto). A clean result says 'no deadlock or BUG within K preemptions' (exit 3),"
                    + " never that none is reachable. Of the reductions, user-steps, read-only,"
                    + " cpu-local, spin-waits and exclusive-pairs apply.")
    String preemptions;

    @Option(names = "--stop-at-first", order = 44,
            description = "Stop at the first deadlock or oops: breadth-first at the end of the level it is"
                    + " found in (its trace is a shortest one; BUGs, warnings and lockdep reports met"
                    + " so far are reported too), depth-first at once. The verdict says the search"
                    + " stopped there.")
    boolean stopAtFirst;

    @Option(names = "--threads", paramLabel = "N", order = 42,
            description = "Worker threads, each with its own copy of the booted kernel, 1 to 4 per core"
                    + " (default: the number of cores).")
    Integer threads;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "5000000", order = 50,
            description = "Bound on distinct states (default: ${DEFAULT-VALUE}).")
    long maxStates;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "100000", order = 51,
            description = "Bound on trace length (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--max-memory", paramLabel = "MIB", order = 52,
            description = "Bound on heap in use (default: 3/4 of the JVM's).")
    Long maxMemoryMib;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceMap sources = new SourceMap();
        List<Diagnostic> diags = new ArrayList<>();
        try {
            Reductions reductions = Reductions.parse(reductionSpec);
            validateBounds();
            Integer preemptionBound = BoundedSearch.parseBound(preemptions);
            reductions = searchedReductions(reductions, spec.commandLine().getParseResult().hasMatchedOption("--reductions"));
            html.checkWritable();
            SystemOptions.Inputs inputs = system.resolve(SystemOptions.RunOnly.check(lockdep.noLockdep, lockdep.lockdepAll));
            Booted b = boot(inputs, sources, diags, err);
            Kernel k = b.kernel();
            KernelConfig cfg = b.config();
            if (b.end() != Simulation.End.STOPPED) {
                String why = "the run ended during boot (" + b.end() + "), before every program had started";
                if (html.any()) {
                    HtmlReport.write(html.file, HtmlReport.empty("spinlab check", cfg, sources,
                            OutputFormat.arguments(spec), why + "; nothing to explore (see it with run)"));
                }
                if (format.json()) {
                    out.println(CheckReport.bootEndedJson(cfg, why));
                    return ExitCodes.FINDINGS;
                }
                if (format.sarif()) {
                    out.println(SarifReport.bootEnded(cfg, why, new SarifSources(Path.of("")),
                            OutputFormat.arguments(spec), ExitCodes.FINDINGS));
                    return ExitCodes.FINDINGS;
                }
                out.println("spinlab check: " + why + "; nothing to explore (see it with run)");
                return ExitCodes.FINDINGS;
            }
            k.setQuiet(true);
            KernelModel model = new KernelModel(k, k.state(), reductions);
            long mem = maxMemoryMib != null ? Math.min(maxMemoryMib, Long.MAX_VALUE >> 20) << 20 : Runtime.getRuntime().maxMemory() * 3 / 4;
            List<KernelModel> workers = workerModels(model, reductions);
            Explorer.Bounds bounds = new Explorer.Bounds(maxStates, maxDepth, mem, workers.size());
            // a live line while the search runs, on a terminal and in text only (never in JSON or SARIF)
            ProgressLine live = System.console() != null && !format.json() && !format.sarif() ? new ProgressLine(err) : null;
            Explorer.Result<KState> r;
            List<Long> visibleWords = null;
            String privateNote = null;
            try {
                if (preemptionBound != null) {
                    r = BoundedSearch.run(model, workers, bounds, preemptionBound, b2 -> search(b2, live));
                } else if (reductions.privateData()) {
                    PrivateSearch.Outcome o = PrivateSearch.run(model, workers, bounds, ex -> search(ex, live));
                    r = o.result();
                    visibleWords = o.data() == null ? null : o.data().revealedWords();
                    privateNote = o.summary();
                } else {
                    r = search(new Explorer<>(model, workers, bounds), live);
                }
            } finally {
                if (live != null) {
                    live.clear();
                }
            }
            if (html.any()) {
                HtmlReport.write(html.file, HtmlReport.check(r, model, cfg, sources, OutputFormat.arguments(spec)));
            }
            String rendered = format.sarif()
                    ? SarifReport.check(r, cfg, new SarifSources(Path.of("")), OutputFormat.arguments(spec), exitCode(r))
                    : format.json() ? CheckReport.json(r, cfg, invocation(), Path.of("").toAbsolutePath(), visibleWords)
                    : CheckReport.text(r, cfg, search.equals("dfs"), privateNote);
            FixVerifier.output(out, format, rendered, fix, () -> {
                List<String> args = OutputFormat.arguments(spec);
                return new FixVerifier.Command("check", FixVerifier.rerunArgs(args.subList(1, args.size())),
                        system.inputs, inputs);
            }, r.findings().stream().map(Explorer.Finding::finding).toList());
            return exitCode(r);
        } catch (CompileError e) {
            RunCommand.printDiagnostics(err, sources, diags);
            err.print(new DiagnosticRenderer(sources).render(e));
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("spinlab check: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /**
     * The reductions the search runs with: those asked (--reductions), less those a bounded
     * search cannot use under --preemptions (an error when asked for explicitly). replay follows
     * a trace with the same ones.
     */
    Reductions searchedReductions(Reductions asked, boolean explicit) {
        return BoundedSearch.parseBound(preemptions) == null ? asked : BoundedSearch.reductions(asked, explicit);
    }

    /** The search the options ask for, breadth- or depth-first, with the live line on a terminal. */
    private <S> Explorer.Result<S> search(Explorer<S> ex, ProgressLine live) {
        if (live != null) {
            ex.onProgress(live);
        }
        ex.stopAtFirst(stopAtFirst);
        return switch (search) {
            case "bfs" -> ex.bfs();
            case "dfs" -> ex.dfs();
            default -> throw new IllegalArgumentException("--search " + search + ": expected bfs or dfs");
        };
    }

    /** The search's bounds and threads, checked before the boot (every bound positive). */
    private void validateBounds() {
        atLeastOne("--max-states", maxStates);
        atLeastOne("--max-depth", maxDepth);
        if (maxMemoryMib != null) {
            atLeastOne("--max-memory", maxMemoryMib);
        }
        int most = MAX_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads < 1 || threads > most)) {
            throw new IllegalArgumentException("--threads must be between 1 and " + most + " (" + MAX_THREADS_PER_CORE
                    + " per core: each thread boots a kernel of its own), got " + threads);
        }
        if (!search.equals("bfs") && !search.equals("dfs")) {
            throw new IllegalArgumentException("--search " + search + ": expected bfs or dfs");
        }
    }

    private static void atLeastOne(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }

    /**
     * One model per worker thread: the interpreter and the kernel's Java-side bookkeeping are
     * per kernel, so each thread gets a kernel of its own, booted the same way (compilation
     * and boot are deterministic, so states mean the same to all of them — checked by the
     * initial state's fingerprint; a kernel that differs is not used).
     */
    private List<KernelModel> workerModels(KernelModel main, Reductions reductions) {
        List<KernelModel> out = new ArrayList<>(List.of(main));
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long fp = main.fingerprint(main.initial());
        for (int i = 1; i < n; i++) {
            Booted b = boot(system.resolve(SystemOptions.RunOnly.check(lockdep.noLockdep, lockdep.lockdepAll)), new SourceMap(), new ArrayList<>(), new PrintWriter(java.io.Writer.nullWriter()));
            b.kernel().setQuiet(true);
            KernelModel m = new KernelModel(b.kernel(), b.kernel().state(), reductions);
            if (b.end() != Simulation.End.STOPPED || m.fingerprint(m.initial()) != fp) {
                break;
            }
            // one lockdep graph for the whole search, whichever worker finds an edge (the states
            // the workers step all come from the main model's initial state and its classes)
            b.kernel().useLockdepOf(main.kernel());
            m.shareLocalFutures(main);
            out.add(m);
        }
        return out;
    }

    /** The kernel as booted for the search, and how its boot ended (STOPPED: ready to explore). */
    record Booted(Kernel kernel, KernelConfig config, Simulation.End end) {}

    /**
     * Boots as check explores: programs start together, no lockdep, then runs deterministically
     * until every program has started. replay boots through here too, so that a trace's choices
     * mean the same thing there.
     */
    static Booted boot(SystemOptions.Inputs in, SourceMap sources, List<Diagnostic> diags, PrintWriter err) {
        KernelConfig cfg = CheckBoot.config(in.cpus, PreemptModel.parse(in.preempt), in.seed,
                (long) (in.maxTime * 1e9), in.maxSteps, in.pp, in.irqs, in.rx, in.lockdep);
        Kernel k = Kernel.bootModules(cfg, in.modules, in.programs, sources, diags);
        RunCommand.printDiagnostics(err, sources, diags);
        return new Booted(k, cfg, CheckBoot.runToStart(k));
    }

    /**
     * This check's arguments as given after {@code check} (with @-files expanded), less
     * {@code --format}: what replay needs to boot the same system, stored in the JSON.
     */
    List<String> invocation() {
        List<String> all = spec.commandLine().getParseResult().expandedArgs();
        int from = 0;
        if (spec.parent() != null) {
            // the parent's words come first (spinlab's own name is not among them), then ours
            from = all.indexOf(spec.name()) + 1;
        }
        List<String> out = new ArrayList<>();
        boolean options = true;
        for (int i = from; i < all.size(); i++) {
            String a = all.get(i);
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.equals("--format")) {
                i++; // and its value
                continue;
            } else if (options && a.startsWith("--format=")) {
                continue;
            } else if (options && HtmlOption.skip(all, i) > 0) {
                i += HtmlOption.skip(all, i) - 1; // replay is given its own --html
                continue;
            }
            out.add(a);
        }
        return out;
    }

    private static int exitCode(Explorer.Result<?> r) {
        if (r.verdict() == Explorer.Verdict.FINDINGS) {
            return ExitCodes.FINDINGS;
        }
        return r.verdict() == Explorer.Verdict.BOUND ? ExitCodes.BOUND : ExitCodes.CLEAN;
    }

}
