package dev.spinlab.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.cli.Main;
import dev.spinlab.kc.rt.UserRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus of the kernel-C engine, as data: {@code golden/kc/NAME.c} with
 * {@code NAME.expected} (made by gcc: the program's stdout and {@code [exit status N]}, see
 * {@code golden/make_expected.sh}), and {@code golden/kc/error/NAME.c} with {@code NAME.expected}
 * holding exactly what {@code spinlab run} prints for it and its exit status; likewise the
 * README's {@code examples/c}.
 * Adding a case needs no Java. {@code -Dgolden.update=true} re-blesses the error goldens
 * (the program goldens come from gcc and are never rewritten from our own output).
 */
class GoldenProgramsTest {
    static final Path ROOT = Path.of("src/test/resources/golden/kc");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> programsMatchGcc() throws IOException {
        return cases(ROOT).map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), c.toUri(), () -> {
            UserRun.Result r = UserRun.run(List.of(new UserRun.Program("prog", List.of(c))),
                    UserRun.Options.defaults());
            String actual = new String(r.processes().get(0).output(), StandardCharsets.UTF_8)
                    + "[exit status " + (r.processes().get(0).exitCode() & 0xff) + "]\n";
            assertThat(r.fault()).as("fault").isNull();
            assertThat(actual).isEqualTo(Files.readString(expectedOf(c)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> errorsAreReportedAsExpected() throws IOException {
        Path dir = ROOT.resolve("error");
        return cliCases(dir);
    }

    /** The README's examples print exactly what their {@code .expected} files say. */
    @TestFactory
    Stream<DynamicTest> examplesRunAsDocumented() throws IOException {
        Path dir = Path.of("examples/c");
        return cliCases(dir);
    }

    /** Each NAME.c of dir, run through the CLI, must print exactly NAME.expected. */
    static Stream<DynamicTest> cliCases(Path dir) throws IOException {
        return cases(dir).map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), c.toUri(), () -> {
            String actual = runCli(dir, c);
            Path exp = expectedOf(c);
            if (UPDATE) {
                Files.writeString(exp, actual);
            }
            assertThat(exp).as("expected output of %s (bless with -Dgolden.update=true)", c).exists();
            assertThat(actual).isEqualTo(Files.readString(exp));
        }));
    }

    /** What a user sees from {@code spinlab run --no-kernel --cpus 1 NAME.c} run inside the case's directory. */
    static String runCli(Path dir, Path c) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "--no-kernel", "--cpus", "1", c.toString()},
                new PrintWriter(out), new PrintWriter(err));
        String prefix = dir.toString() + "/";
        return (err.toString() + out.toString()).replace(prefix, "") + "[spinlab exit " + code + "]\n";
    }

    static Stream<Path> cases(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".c")).sorted().toList().stream();
        }
    }

    static Path expectedOf(Path c) {
        String n = c.getFileName().toString();
        return c.resolveSibling(n.substring(0, n.length() - 2) + ".expected");
    }
}
