package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kernel.Kernel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel as a Model: exhaustive search finds the recursion deadlock and verifies the fixed variant. */
class KernelModelTest {
    static Explorer.Result<KState> check(String... defines) {
        Path dir = Path.of("examples/recursion");
        KernelModel model = CheckScenarios.boot(1, List.of(defines), List.of(), List.of(dir.resolve("recdemo.c")),
                List.of(new Kernel.Program("adder", List.of(dir.resolve("adder.c")))));
        return new Explorer<>(model, new Explorer.Bounds(100_000, 10_000, Long.MAX_VALUE, 1)).bfs();
    }

    @Test
    void findsTheRecursionDeadlockWithATraceThatReplaysToIt() {
        Explorer.Result<KState> r = check();
        assertThat(r.verdict()).isEqualTo(Explorer.Verdict.FINDINGS);
        assertThat(r.findings()).extracting(Explorer.Finding::message)
                .anyMatch(m -> m.startsWith("spinlock-recursion: BUG: spinlock recursion on CPU#0, adder/"))
                .anyMatch(m -> m.startsWith("deadlock: no CPU can make progress and adder has not exited;")
                        && m.contains("waiting in arch_spin_lock"));
    }

    @Test
    void theFixedVariantVerifiesClean() {
        Explorer.Result<KState> r = check("FIXED");
        assertThat(r.verdict()).isEqualTo(Explorer.Verdict.OK);
        assertThat(r.states()).isGreaterThan(100);
    }

    @Test
    void checkPrintsItsDocumentedJson() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = dev.spinlab.cli.Main.execute(new String[] {"check", "examples/recursion", "--cpus", "1", "--format", "json"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(code).isEqualTo(1);
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(root.get("verdict").asText()).isEqualTo("findings");
        assertThat(root.get("states").asLong()).isGreaterThan(100);
        List<String> kinds = new ArrayList<>();
        root.get("findings").forEach(f -> kinds.add(f.get("kind").asText()));
        // lockdep is on under check: its report comes with the spinlock debugging's and the deadlock
        assertThat(kinds).containsExactlyInAnyOrder("lockdep:recursive-locking", "spinlock-recursion", "deadlock");
        assertThat(root.get("findings").get(kinds.indexOf("deadlock")).get("trace").size()).isGreaterThan(100);
    }
}
