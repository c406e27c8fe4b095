package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = new String[args.length + 1];
        argv[0] = "check";
        System.arraycopy(args, 0, argv, 1, args.length);
        int code = Main.execute(argv, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** A module whose init locks up: the boot never reaches the programs, and JSON still says so. */
    @Test
    void aBootThatEndsIsOneFindingInTheJsonSchema() throws Exception {
        Path module = dir.resolve("stuck.c");
        Files.writeString(module, """
                #include <linux/module.h>
                #include <linux/spinlock.h>
                static DEFINE_SPINLOCK(l);
                static int __init stuck_init(void)
                {
                	spin_lock(&l);
                	spin_lock(&l);
                	return 0;
                }
                module_init(stuck_init);
                """);
        Path prog = dir.resolve("p.c");
        Files.writeString(prog, "int main(void) { return 0; }\n");
        Run r = check("--cpus", "1", "--format", "json", module.toString(), prog.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("verdict").asText()).isEqualTo("findings");
        assertThat(root.get("states").asLong()).isZero();
        assertThat(root.get("findings").get(0).get("kind").asText()).isEqualTo("boot");
        assertThat(root.get("findings").get(0).get("message").asText()).contains("ended during boot");
        Run text = check("--cpus", "1", module.toString(), prog.toString());
        assertThat(text.out()).contains("ended during boot").contains("nothing to explore");
    }

    @Test
    void depthFirstFindsWhatBreadthFirstFinds() {
        Run bfs = check("--cpus", "1", "examples/recursion");
        Run dfs = check("--cpus", "1", "--search", "dfs", "examples/recursion");
        assertThat(dfs.code()).isEqualTo(bfs.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(dfs.out()).contains("trace as found depth-first")
                .contains("BUG: spinlock recursion on CPU#0, adder/5").contains("deadlock: no CPU can make progress");
        // depth-first has no sleep sets: at least the states breadth-first visits, never fewer
        assertThat(states(dfs.out())).isGreaterThanOrEqualTo(states(bfs.out())).isGreaterThan(100);
        Run bad = check("--search", "sideways", "examples/recursion");
        assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--search sideways: expected bfs or dfs");
    }

    private static long states(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("— ([0-9]+) states").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void threadsGiveTheSameResult() {
        Run one = check("--cpus", "1", "--threads", "1", "examples/data-race");
        Run two = check("--cpus", "1", "--threads", "2", "examples/data-race");
        String strip = "states/s, [0-9.]+ s";
        assertThat(two.out().replaceAll("[0-9]+ " + strip, "")).isEqualTo(one.out().replaceAll("[0-9]+ " + strip, ""));
    }
}
