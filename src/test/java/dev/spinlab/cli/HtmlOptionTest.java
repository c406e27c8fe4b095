package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --html FILE} on run, check and replay: what the page holds (its embedded data, read
 * back with Jackson), that it needs nothing from the network, and the errors for a FILE that
 * cannot be written. What the page draws is HtmlReportBrowserTest's (a real browser).
 */
class HtmlOptionTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run spinlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL);

    private static JsonNode data(Path page) throws Exception {
        String html = Files.readString(page);
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).as("the page embeds its data").isTrue();
        // self-contained: no script, style sheet or image from anywhere else
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]+(src|href)\\s*=")
                .doesNotContain("@import").doesNotContain("url(http").doesNotContain("fetch(")
                .doesNotContain("XMLHttpRequest");
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void checkDrawsEachFindingsTraceAndADeadlocksCycle() throws Exception {
        Path page = dir.resolve("irq.html");
        Run r = spinlab("check", "examples/irq-vs-process", "--irq", "5:2", "-DWRITES=2", "--html", page.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode d = data(page);
        assertThat(d.get("cpus").asInt()).isEqualTo(1);
        assertThat(d.get("command").asText()).isEqualTo("spinlab check examples/irq-vs-process --irq 5:2 -DWRITES=2 --html "
                + page);
        JsonNode deadlock = null;
        for (JsonNode t : d.get("timelines")) {
            assertThat(t.get("steps").size()).isPositive();
            if (t.get("kind").asText().equals("deadlock")) {
                deadlock = t;
            }
        }
        assertThat(d.get("timelines").size()).isEqualTo(countFindings(r.out()));
        assertThat(deadlock).isNotNull();
        // the handler on CPU#0 spins on the lock the task it interrupted holds
        JsonNode cycle = deadlock.get("cycle");
        assertThat(cycle.get("closed").asBoolean()).isTrue();
        assertThat(cycle.get("summary").asText()).isEqualTo("CPU#0 (writer) spins on &dev_lock in hardirq context;"
                + " &dev_lock held by the writer it interrupted (task context), which cannot run again until the"
                + " handler returns");
        // the last CPU step spins in hardirq context; the lock's bars: the writer's hold, the handler's spin
        JsonNode steps = deadlock.get("steps");
        JsonNode last = null;
        for (JsonNode s : steps) {
            if (!s.get("event").asBoolean()) {
                last = s;
            }
        }
        assertThat(last.get("ctx").asText()).isEqualTo("hardirq");
        assertThat(last.get("hardirq").asBoolean()).isTrue();
        assertThat(last.get("spinning").asText()).isEqualTo("&dev_lock");
        boolean held = false;
        boolean spin = false;
        for (JsonNode b : deadlock.get("locks")) {
            if (b.get("lock").asText().equals("&dev_lock") && b.get("to").asInt() == steps.size()) {
                held |= b.get("state").asText().equals("held") && b.get("ctx").asText().equals("task");
                spin |= b.get("state").asText().equals("spin") && b.get("ctx").asText().equals("hardirq");
            }
        }
        assertThat(held).isTrue();
        assertThat(spin).isTrue();
        assertThat(deadlock.get("highlightFrom").asInt()).isLessThan(steps.size());
        // every step's stack and the source line it is at are in the page
        int stack = last.get("stack").asInt();
        JsonNode frame = d.get("frames").get(d.get("stacks").get(stack).get(0).asInt());
        assertThat(frame.get("fn").asText()).isEqualTo("arch_spin_lock");
        assertThat(d.get("sources").get(frame.get("file").asText()).has(frame.get("line").asText())).isTrue();
    }

    @Test
    void anAbbaCycleGoesRoundBothCpus() throws Exception {
        Path page = dir.resolve("abba.html");
        Run r = spinlab("check", "examples/abba", "--cpus", "2", "--html", page.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode cycle = null;
        for (JsonNode t : data(page).get("timelines")) {
            if (t.has("cycle")) {
                cycle = t.get("cycle");
            }
        }
        assertThat(cycle).isNotNull();
        assertThat(cycle.get("closed").asBoolean()).isTrue();
        assertThat(cycle.get("summary").asText()).isEqualTo("CPU#0 (count) spins on &list_lock; &list_lock held by add"
                + " on CPU#1; CPU#1 (add) spins on &stats_lock; &stats_lock held by count on CPU#0");
    }

    @Test
    void runDrawsItsStepsAndReplayItsTrace() throws Exception {
        Path page = dir.resolve("run.html");
        Run r = spinlab("run", "--cpus", "1", "src/test/resources/scenarios/params/hello5.c", "--html", page.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
        JsonNode t = data(page).get("timelines").get(0);
        // a short run is drawn whole, with its locks (lockdep never reported, so it tracked them throughout)
        assertThat(t.has("note")).isFalse();
        assertThat(t.get("steps").size()).isGreaterThan(1000);
        assertThat(t.get("locks").size()).isPositive();

        Path json = dir.resolve("rec.json");
        Run check = spinlab("check", "examples/recursion", "--cpus", "1", "--format", "json", "--html",
                dir.resolve("check.html").toString());
        Files.writeString(json, check.out());
        // the stored invocation is the system, not the outputs: replay writes its own page
        assertThat(new ObjectMapper().readTree(check.out()).get("invocation").toString()).doesNotContain("--html");
        Path replayed = dir.resolve("replay.html");
        Run rep = spinlab("replay", "--finding", "3", json.toString(), "--html", replayed.toString());
        assertThat(rep.code()).as(rep.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode rt = data(replayed).get("timelines").get(0);
        assertThat(rt.get("kind").asText()).isEqualTo("deadlock");
        assertThat(rt.get("cycle").get("summary").asText())
                .isEqualTo("CPU#0 (adder) spins on &table_lock; &table_lock held by adder itself (recursion)");
        // the same steps as the check's page draws (but for where each page's stack table put their stacks)
        JsonNode ct = data(dir.resolve("check.html")).get("timelines").get(2);
        assertThat(withoutStacks(rt.get("steps"))).isEqualTo(withoutStacks(ct.get("steps")));
    }

    @Test
    void aFileThatCannotBeWrittenIsBadInputBeforeAnyWork() throws Exception {
        Path missing = dir.resolve("no/such/dir/x.html");
        for (String cmd : List.of("run", "check")) {
            Run r = spinlab(cmd, "examples/hello", "--cpus", "1", "--html", missing.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).isEqualTo("spinlab " + cmd + ": --html " + missing + ": cannot write the report: No such"
                    + " file or directory (" + missing.getParent() + " does not exist)\n");
            assertThat(r.out()).isEmpty();
        }
        Run d = spinlab("check", "examples/hello", "--html", dir.toString());
        assertThat(d.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(d.err()).isEqualTo("spinlab check: --html " + dir + ": cannot write the report: Is a directory\n");
        Run rep = spinlab("replay", dir.resolve("absent.json").toString(), "--html", missing.toString());
        assertThat(rep.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rep.err()).startsWith("spinlab replay: --html " + missing + ": cannot write the report");
        Run bare = spinlab("run", "--no-kernel", "src/test/resources/golden/kc/return_seven.c", "--html",
                dir.resolve("bare.html").toString());
        assertThat(bare.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bare.err()).contains("--html draws the kernel's CPUs").doesNotContain("Exception");
    }

    @Test
    void aFixVerificationsReRunWritesNoPage() {
        assertThat(FixVerifier.rerunArgs(List.of("--html", "a.html", "--cpus", "1", "--html=b.html", "x.c")))
                .containsExactly("--cpus", "1", "x.c");
    }

    private static JsonNode withoutStacks(JsonNode steps) {
        JsonNode copy = steps.deepCopy();
        copy.forEach(s -> ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("stack"));
        return copy;
    }

    private static int countFindings(String out) {
        Matcher m = Pattern.compile("spinlab check: (\\d+) findings?").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
