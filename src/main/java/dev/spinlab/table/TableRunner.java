package dev.spinlab.table;

import dev.spinlab.check.CheckBoot;
import dev.spinlab.check.Explorer;
import dev.spinlab.check.KState;
import dev.spinlab.check.KernelModel;
import dev.spinlab.check.Reductions;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.ModuleSource;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import dev.spinlab.lockdep.LockdepMode;
import dev.spinlab.machine.MachineState;
import dev.spinlab.report.CheckReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/*
 * Implementation notes.
 *
 * For one cell and one CPU count, the candidates are tried weakest first; each is a fresh
 * generated system booted as check boots (CheckBoot: programs start together, no watchdog)
 * and explored breadth-first with check's reductions (all of them: defaultReductions), in
 * process, with one search thread (the
 * cells run in parallel instead: booting dominates a cell's time). The first candidate whose
 * search ends with no finding of any kind is the cell's answer; a search that reaches its
 * bound with no finding ends the cell there ("bound reached": no claim either way). Lockdep is
 * off: the table asks what is reachable (deadlocks, BUGs, data races), not what lockdep
 * would predict. On two CPUs device interrupts go to any CPU (KernelModel's irqAnyCpu), as an
 * interrupt's affinity may name any CPU; check's default sends them to CPU 0.
 */
/** Derives table cells by checking generated drivers (see docs/table.md). */
public final class TableRunner {
    /**
     * The search's limits and settings for every cell; reductions null: {@link #defaultReductions}.
     */
    public record Settings(PreemptModel preempt, long maxStates, Reductions reductions, int threads, boolean renamings) {
        /** Every cell that is a renaming of another is answered by that one's check (Cell.representative). */
        public Settings(PreemptModel preempt, long maxStates, Reductions reductions, int threads) {
            this(preempt, maxStates, reductions, threads, true);
        }
    }

    /**
     * Every reduction of check, on both CPU counts. The interrupts reduction once missed data
     * races here (hardirq-A,hardirq-B on two CPUs "proved" with none before check waited, with
     * interrupts to any CPU, until no device event is left; user-A,timer-A on one CPU "proved"
     * with none before it kept an event whose handler arms a timer, KernelEvents.armsTimer).
     * With both fixed, the two-CPU table was re-derived with it on: the same 55 cells as
     * without it (8,467,671 states instead of 8,584,483; docs/table.md, Cost).
     *
     * One exception, for speed only (fewer reductions prune less; each is sound alone): a
     * tasklet meeting itself on two CPUs is searched without the interleavings reduction. There
     * the other CPU requeues the running tasklet again and again (tasklet_action_common's busy
     * requeue) and the reduction's local searches run through that loop from every state: 20,000
     * states took 28 s with it and 8 s without, 300,000 states about 10 minutes with it and 16 s
     * without; neither search ends (docs/table.md, Limits).
     */
    public static Reductions defaultReductions(Cell cell, int cpus) {
        if (cpus > 1 && cell.same() && cell.row().kind == Context.Kind.TASKLET) {
            return Reductions.parse("user-steps,interrupts,sleep-sets,read-only");
        }
        return Reductions.ALL;
    }

    /** One candidate's check: its verdict and counts, and check's text report (traces included). */
    public record Attempt(Primitive primitive, Explorer.Verdict verdict, long states, long transitions, int depth,
                          long nanos, List<String> findingKinds, String checkText) {}

    /**
     * One cell on one CPU count: the attempts made, weakest first, by the check of cell
     * {@code checked} — the cell itself, or the cell it is a renaming of (Cell.representative).
     */
    public record CellResult(Cell cell, int cpus, List<Attempt> attempts, Cell checked) {
        public CellResult(Cell cell, int cpus, List<Attempt> attempts) {
            this(cell, cpus, attempts, cell);
        }

        /** The answer is the check of another cell, this one with the instance letters renamed. */
        public boolean renamed() {
            return !checked.equals(cell);
        }

        /** The weakest candidate proved clean, or null (a bound was reached, or none passed). */
        public Primitive chosen() {
            Attempt last = attempts.get(attempts.size() - 1);
            return last.verdict() == Explorer.Verdict.OK ? last.primitive() : null;
        }

        /** A search stopped at its bound with no finding: the cell makes no claim past it. */
        public boolean boundReached() {
            return attempts.get(attempts.size() - 1).verdict() == Explorer.Verdict.BOUND;
        }

        /** The last failing candidate (the next weaker than the chosen one), or null. */
        public Attempt weakerFailure() {
            for (int i = attempts.size() - 1; i >= 0; i--) {
                if (attempts.get(i).verdict() == Explorer.Verdict.FINDINGS) {
                    return attempts.get(i);
                }
            }
            return null;
        }
    }

    private final Settings settings;
    private final Path workDir;

