package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check --preemptions on examples/abba (two CPUs): the ABBA deadlock needs one preemption (a
 * task switched away from between its two locks while the other takes them in the other
 * order), so a search bounded at 0 cannot reach it and says only that nothing was found
 * within the bound; at 1 it is found, and its trace replays without the bound.
 */
class PreemptionsCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run spinlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static List<String> kinds(JsonNode root) {
        List<String> out = new ArrayList<>();
        root.get("findings").forEach(f -> out.add(f.get("kind").asText()));
        return out;
    }

    @Test
    void theAbbaDeadlockNeedsOnePreemptionAndItsTraceReplays() throws Exception {
        Run none = spinlab("check", "--format", "json", "--preemptions", "0", "examples/abba");
        JsonNode zero = new ObjectMapper().readTree(none.out());
        assertThat(kinds(zero)).doesNotContain("deadlock").contains("lockdep:circular-dependency");
        assertThat(zero.get("bound").asText()).isEqualTo("--preemptions 0");

        Run one = spinlab("check", "--format", "json", "--preemptions", "1", "examples/abba");
        assertThat(one.code()).as(one.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode root = new ObjectMapper().readTree(one.out());
        assertThat(kinds(root)).contains("deadlock");
        Path trace = dir.resolve("abba.json");
        Files.writeString(trace, one.out());
        int n = kinds(root).indexOf("deadlock") + 1;
        Run replay = spinlab("replay", "--finding", String.valueOf(n), trace.toString());
        assertThat(replay.code()).as(replay.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(replay.out()).contains("no CPU can make progress");
    }

    @Test
    void aCleanBoundedSearchSaysWithinTheBoundAndExitsAsABound() {
        // one CPU: no schedule switches away from a CPU that could go on, so nothing is cut
        Run exhaustive = spinlab("check", "--preemptions", "0", "--no-lockdep", "--cpus", "1", "examples/abba");
        assertThat(exhaustive.out()).contains("no deadlock or BUG reachable").doesNotContain("within");
        assertThat(exhaustive.code()).isEqualTo(ExitCodes.CLEAN);
        // the same-order fix on two CPUs: clean within the bound, never "reachable"
        Run bounded = spinlab("check", "--preemptions", "0", "--no-lockdep",
                "src/test/resources/scenarios/trylock-spin", "-DSAME_ORDER");
        assertThat(bounded.out()).contains("no deadlock or BUG within 0 preemptions")
                .doesNotContain("no deadlock or BUG reachable");
        assertThat(bounded.code()).isEqualTo(ExitCodes.BOUND);
    }

    @Test
    void badValuesAndReorderingReductionsAreRefused() {
        Run word = spinlab("check", "--preemptions", "some", "examples/abba");
        assertThat(word.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(word.err()).contains("--preemptions some: expected a number of preemptions (0 or more) or auto");
        Run negative = spinlab("check", "--preemptions", "-1", "examples/abba");
        assertThat(negative.code()).isEqualTo(ExitCodes.BAD_INPUT);
        Run sleepSets = spinlab("check", "--preemptions", "2", "--reductions", "sleep-sets", "examples/abba");
        assertThat(sleepSets.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sleepSets.err()).contains("--preemptions explores with the user-steps, read-only, cpu-local, spin-waits and exclusive-pairs reductions only");
    }
}
