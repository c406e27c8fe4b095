package dev.spinlab.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scenario directories as data: every {@code examples/NAME/} and every
 * {@code src/test/resources/scenarios/NAME/} (the test corpus of drivers written in the style
 * of public tutorials and books) with a {@code spinlab.yaml} and a {@code golden/} folder; each {@code golden/CASE.args} (extra command-line words, may be empty)
 * is run as {@code spinlab run examples/NAME ARGS} and must print exactly
 * {@code golden/CASE.expected} (stdout, stderr, exit status), up to the model kernel's own line
 * numbers, function offsets and lock addresses (see {@link #normalise}). Adding a scenario needs no Java;
 * {@code -Dgolden.update=true} blesses a new case or re-blesses after a deliberate change
 * (review the diff); without it a missing {@code .expected} file fails.
 */
class ScenarioTest {
    static final Path EXAMPLES = Path.of("examples");
    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    @TestFactory
    Stream<DynamicTest> scenariosPrintWhatTheirGoldenFilesSay() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path root : List.of(EXAMPLES, SCENARIOS)) {
            if (Files.isDirectory(root)) {
                addScenarios(root, tests);
            }
        }
        return tests.stream();
    }

    /**
     * {@code -Dscenario=NAME[,NAME...]}: only those scenario directories (for working on one;
     * the suite runs them all).
     */
    static final List<String> ONLY = System.getProperty("scenario", "").isBlank() ? List.of()
            : List.of(System.getProperty("scenario").split(","));

    private static void addScenarios(Path root, List<DynamicTest> tests) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                Path golden = dir.resolve("golden");
                if (!Files.isRegularFile(dir.resolve("spinlab.yaml")) || !Files.isDirectory(golden)) {
                    continue;
                }
                if (!ONLY.isEmpty() && !ONLY.contains(dir.getFileName().toString())) {
                    continue;
                }
                try (Stream<Path> cases = Files.list(golden)) {
                    for (Path args : cases.filter(p -> p.toString().endsWith(".args")).sorted().toList()) {
                        String name = dir.getFileName() + "/" + args.getFileName().toString().replace(".args", "");
                        tests.add(DynamicTest.dynamicTest(name, args.toUri(), () -> check(dir, args)));
                    }
                }
            }
        }
    }

    static void check(Path dir, Path argsFile) throws IOException {
        List<String> words = new ArrayList<>();
        for (String w : Files.readString(argsFile).trim().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        // a case whose args start with "check" runs spinlab check instead of run
        String command = !words.isEmpty() && words.get(0).equals("check") ? words.remove(0) : "run";
        List<String> argv = new ArrayList<>(List.of(command, dir.toString()));
        argv.addAll(words);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(argv.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        String actual = out + err.toString() + "[spinlab exit " + code + "]\n";
        Path exp = Path.of(argsFile.toString().replace(".args", ".expected"));
        if (GoldenProgramsTest.UPDATE) {
            Files.writeString(exp, actual);
        }
        assertThat(exp).as("expected output of %s (bless with -Dgolden.update=true)", argsFile).exists();
        assertThat(normalise(actual)).isEqualTo(normalise(Files.readString(exp)));
    }

    /*
     * The model kernel's own source lines, the offsets and text addresses of its functions move with every
     * edit of its C code without changing what a scenario shows; they are compared without
     * them. Everything else — the scenario's own files and lines, messages, timestamps, steps,
     * order — is compared exactly.
     */
    static final java.util.regex.Pattern KERNEL_LINE = java.util.regex.Pattern.compile(
            "\\(((?:kernel|include|arch|fs|lib|mm|net|drivers|init|usr)/[^:()]+):\\d+(?::\\d+)?\\)");
    static final java.util.regex.Pattern OFFSET = java.util.regex.Pattern.compile("\\+0x[0-9a-f]+/0x[0-9a-f]+");
    /** Kernel text addresses (lockdep's irq event stamps) move with the code too. */
    static final java.util.regex.Pattern TEXT_ADDRESS = java.util.regex.Pattern.compile("\\[<ffffffff[0-9a-f]{8}>\\]");

    /**
     * Lockdep's lock addresses ("#0: 0000000000017900 (&lock)"): data addresses move whenever
     * the model kernel gains or loses a global or a string, without changing what a scenario shows.
     * Also inside JSON strings, where a report's line break is the two characters backslash, n.
     */
    static final java.util.regex.Pattern LOCK_ADDRESS =
            java.util.regex.Pattern.compile("(?<=^|[^0-9a-zA-Z_]|\\\\n)[0-9a-f]{16} \\((?=[&a-zA-Z_(])");
    /** A faulting data address (a freed heap block's, an oops's) moves the same way. */
    static final java.util.regex.Pattern FAULT_ADDRESS = java.util.regex.Pattern.compile("at address 0x[0-9a-f]{16}");

    /** check's speed figures differ from machine to machine. */
    static final java.util.regex.Pattern SPEED = java.util.regex.Pattern.compile("\\d+ states/s, [0-9.]+ s");

    static String normalise(String s) {
        s = SPEED.matcher(s).replaceAll("N states/s, T s");
        s = KERNEL_LINE.matcher(s).replaceAll("($1)");
        s = TEXT_ADDRESS.matcher(s).replaceAll("[<TEXT>]");
        s = LOCK_ADDRESS.matcher(s).replaceAll("ADDR (");
        s = FAULT_ADDRESS.matcher(s).replaceAll("at address ADDR");
        return OFFSET.matcher(s).replaceAll("+OFF");
    }
}
