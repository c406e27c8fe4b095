package dev.spinlab.lockdep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.LogRecord;
import dev.spinlab.kernel.PreemptModel;
import dev.spinlab.kernel.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lockdep's self-tests as data, in the spirit of the kernel's lib/locking-selftest.c: every
 * {@code src/test/resources/lockdep/selftest/NAME.c} is a module whose init runs one scenario
 * on one CPU; {@code NAME.expected} is the lockdep finding kind it must produce (the first
 * report turns lockdep off, so exactly one) or {@code clean}; {@code warning} for the
 * lockdep_assert_*() cases, whose failures are the caller's WARN_ON; or another finding kind
 * (e.g. {@code sleep-in-atomic}) that the kernel, not lockdep, must report, lockdep staying
 * silent. A clean case has no WARN and no might_sleep() BUG either. A source containing
 * {@code selftest: preempt rt} runs under {@code --preempt rt} (CONFIG_PREEMPT_RT). Adding a test
 * needs no Java.
 * {@code -Dselftest=NAME[,NAME...]} runs only those (for working on a few).
 */
class LockdepSelfTests {
    static final Path DIR = Path.of("src/test/resources/lockdep/selftest");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> only = System.getProperty("selftest", "").isBlank() ? List.of()
                    : List.of(System.getProperty("selftest").split(","));
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c"))
                    .map(n -> n.substring(0, n.length() - 2)).filter(n -> only.isEmpty() || only.contains(n))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lockdepReportsWhatTheScenarioExpects(String name) throws IOException {
        String expected = Files.readString(DIR.resolve(name + ".expected")).trim();
        PreemptModel preempt = Files.readString(DIR.resolve(name + ".c")).contains("selftest: preempt rt")
                ? PreemptModel.RT : PreemptModel.VOLUNTARY;
        KernelConfig cfg = new KernelConfig(1, preempt, 1, 3_000_000_000L, 5000, 20_000_000L,
                PreprocessorOptions.defaults(), List.of(), LockdepMode.FIRST);
        List<Diagnostic> diags = new ArrayList<>();
        Kernel k = Kernel.boot(cfg, List.of(DIR.resolve(name + ".c")), List.of(), new SourceMap(), diags);
        Simulation.Result r = new Simulation(k).run();
        String log = k.log().stream().map(LogRecord::text).collect(Collectors.joining("\n"));
        assertThat(r.end()).as(log).isEqualTo(Simulation.End.BOOTED);
        assertThat(log).contains("selftest done");
        List<String> kinds = k.findings().stream().map(f -> f.kind().id).filter(s -> s.startsWith("lockdep:")).toList();
        if (expected.equals("warning")) {
            assertThat(kinds).as(log).isEmpty();
            assertThat(k.findings()).as(log).extracting(f -> f.kind().id).contains("warning");
        } else if (expected.equals("clean")) {
            assertThat(kinds).as(log).isEmpty();
            // nor a WARN (the clean cases check their return values with WARN_ON()), nor a
            // might_sleep() BUG (a few clean cases leave a spinlock held on purpose, so the init
            // task's exit may still schedule while atomic)
            assertThat(k.findings()).as(log).extracting(f -> f.kind().id).doesNotContain("warning", "sleep-in-atomic");
        } else if (!expected.startsWith("lockdep:")) {
            assertThat(kinds).as(log).isEmpty();
            assertThat(k.findings()).as(log).extracting(f -> f.kind().id).contains(expected);
        } else {
            assertThat(kinds).as(log).containsExactly(expected);
        }
    }
}