    /** @param workDir where the generated sources are written (one subdirectory per cell and CPU count) */
    public TableRunner(Settings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    /** Every (cell, cpus) of the lists, results in the same order, computed on settings.threads() threads. */
    public List<CellResult> run(List<Cell> cells, List<Integer> cpuCounts) {
        return run(cells, cpuCounts, r -> { });
    }

    /** As above, telling {@code done} about each cell as it is finished (from the worker threads). */
    public List<CellResult> run(List<Cell> cells, List<Integer> cpuCounts, java.util.function.Consumer<CellResult> done) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
            // the compiler and interpreter recurse; give them the stack the command line's thread has
            Thread t = new Thread(null, r, "spinlab-table", 1L << 30);
            t.setDaemon(true);
            return t;
        });
        try {
            // one check per representative cell (the others are renamings of it), the costly
            // kinds of cell first so that the last cells to finish are short ones
            java.util.Map<String, Future<CellResult>> checks = new java.util.LinkedHashMap<>();
            List<Cell> order = new ArrayList<>();
            for (Cell c : cells) {
                Cell rep = settings.renamings() && cells.contains(c.representative()) ? c.representative() : c;
                if (!order.contains(rep)) {
                    order.add(rep);
                }
            }
            List<Integer> byCost = new ArrayList<>(cpuCounts);
            byCost.sort(java.util.Comparator.reverseOrder());
            List<Cell> sorted = new ArrayList<>(order);
            sorted.sort(java.util.Comparator.comparingInt(TableRunner::costRank));
            for (int cpus : byCost) {
                for (Cell rep : sorted) {
                    checks.put(rep.id() + "/" + cpus, pool.submit(() -> {
                        CellResult r = cell(rep, cpus);
                        done.accept(r);
                        return r;
                    }));
                }
            }
            List<CellResult> out = new ArrayList<>();
            for (int cpus : cpuCounts) {
                for (Cell c : cells) {
                    Cell rep = settings.renamings() && cells.contains(c.representative()) ? c.representative() : c;
                    CellResult r = checks.get(rep.id() + "/" + cpus).get();
                    out.add(new CellResult(c, cpus, r.attempts(), rep));
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Where a cell goes in the queue (lower first): the kinds of cell whose searches are the
     * longest (a task against a softirq-level context, the tasklet and timer diagonals, two
     * timers) start first. Only the order of the work; the answers do not depend on it.
     */
    static int costRank(Cell c) {
        boolean user = c.row().kind == Context.Kind.USER || c.column().kind == Context.Kind.USER;
        boolean softLevel = c.lower().level() == 1 || c.higher().level() == 1;
        if (user && softLevel) {
            return 0;
        }
        if (c.same() && (c.row().kind == Context.Kind.TASKLET || c.row().kind == Context.Kind.TIMER)) {
            return 0;
        }
        if (c.row().kind == Context.Kind.TIMER || c.column().kind == Context.Kind.TIMER) {
            return 1;
        }
        return 2;
    }

    /** One cell on one CPU count: candidates weakest first until one is proved clean or a bound is hit. */
    public CellResult cell(Cell cell, int cpus) {
        Booted b = boot(cell, cpus);
        List<Attempt> attempts = new ArrayList<>();
        for (Primitive p : cell.candidates()) {
            Attempt a = explore(b, cell, p);
            attempts.add(a);
            if (a.verdict() != Explorer.Verdict.FINDINGS) {
                break;
            }
        }
        return new CellResult(cell, cpus, attempts);
    }

    /** One candidate alone (for tests: the same verdict whatever the walk). */
    public Attempt attempt(Cell cell, int cpus, Primitive p) {
        return explore(boot(cell, cpus), cell, p);
    }

    /** A cell's system booted as check boots it, ready to explore with any candidate. */
    private record Booted(Kernel kernel, KernelConfig config, int cpus) {}

    private Booted boot(Cell cell, int cpus) {
        DriverGenerator.Generated g = DriverGenerator.generate(cell);
        Path dir = workDir.resolve(cell.row().id() + "." + cell.column().id() + "." + cpus + "cpu");
        List<Kernel.Program> programs = new ArrayList<>();
        Path module = dir.resolve("table.c");
        try {
            Files.createDirectories(dir);
            Files.writeString(module, g.module());
            for (var e : g.programs().entrySet()) {
                Path src = dir.resolve(e.getKey() + ".c");
                Files.writeString(src, e.getValue());
                programs.add(new Kernel.Program(e.getKey(), List.of(src)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KernelConfig cfg = CheckBoot.config(cpus, settings.preempt(), 1, 60_000_000_000L, 200_000_000L,
                PreprocessorOptions.defaults(), g.irqs(), 0, LockdepMode.OFF);
        Kernel k = Kernel.bootModules(cfg, List.of(ModuleSource.of(module)), programs, new SourceMap(), new ArrayList<>());
        Simulation.End end = CheckBoot.runToStart(k);
        if (end != Simulation.End.STOPPED) {
            throw new IllegalStateException("table: the generated system for " + cell.id() + " ended during boot (" + end + ")");
        }
        k.setQuiet(true);
        return new Booted(k, cfg, cpus);
    }

    /**
     * Explores the booted system with candidate p: a copy of the booted state with the
     * module's tbl_candidate set to p's index, as insmod would set a module parameter.
     */
    private Attempt explore(Booted b, Cell cell, Primitive p) {
        MachineState s = b.kernel().state().copy();
        s.mem.store(b.kernel().globalAddress("tbl_candidate"), 4, cell.candidates().indexOf(p));
        KernelModel model = new KernelModel(b.kernel(), s,
                settings.reductions() != null ? settings.reductions() : defaultReductions(cell, b.cpus()), b.cpus() > 1);
        Explorer<KState> ex = new Explorer<>(new FirstFinding<>(model), new Explorer.Bounds(settings.maxStates(), 100_000,
                Runtime.getRuntime().maxMemory() * 3 / 4 / Math.max(1, settings.threads()), 1));
        Explorer.Result<KState> r = ex.bfs();
        String text = CheckReport.text(r, b.config(), false).replace(workDir.toAbsolutePath() + "/", "")
                .replace(workDir + "/", "");
        List<String> kinds = r.findings().stream().map(f -> f.finding().kind().id).distinct().toList();
        return new Attempt(p, r.verdict(), r.states(), r.transitions(), r.depth(), r.nanos(), kinds, text);
    }
}
