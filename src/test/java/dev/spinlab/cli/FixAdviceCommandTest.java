package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * --fix-advice and --verify-fix on the seed scenarios: the netfilter counter's lock shared with
 * a PRE_ROUTING softirq gets spin_lock_bh on the process side, verified; the ABBA driver gets
 * a lock order, verified; the hello driver's lock held across the return to user space gets
 * advice in words (no mechanical change). The user's files are never written.
 */
class FixAdviceCommandTest {
    record Run(int code, String out, String err) {}

    static Run spinlab(String... argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(argv, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static String advice(Run r) {
        int at = r.out().indexOf("\nfix advice:\n");
        assertThat(at).as("output has the advice section:\n%s", r.out()).isPositive();
        return r.out().substring(at);
    }

    @Test
    void preroutingGetsSpinLockBhOnTheProcessSideVerified() throws Exception {
        Path src = Path.of("examples/prerouting/pktcount.c");
        String before = Files.readString(src);
        Run r = spinlab("check", "examples/prerouting-check", "--verify-fix");
        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        String a = advice(r);
        assertThat(a).contains("finding 1 (lockdep:inconsistent-lock-state): pktcount_ioctl"
                + " (examples/prerouting/pktcount.c:98) takes count_lock with spin_lock with bottom halves enabled")
                .contains("count_lock is also taken in softirq context (count_prerouting, examples/prerouting/pktcount.c:53)")
                .contains("use spin_lock_bh in pktcount_ioctl (and spin_unlock_bh to release it)")
                .contains("    fix verified: the finding is gone and no new finding appears; also gone: finding 2 (deadlock)")
                .contains("finding 2 (deadlock)").contains("gone with the verified change of finding 1");
        assertThat(Files.readString(src)).as("the user's file is untouched").isEqualTo(before);
    }

    @Test
    void abbaGetsALockOrderVerified() throws Exception {
        Path src = Path.of("examples/lockdep-abba/abba.c");
        String before = Files.readString(src);
        Run r = spinlab("check", "examples/lockdep-abba", "--cpus", "1", "--verify-fix");
        String a = advice(r);
        assertThat(a).contains("read_stats (examples/lockdep-abba/abba.c:38) takes &list_lock while holding &stats_lock")
                .contains("take the locks in one order, &list_lock -> &stats_lock")
                .contains("change: examples/lockdep-abba/abba.c:38: read_stats takes &list_lock before &stats_lock")
                .contains("fix verified: the finding is gone and no new finding appears");
        assertThat(Files.readString(src)).isEqualTo(before);
    }

    @Test
    void helloGetsAdviceInWordsAndNoPretendedVerification() {
        Run r = spinlab("run", "examples/hello", "--cpus", "1", "--fix-advice");
        String a = advice(r);
        assertThat(a).contains("finding 1 (lockdep:lock-held-returning-to-user): a's system call returned to user space"
                + " holding &lock (taken in hello_open, examples/hello/hello.c:21)").contains("must be released before the system call returns")
                .doesNotContain("fix verified").doesNotContain("change:");
    }

    @Test
    void jsonCarriesEachAdvisedFindingsFix() throws Exception {
        Run r = spinlab("check", "examples/recursion", "--fix-advice", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        var first = root.get("findings").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("lockdep:recursive-locking");
        assertThat(first.get("fix").get("advice").asText()).startsWith("table_add (examples/recursion/recdemo.c:33)"
                + " takes &table_lock, which this task already holds (its caller recdemo_ioctl");
        assertThat(first.get("fix").has("change")).as("recursion has no mechanical change").isFalse();
        assertThat(first.get("fix").has("verified")).as("not asked to verify").isFalse();
    }

    @Test
    void rerunArgumentsDropTheFixAndFormatOptions() {
        assertThat(FixVerifier.rerunArgs(java.util.List.of("--verify-fix", "--cpus", "1", "--format", "text", "x",
                "--format=json", "--fix-advice"))).containsExactly("--cpus", "1", "x");
    }
}
