package dev.spinlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --html FILE}, shared by run, check and replay: the HTML report (docs/html.md). */
public final class HtmlOption {
    @Option(names = "--html", paramLabel = "FILE", order = 93,
            description = "Also write a self-contained HTML report to FILE: a timeline per CPU of the trace (check:"
                    + " each finding's; replay: the replayed one; run: its last steps) with contexts, preempt_count,"
                    + " the irq flag, lock bars and a deadlock's wait cycle; click a step for its stack and source"
                    + " (docs/html.md).")
    Path file;

    boolean any() {
        return file != null;
    }

    /**
     * Refuses a FILE that cannot be written before any work is done (a directory, a missing or
     * read-only directory, a read-only file): the same error the write would give, at once.
     */
    void checkWritable() {
        if (file == null) {
            return;
        }
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        String why = null;
        if (Files.isDirectory(abs)) {
            why = "Is a directory";
        } else if (dir == null || !Files.isDirectory(dir)) {
            why = "No such file or directory (" + (dir == null ? "no directory" : file.getParent()) + " does not exist)";
        } else if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
            why = "Permission denied";
        }
        if (why != null) {
            throw new IllegalArgumentException("--html " + file + ": cannot write the report: " + why);
        }
    }

    /** Whether args[i] (with its value, when separate) is this option: re-runs and stored invocations leave it out. */
    static int skip(java.util.List<String> args, int i) {
        String a = args.get(i);
        if (a.equals("--html")) {
            return 2;
        }
        return a.startsWith("--html=") ? 1 : 0;
    }
}
