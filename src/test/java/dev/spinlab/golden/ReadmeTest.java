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
 * The README's sample outputs are what the commands print (issue 18, item 7). A fenced block
 * right after the line {@code <!-- checked -->} holds one command, {@code $ ./spinlab ARGS},
 * and the output it shows; the test runs the command and compares, normalised as
 * {@link ScenarioTest#normalise} does (the model kernel's own lines and offsets, lock and text
 * addresses, check's speed) with what it printed on stdout (on stderr when stdout is empty: an
 * error; the compiler's warnings are left out of the samples). The sample may leave things out:
 * a line {@code ...} stands for any number of lines, and {@code ...} inside a line for any text. Blocks without the marker are
 * not run: slow commands (a two-CPU check), commands that need files made by an earlier one
 * (replay), and usage lines.
 */
class ReadmeTest {
    static final Path README = Path.of("README.md");
    static final String MARKER = "<!-- checked -->";

    record Sample(int line, List<String> argv, List<String> expected) {}

    static List<Sample> samples() throws IOException {
        List<String> lines = Files.readAllLines(README);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().equals(MARKER)) {
                continue;
            }
            int open = i + 1;
            assertThat(lines.get(open)).as("README.md:%d: a checked sample is a fenced block", open + 1).startsWith("```");
            String cmd = lines.get(open + 1);
            assertThat(cmd).as("README.md:%d: a checked sample starts with $ ./spinlab", open + 2).startsWith("$ ./spinlab ");
            List<String> expected = new ArrayList<>();
            int j = open + 2;
            while (!lines.get(j).startsWith("```")) {
                expected.add(lines.get(j));
                j++;
            }
            out.add(new Sample(open + 2, words(cmd.substring("$ ./spinlab ".length())), expected));
            i = j;
        }
        return out;
    }

    /** Shell words: spaces separate, single quotes group (all the README's commands need). */
    static List<String> words(String s) {
        List<String> w = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    w.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            w.add(cur.toString());
        }
        return w;
    }

    @TestFactory
    Stream<DynamicTest> readmeSamplesAreWhatTheCommandsPrint() throws IOException {
        List<Sample> samples = samples();
        assertThat(samples).as("checked samples in README.md").isNotEmpty();
        return samples.stream().map(s -> DynamicTest.dynamicTest("README.md:" + s.line() + " " + String.join(" ", s.argv()),
                () -> check(s)));
    }

    static void check(Sample s) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.execute(s.argv().toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        // a run's log is on stdout (the compiler's warnings, which the samples leave out, on
        // stderr); a command that fails prints only on stderr
        String shown = out.toString().isEmpty() ? err.toString() : out.toString();
        // trailing blanks are not compared (an empty printk line is "[    0.000247] ")
        List<String> actual = Stream.of(ScenarioTest.normalise(shown).split("\n")).map(String::stripTrailing).toList();
        List<String> expected = s.expected().stream().map(ScenarioTest::normalise).map(String::stripTrailing).toList();
        String problem = match(expected, actual);
        assertThat(problem).as("README.md:%d: $ ./spinlab %s%nprints:%n%s", s.line(), String.join(" ", s.argv()),
                String.join("\n", actual)).isNull();
    }

    /** Null when the sample matches the output, else the first sample line that does not. */
    static String match(List<String> expected, List<String> actual) {
        int a = 0;
        boolean gap = false;
        for (String e : expected) {
            if (e.equals("...")) {
                gap = true;
                continue;
            }
            int found = -1;
            for (int k = a; k < actual.size(); k++) {
                if (lineMatches(e, actual.get(k))) {
                    found = k;
                    break;
                }
                if (!gap) {
                    break;
                }
            }
            if (found < 0) {
                return e;
            }
            a = found + 1;
            gap = false;
        }
        return gap || a == actual.size() ? null : "(the output goes on: " + actual.get(a) + ")";
    }

    /** A sample line with "..." in it matches any text there. */
    static boolean lineMatches(String pattern, String line) {
        if (!pattern.contains("...")) {
            return pattern.equals(line);
        }
        String[] parts = pattern.split("\\.\\.\\.", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(java.util.regex.Pattern.quote(parts[i]));
        }
        return line.matches(re.toString());
    }

    @org.junit.jupiter.api.Test
    void theMatcherSkipsOnlyWhereTheSampleSaysSo() {
        List<String> out = List.of("a", "b 12 s", "c", "d");
        assertThat(match(List.of("a", "...", "c", "d"), out)).isNull();
        assertThat(match(List.of("a", "b ... s", "c", "..."), out)).isNull();
        assertThat(match(List.of("a", "c", "d"), out)).isEqualTo("c");       // a line left out without "..."
        assertThat(match(List.of("a", "b 13 s", "...", "d"), out)).isEqualTo("b 13 s");
        assertThat(match(List.of("a", "b ... s", "c"), out)).startsWith("(the output goes on");
        assertThat(words("run --cpus 1 'f.c x=1 y=2' b")).containsExactly("run", "--cpus", "1", "f.c x=1 y=2", "b");
    }
}
