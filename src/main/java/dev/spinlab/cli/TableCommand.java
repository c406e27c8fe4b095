package dev.spinlab.cli;

import dev.spinlab.check.Reductions;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.table.Cell;
import dev.spinlab.table.TableReport;
import dev.spinlab.table.TableRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spinlab table}: the kernel's table of minimum locking requirements, derived by checking
 * a generated driver per pair of contexts with each candidate primitive (docs/table.md).
 */
@Command(name = "table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Derive the kernel's table of minimum locking requirements"
                + " (Documentation/kernel-hacking/locking.rst): for each pair of contexts (hardirq, softirq,"
                + " tasklet, timer, user; A and B), generate a driver in which both share data under one lock,"
                + " check it with each primitive from the weakest (none, spin_lock, spin_lock_bh, spin_lock_irq,"
                + " spin_lock_irqsave), and print the weakest that check proves free of deadlocks, BUGs and data"
                + " races. See docs/table.md.", ""},
        footer = {"", "CELL is ROW,COLUMN with each a context: hardirq-A, hardirq-B, softirq-A, softirq-B,"
                + " tasklet-A, tasklet-B, timer-A, timer-B, user-A, user-B ('-A' may be left out; 'irq' means"
                + " hardirq; the order does not matter), e.g. --why user,softirq-A or --why hardirq-A,hardirq-A.",
                "", "Exit status: 0 every cell proved; 2 bad input; 3 a cell reached its bound; 70 internal error.", ""})
public final class TableCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cpus", paramLabel = "1|2", order = 10,
            description = "Derive the table for 1 or 2 CPUs (default: both; the kernel's table assumes SMP). Under"
                    + " --preempt rt the default is 1: the two-CPU RT searches do not end within the bound yet"
                    + " (docs/table.md, \"The PREEMPT_RT table\").")
    Integer cpus;

    @Option(names = "--preempt", paramLabel = "MODEL", defaultValue = "voluntary", order = 11,
            description = "Preemption model: none, voluntary, full or rt (default: ${DEFAULT-VALUE}). Under rt the"
                    + " model kernel is PREEMPT_RT (spinlock_t an rt_mutex, irq handlers and softirqs in threads) and"
                    + " the table is the RT one, derived the same way.")
    String preempt;

    @Option(names = "--why", paramLabel = "CELL", order = 20,
            description = "Only this cell, with its evidence: the counterexample trace of the next weaker primitive"
                    + " (as check prints it), the chosen primitive's proof summary and its generated driver.")
    String why;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", order = 30,
            description = "Output: text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat.Kind format;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "1500000", order = 40,
            description = "Bound on each check's states (default: ${DEFAULT-VALUE}); a cell whose check reaches it"
                    + " says 'bound reached'.")
    long maxStates;

    @Option(names = "--reductions", paramLabel = "LIST", order = 42,
            description = "check's state-space reductions for every search: all, none or a comma list (see check"
                    + " --help). Default: all (a tasklet meeting itself on two CPUs: all but interleavings, for"
                    + " speed; docs/table.md, Limits).")
    String reductionSpec;

    @Option(names = "--threads", paramLabel = "N", order = 41,
            description = "Cells checked at once, each booting its own kernel (default: the number of cores).")
    Integer threads;

    @Option(names = "--every-cell", order = 44,
            description = "Check every cell, also those that are another cell with the instance letters renamed"
                    + " (user-B,softirq-B is user-A,softirq-A); by default such a cell takes the other's answer"
                    + " (docs/table.md).")
    boolean everyCell;

    @Option(names = "--progress", order = 43,
            description = "Print a line on standard error as each cell is finished (its answer, checks and states).")
    boolean progress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = null;
        try {
            PreemptModel model = PreemptModel.parse(preempt);
            if (cpus != null && cpus != 1 && cpus != 2) {
                throw new IllegalArgumentException("--cpus must be 1 or 2, got " + cpus);
            }
            if (maxStates < 1) {
                throw new IllegalArgumentException("--max-states must be at least 1, got " + maxStates);
            }
            if (format == OutputFormat.Kind.sarif) {
                throw new IllegalArgumentException("--format sarif: table prints text or json");
            }
            int cores = Runtime.getRuntime().availableProcessors();
            if (threads != null && (threads < 1 || threads > 4 * cores)) {
                throw new IllegalArgumentException("--threads must be between 1 and " + 4 * cores + ", got " + threads);
            }
            List<Cell> cells = why != null ? List.of(Cell.parse(why)) : Cell.all();
            // the two-CPU RT cells reach the bound (hardirq-B,hardirq-A: 3,000,000 states at depth 259
            // with no answer), so RT derives one CPU unless two are asked for
            List<Integer> counts = cpus != null ? List.of(cpus) : model == PreemptModel.RT ? List.of(1) : List.of(2, 1);
            work = Files.createTempDirectory("spinlab-table");
            TableRunner runner = new TableRunner(new TableRunner.Settings(model, maxStates, reductionSpec == null ? null : Reductions.parse(reductionSpec),
                    threads != null ? threads : cores, !everyCell), work);
            long t0 = System.nanoTime();
            List<TableRunner.CellResult> results = runner.run(cells, counts, r -> {
                if (progress) {
                    synchronized (err) {
                        err.println(TableReport.progressLine(r));
                        err.flush();
                    }
                }
            });
            double secs = (System.nanoTime() - t0) / 1e9;
            if (format == OutputFormat.Kind.json) {
                out.println(TableReport.json(results, model.label(), why != null));
            } else if (why != null) {
                out.print(TableReport.why(results));
            } else {
                out.print(TableReport.text(results, model.label(), secs));
            }
            return results.stream().anyMatch(TableRunner.CellResult::boundReached) ? ExitCodes.BOUND : ExitCodes.CLEAN;
        } catch (IllegalArgumentException e) {
            err.println("spinlab table: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (CompileError e) {
            // the generated C is ours: not the user's input
            throw new IllegalStateException("table: generated driver does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            err.println("spinlab table: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
