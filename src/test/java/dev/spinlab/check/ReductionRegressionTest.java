package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinlab.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known scenarios checked with and without the reductions: the same verdict and finding kinds,
 * and no more states with them. Each case also pins the expected verdict and kinds, so a
 * change that broke both searches alike would not pass either.
 *
 * examples/timer-vs-process itself is not here: its timer re-arms every jiffy, and under check
 * each firing moves jiffies on, so its state space is infinite. timer-oneshot (test resources)
 * has the same lock bug with a one-shot timer.
 */
class ReductionRegressionTest {
    static final String RESOURCES = "src/test/resources/check/reductions/";
    static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(String verdict, boolean bound, long states, TreeSet<String> kinds) {}

    static Outcome check(List<String> scenario, String reductions) {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--cpus", "1",
                "--max-states", "500000", "--reductions", reductions));
        args.addAll(scenario);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("%s%n%s", args, err).isIn(0, 1);
        try {
            JsonNode root = JSON.readTree(out.toString());
            TreeSet<String> kinds = new TreeSet<>();
            root.get("findings").forEach(f -> kinds.add(f.get("kind").asText()));
            return new Outcome(root.get("verdict").asText(), root.has("bound"), root.get("states").asLong(), kinds);
        } catch (IOException e) {
            throw new AssertionError(args + " printed no JSON:\n" + out + err, e);
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // lockdep is on under check: its reports come with the deadlock and the spinlock BUG
                Arguments.of(List.of(RESOURCES + "timer-oneshot"), "findings",
                        List.of("deadlock", "lockdep:inconsistent-lock-state", "spinlock-recursion")),
                Arguments.of(List.of(RESOURCES + "timer-oneshot", "-DUSE_BH"), "ok", List.of()),
                // the interrupts reduction once lost this warning (README.md there)
                Arguments.of(List.of(RESOURCES + "warn-once-in-handler"), "findings", List.of("warning")),
                // the interrupt example as its check goldens run it (two writes, two interrupts)
                Arguments.of(List.of("examples/irq-vs-process", "--irq", "5:2", "-DWRITES=2"), "findings",
                        List.of("deadlock", "lockdep:inconsistent-lock-state", "spinlock-recursion")),
                Arguments.of(List.of("examples/irq-vs-process", "--irq", "5:2", "-DWRITES=2", "-DUSE_IRQSAVE"), "ok",
                        List.of()),
                // the data race: on one CPU the device's handler interrupts the reset
                Arguments.of(List.of("examples/data-race"), "findings", List.of("data-race")),
                // a handler that arms a timer whose callback races with the reset (README.md there)
                Arguments.of(List.of(RESOURCES + "irq-arms-timer"), "findings", List.of("data-race")),
                Arguments.of(List.of(RESOURCES + "irq-arms-timer", "-DUSE_BH"), "ok", List.of()),
                Arguments.of(List.of("examples/data-race", "-DUSE_LOCK"), "ok", List.of()),
                // private-data: a counter a task and the handler on its stack both update is shared
                Arguments.of(List.of(RESOURCES + "lost-update"), "findings", List.of("data-race", "warning")),
                Arguments.of(List.of(RESOURCES + "lost-update", "-DUSE_IRQSAVE"), "ok", List.of()));
    }

    /**
     * cpu-local on the interrupt example, against the default set without it: the same verdict
     * and findings in fewer states (preempt_count and irq-mask calls inside the irqsave
     * sections and the handler, current, copies to the stack are no steps of their own).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cpuLocalScenarios")
    void cpuLocalKeepsTheFindingsInFewerStates(List<String> scenario) {
        Outcome with = check(scenario, "all");
        Outcome without = check(scenario, "user-steps,interrupts,interleavings,sleep-sets,read-only");
        assertThat(with.bound()).isFalse();
        assertThat(without.bound()).isFalse();
        assertThat(with.verdict()).isEqualTo(without.verdict());
        assertThat(with.kinds()).isEqualTo(without.kinds());
        assertThat(with.states()).as("with cpu-local: %s, without: %s", with, without).isLessThan(without.states());
    }

    static Stream<Arguments> cpuLocalScenarios() {
        return Stream.of(
                Arguments.of(List.of("examples/irq-vs-process", "--irq", "5:2", "-DWRITES=2")),
                Arguments.of(List.of("examples/irq-vs-process", "--irq", "5:2", "-DWRITES=2", "-DUSE_IRQSAVE")));
    }

    /**
     * A private-data run that finds a hidden word shared part-way goes on with its visible words
     * unchanged, so a trace it records later replays (shared-mid-run, README.md there: this was
     * an internal error): the same verdict and finding kinds as the unreduced search.
     */
    @org.junit.jupiter.api.Test
    void aRunThatFindsAWordSharedStillReplaysItsTraces() {
        List<String> scenario = List.of(RESOURCES + "shared-mid-run");
        Outcome none = check(scenario, "none");
        Outcome hidden = check(scenario, "private-data");
        assertThat(none.verdict()).isEqualTo("findings");
        assertThat(hidden.bound()).isFalse();
        assertThat(hidden.verdict()).isEqualTo(none.verdict());
        assertThat(hidden.kinds()).as("private-data: %s, none: %s", hidden, none).isEqualTo(none.kinds());
    }

    /**
     * Lockdep's problems do not depend on the order the search meets the paths: with the
     * unsafe usage of lock0 met first (none) or its safe one (all,pass-through), both the
     * inconsistent lock state and the irq-order problem of lock0 and lock1 are reported
     * (irq-order-after-inconsistent, README.md there: none once missed the second).
     */
    @org.junit.jupiter.api.Test
    void lockdepReportsTheSameProblemsInEitherOrderOfAnInconsistentLocksUsages() {
        List<String> scenario = List.of(RESOURCES + "irq-order-after-inconsistent");
        for (String reductions : List.of("none", "all", "all,pass-through")) {
            Outcome o = check(scenario, reductions);
            assertThat(o.bound()).isFalse();
            assertThat(o.kinds()).as(reductions).contains("lockdep:inconsistent-lock-state");
            assertThat(o.kinds()).as(reductions)
                    .containsAnyOf("lockdep:irq-lock-inversion", "lockdep:irq-safe-unsafe-order");
        }
    }

    /**
     * A chain two paths share (the ioctl's lock0 -> lock1, with or without the lock1 a handler
     * leaked before it) is validated once for the search: whichever path the search meets first,
     * the dependency is added (lockdep's circular dependency with the handler's lock1 -> lock0)
     * and the lock1 held in the interrupt's context is no recursion of the ioctl's
     * (recursion-and-chain-cache, README.md there: all,pass-through once reported the
     * recursion only, none the dependency only).
     */
    @org.junit.jupiter.api.Test
    void lockdepReportsTheSameProblemsOfAChainWhicheverPathValidatesItFirst() {
        List<String> scenario = List.of(RESOURCES + "recursion-and-chain-cache");
        for (String reductions : List.of("none", "all", "all,pass-through")) {
            Outcome o = check(scenario, reductions);
            assertThat(o.bound()).isFalse();
            assertThat(o.kinds()).as(reductions).contains("lockdep:circular-dependency", "spinlock-recursion")
                    .doesNotContain("lockdep:recursive-locking");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void reductionsKeepTheVerdict(List<String> scenario, String verdict, List<String> kinds) throws InterruptedException {
        // the searches are single-threaded and share nothing: both at once
        Outcome none;
        Outcome all;
        Outcome withPrivate;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Outcome> noneRun = pool.submit(() -> check(scenario, "none"));
            Future<Outcome> allRun = pool.submit(() -> check(scenario, "all"));
            Future<Outcome> privateRun = pool.submit(() -> check(scenario, "all,private-data"));
            none = noneRun.get();
            all = allRun.get();
            withPrivate = privateRun.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        assertThat(none.bound()).as("unreduced search finished: %s", none).isFalse();
        assertThat(none.verdict()).isEqualTo(verdict);
        assertThat(none.kinds()).containsExactlyElementsOf(kinds);
        assertThat(all.bound()).isFalse();
        assertThat(all.verdict()).as("all: %s, none: %s", all, none).isEqualTo(none.verdict());
        assertThat(all.kinds()).as("all: %s, none: %s", all, none).isEqualTo(none.kinds());
        assertThat(all.states()).as("all: %s, none: %s", all, none).isLessThanOrEqualTo(none.states());
        assertThat(withPrivate.bound()).isFalse();
        assertThat(withPrivate.verdict()).as("all,private-data: %s, none: %s", withPrivate, none).isEqualTo(none.verdict());
        assertThat(withPrivate.kinds()).as("all,private-data: %s, none: %s", withPrivate, none).isEqualTo(none.kinds());
        assertThat(withPrivate.states()).as("all,private-data: %s, all: %s", withPrivate, all).isLessThanOrEqualTo(all.states());
    }
}
