package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spinlab replay on examples/recursion's findings (one CPU: a check of well under a second):
 * lockdep's recursive locking, the spinlock recursion BUG and the deadlock.
 */
class ReplayCommandTest {
    record Result(int code, String out, String err) {}

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    /** check --format json of examples/recursion on one CPU: lockdep's report, a spinlock recursion, a deadlock. */
    static Path trace;
    static JsonNode checked;

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void check() throws IOException {
        Result r = run("check", "--format", "json", "--cpus", "1", "examples/recursion");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        trace = dir.resolve("recursion.json");
        Files.writeString(trace, r.out());
        checked = JSON.readTree(r.out());
    }

    /** The check's JSON with one change made by edit, written to a new file. */
    static Path tampered(String name, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode copy = checked.deepCopy();
        edit.accept(copy);
        Path p = dir.resolve(name + ".json");
        Files.writeString(p, JSON.writeValueAsString(copy));
        return p;
    }

    /** The number (from 1) of the check's finding of this kind. */
    static int findingOf(String kind) {
        JsonNode fs = checked.get("findings");
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i).get("kind").asText().equals(kind)) {
                return i + 1;
            }
        }
        throw new AssertionError("the check found no " + kind + ": " + fs);
    }

    static int traceLength(int finding) {
        return checked.get("findings").get(finding - 1).get("trace").size();
    }

    @Test
    void checkStoresItsInvocationWithoutFormatAndItsWorkingDirectory() {
        List<String> inv = new ArrayList<>();
        checked.get("invocation").forEach(w -> inv.add(w.asText()));
        assertThat(inv).containsExactly("--cpus", "1", "examples/recursion");
        assertThat(checked.get("cwd").asText()).isEqualTo(Path.of("").toAbsolutePath().toString());

        Result r = run("check", "--format=json", "-DUNUSED=1", "--cpus", "1", "--max-states", "50", "examples/recursion");
        List<String> inv2 = new ArrayList<>();
        readTree(r.out()).get("invocation").forEach(w -> inv2.add(w.asText()));
        assertThat(inv2).containsExactly("-DUNUSED=1", "--cpus", "1", "--max-states", "50", "examples/recursion");
    }

    @Test
    void replaysTheSpinlockRecursionToTheKernelsReport() {
        int n = findingOf("spinlock-recursion");
        Result r = run("replay", "--finding", String.valueOf(n), trace.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).startsWith("[    0.000000] Linux version 6.6.0-spinlab")
                .contains("] BUG: spinlock recursion on CPU#0, adder/5\n")
                .contains(".owner: adder/5, .owner_cpu: 0")
                .contains("table_add+0x")
                .endsWith("spinlab replay: reached finding " + n + " (spinlock-recursion) after " + traceLength(n) + " steps\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void replaysTheDeadlockWithTheMessageAndEveryCpusStack() {
        int n = findingOf("deadlock");
        Result r = run("replay", "--finding", String.valueOf(n), trace.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        String message = checked.get("findings").get(n - 1).get("message").asText();
        assertThat(message).startsWith("no CPU can make progress and adder has not exited");
        assertThat(r.out()).contains("] spinlab: deadlock: " + message + "\n")
                .contains("] spinlab: backtrace of CPU#0:\n")
                .contains("] CPU: 0 PID: 5 Comm: adder")
                .contains("]  arch_spin_lock+0x")
                .endsWith("spinlab replay: reached finding " + n + " (deadlock) after " + traceLength(n) + " steps\n");
        // the recursion BUG is on the deadlock's path too: the log shows it before the deadlock
        assertThat(r.out().indexOf("BUG: spinlock recursion")).isPositive()
                .isLessThan(r.out().indexOf("spinlab: deadlock"));
    }

    @Test
    void jsonIsRunsJsonPlusReplayed() {
        int n = findingOf("spinlock-recursion");
        Result r = run("replay", "--format", "json", "--finding", String.valueOf(n), trace.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode j = readTree(r.out());
        assertThat(j.get("end").asText()).isEqualTo("stopped");
        assertThat(j.get("cpus").asInt()).isEqualTo(1);
        assertThat(j.get("log").size()).isGreaterThan(10);
        List<String> kinds = new ArrayList<>();
        j.get("findings").forEach(f -> kinds.add(f.get("kind").asText() + ": " + f.get("message").asText()));
        assertThat(kinds).contains("spinlock-recursion: BUG: spinlock recursion on CPU#0, adder/5");
        JsonNode rep = j.get("replayed");
        assertThat(rep.get("finding").asInt()).isEqualTo(n);
        assertThat(rep.get("kind").asText()).isEqualTo("spinlock-recursion");
        assertThat(rep.get("steps").asInt()).isEqualTo(traceLength(n));
        assertThat(rep.get("reached").asBoolean()).isTrue();
    }

    @Test
    void relativePathsResolveAgainstTheChecksWorkingDirectory() throws IOException {
        // as if the check had run in examples/: "recursion" only exists there
        Path t = tampered("elsewhere", o -> {
            o.put("cwd", Path.of("examples").toAbsolutePath().toString());
            ArrayNode inv = o.putArray("invocation");
            inv.add("--cpus").add("1").add("recursion");
        });
        Result r = run("replay", "--finding", String.valueOf(findingOf("spinlock-recursion")), t.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("BUG: spinlock recursion on CPU#0, adder/5");
    }

    @Test
    void missingFileIsBadInput() {
        Result r = run("replay", dir.resolve("no-such.json").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no-such.json: No such file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badJsonIsBadInput() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"findings\": [");
        Result r = run("replay", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("bad.json: not valid JSON").doesNotContain("Exception").doesNotContain("\tat ");
        Path other = Files.writeString(dir.resolve("other.json"), "[1, 2]");
        Result o = run("replay", other.toString());
        assertThat(o.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.err()).contains("not the JSON of 'spinlab check --format json'");
    }

    @Test
    void jsonWithoutInvocationIsBadInput() throws IOException {
        Path t = tampered("old", o -> o.remove("invocation"));
        Result r = run("replay", t.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no \"invocation\" and \"cwd\"").contains("run the check again");
    }

    @Test
    void findingOutOfRangeIsBadInput() {
        int count = checked.get("findings").size();
        for (String n : List.of("0", String.valueOf(count + 1))) {
            Result r = run("replay", "--finding", n, trace.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("no finding " + n + " in").contains("(it has findings 1-" + count + ")");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void tamperedChoiceIsBadInputNamingTheStep() throws IOException {
        Path t = tampered("tampered", o -> ((ObjectNode) o.get("findings").get(0).get("trace").get(4)).put("choice", 7));
        Result r = run("replay", t.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("trace does not match this build of spinlab/model: step 5 offers only 1 choice,")
                .doesNotContain("Exception");
    }

    @Test
    void aPathThatNoLongerEndsInTheFindingDiverges() throws IOException {
        // -DFIXED: the same choices now run the fixed driver, which reports nothing
        int n = findingOf("spinlock-recursion");
        Path t = tampered("fixed", o -> ((ArrayNode) o.get("invocation")).add("-DFIXED"));
        Result r = run("replay", "--finding", String.valueOf(n), t.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("replay diverged: after " + traceLength(n)
                + " steps the path does not end in finding " + n + " (spinlock-recursion: BUG: spinlock recursion");
        assertThat(r.out()).doesNotContain("BUG: spinlock recursion").doesNotContain("reached finding");
    }

    /**
     * With pass-through (--reductions all,pass-through) the search stores fewer states, in fewer
     * levels, but its traces still list every step: the same findings, and a deadlock's trace
     * replays to the deadlock.
     */
    @Test
    void aPassThroughSearchsTraceListsEveryStepAndReplays() throws IOException {
        Result c = run("check", "--format", "json", "--cpus", "1", "--reductions", "all,pass-through",
                "examples/recursion");
        assertThat(c.code()).as(c.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode pt = JSON.readTree(c.out());
        assertThat(pt.get("depth").asInt()).isLessThan(checked.get("depth").asInt());
        java.util.List<String> kinds = new java.util.ArrayList<>();
        java.util.List<String> defaultKinds = new java.util.ArrayList<>();
        pt.get("findings").forEach(f -> kinds.add(f.get("kind").asText()));
        checked.get("findings").forEach(f -> defaultKinds.add(f.get("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(defaultKinds);
        int n = kinds.indexOf("deadlock") + 1;
        assertThat(n).as("the check's findings: %s", pt.get("findings")).isPositive();
        Path p = dir.resolve("pass-through.json");
        Files.writeString(p, c.out());
        Result same = run("replay", "--finding", String.valueOf(n), p.toString());
        assertThat(same.code()).as(same.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(same.out() + same.err()).contains("reached finding " + n);
    }

    /**
     * With the private-data reduction (--reductions all,private-data) a CPU step runs on
     * through the words the search found private: the JSON names the words that were visible,
     * and replay must cut its steps at the same places. Without them the same choices go
     * elsewhere; a default check stores none.
     */
    @Test
    void replayCutsStepsWhereThePrivateDataSearchDid() throws IOException {
        assertThat(checked.has("visibleWords")).as("a default check hides nothing").isFalse();
        Result c = run("check", "--format", "json", "--cpus", "1", "--reductions", "all,private-data",
                "examples/recursion");
        assertThat(c.code()).as(c.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode pd = JSON.readTree(c.out());
        assertThat(pd.path("visibleWords").isTextual()).as("visibleWords in %s", pd).isTrue();
        assertThat(pd.get("states").asLong()).isLessThan(checked.get("states").asLong());
        int n = 0;
        for (int i = 0; i < pd.get("findings").size(); i++) {
            if (pd.get("findings").get(i).get("kind").asText().equals("deadlock")) {
                n = i + 1;
            }
        }
        assertThat(n).as("the check's findings: %s", pd.get("findings")).isPositive();
        Path p = dir.resolve("private-data.json");
        Files.writeString(p, c.out());
        Result same = run("replay", "--finding", String.valueOf(n), p.toString());
        assertThat(same.code()).as(same.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(same.out() + same.err()).contains("reached finding " + n);
        ObjectNode without = (ObjectNode) pd.deepCopy();
        without.remove("visibleWords");
        Path t = dir.resolve("private-data-without-words.json");
        Files.writeString(t, JSON.writeValueAsString(without));
        Result r = run("replay", "--finding", String.valueOf(n), t.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).containsAnyOf("replay diverged", "trace does not match");
        ObjectNode bad = (ObjectNode) pd.deepCopy();
        bad.put("visibleWords", "12:x");
        Path b = dir.resolve("private-data-bad-words.json");
        Files.writeString(b, JSON.writeValueAsString(bad));
        Result rb = run("replay", b.toString());
        assertThat(rb.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rb.err()).contains("\"visibleWords\" is not a list of hex word:count runs").doesNotContain("Exception");
    }

    @Test
    void unknownFormatIsBadInput() {
        Result r = run("replay", "--format", "xml", trace.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Invalid value for option '--format'").contains("xml");
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(s, e);
        }
    }

    /**
     * --preempt rt end to end: check explores PREEMPT_RT (spinlock_t an rt_mutex) and replay
     * boots the same RT kernel and reaches RT's own report: taking a spinlock_t inside a
     * raw_spinlock_t section is a sleeping function called with preemption off.
     */
    @Test
    void aPreemptRtFindingReplaysUnderRt() throws IOException {
        Result c = run("check", "--format", "json", "--cpus", "1", "--preempt", "rt", "--irq", "5:1",
                "-DRAW_OUTER", "-DWRITES=1", "examples/rt");
        assertThat(c.code()).as(c.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode rt = JSON.readTree(c.out());
        assertThat(rt.get("preempt").asText()).isEqualTo("rt");
        int n = 0;
        for (int i = 0; i < rt.get("findings").size(); i++) {
            if (rt.get("findings").get(i).get("kind").asText().equals("sleep-in-atomic")) {
                n = i + 1;
            }
        }
        assertThat(n).as("the check's findings: %s", rt.get("findings")).isPositive();
        Path p = dir.resolve("rt.json");
        Files.writeString(p, c.out());
        Result r = run("replay", "--finding", Integer.toString(n), p.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("SMP PREEMPT_RT",
                "BUG: sleeping function called from invalid context at kernel/locking/spinlock_rt.c",
                "preempt_count: 1, expected: 0", "RCU nest depth: 0, expected: 0", "rt_spin_lock+");
    }
}
