package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command has its own options (issue 14 item 6): check refuses run's, every option is
 * validated before anything boots, and the help reads in whole lines.
 */
class CommandOptionsTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path program(Path dir) throws IOException {
        Path c = dir.resolve("p.c");
        Files.writeString(c, "int main(void) { return 0; }\n");
        return c;
    }

    @Test
    void checkRefusesRunOnlyOptions(@TempDir Path dir) throws IOException {
        String p = program(dir).toString();
        for (List<String> flag : List.of(List.of("--probe", "no_such_fn"), List.of("--no-kernel"),
                List.of("--start-interval", "1"),
                List.of("--seed", "3"), List.of("--max-time", "1"), List.of("--max-steps", "10"))) {
            String[] args = new String[flag.size() + 2];
            args[0] = "check";
            for (int i = 0; i < flag.size(); i++) {
                args[i + 1] = flag.get(i);
            }
            args[args.length - 1] = p;
            Result r = run(args);
            assertThat(r.code()).as("check %s", flag).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as("check %s", flag).contains("Unknown option").contains(flag.get(0));
        }
    }

    @Test
    void badValuesAreBadInputWithTheOptionNamed(@TempDir Path dir) throws IOException {
        String p = program(dir).toString();
        String[][] cases = {
            {"check", "--format", "xml", p}, {"run", "--format", "xml", p}, {"replay", "--format", "xml", p},
            {"check", "--max-states", "0", p}, {"check", "--max-states", "-1", p}, {"check", "--max-depth", "0", p},
            {"check", "--max-memory", "0", p}, {"check", "--threads", "0", p}, {"check", "--threads", "10000", p},
            {"check", "--search", "sideways", p}, {"run", "--max-time", "NaN", p}, {"run", "--max-time", "Infinity", p},
            {"run", "--max-time", "0", p}, {"run", "--max-steps", "0", p}, {"run", "--start-interval", "-1", p},
            {"run", "--irq", "5:", p}, {"run", "--irq", "5:0", p}, {"run", "--irq", ":3", p}, {"check", "--irq", "5:", p},
            {"run", "--cpus", "0", p}, {"check", "--cpus", "9", p}, {"run", "--rx", "-1", p},
        };
        for (String[] c : cases) {
            Result r = run(c);
            assertThat(r.code()).as(String.join(" ", c)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(String.join(" ", c)).contains(c[1]).doesNotContain("Exception");
        }
    }

    @Test
    void helpKeepsEachOptionAndReadsInWholeLines() {
        for (String cmd : List.of("run", "check", "replay")) {
            Result h = run(cmd, "--help");
            assertThat(h.code()).isZero();
            // picocli wraps each paragraph to the width; a line that ends without a word of the
            // next following it (the old hand-broken descriptions) shows as a short line
            // followed by an indented continuation that starts a new sentence mid-way
            for (String line : h.out().split("\n")) {
                assertThat(line.length()).as(cmd + " --help: " + line).isLessThanOrEqualTo(80);
            }
        }
        String check = run("check", "--help").out();
        assertThat(check).contains("--search=bfs|dfs").contains("--reductions=LIST").contains("--threads=N")
                .contains("--max-states=N").contains("--irq=N[:COUNT]").contains("--rx=N").contains("-D=NAME")
                .doesNotContain("--probe").doesNotContain("--no-kernel").doesNotContain("--start-interval")
                .doesNotContain("--max-time").contains("--no-lockdep").contains("--lockdep-all");
        // the description of --reductions is one paragraph, wrapped by picocli, not by hand
        assertThat(Arrays.stream(check.split("\n")).filter(l -> l.startsWith("      --reductions"))).hasSize(1);
        assertThat(check).doesNotContain("comma list of\n                            user-steps");
    }

    @Test
    void findingsWinOverABoundInRunAsInCheck(@TempDir Path dir) throws IOException {
        Path c = dir.resolve("f.c");
        Files.writeString(c, "int *p;\nint main(void) { *p = 1; for (;;) ; }\n");
        Result bare = run("run", "--no-kernel", "--max-steps", "1000", c.toString());
        assertThat(bare.code()).isEqualTo(ExitCodes.FINDINGS);
        Path loop = dir.resolve("l.c");
        Files.writeString(loop, "int x;\nint main(void) { for (;;) x++; }\n");
        assertThat(run("run", "--no-kernel", "--max-steps", "1000", loop.toString()).code()).isEqualTo(ExitCodes.BOUND);
    }
}
