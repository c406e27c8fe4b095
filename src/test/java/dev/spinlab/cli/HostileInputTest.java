package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and bad inputs (issue 18): each case in src/test/resources/hostile/ ends with the
 * exit status and the message it should, within spinlab's exit statuses 0-3, with no Java
 * exception text and bounded output; a seeded fuzzer mutates a small program the same way.
 */
class HostileInputTest {
    static final Path DIR = Path.of("src/test/resources/hostile");
    /** Output a hostile input may produce (the campaign's bound is 20 MB; ours is far below). */
    static final int MAX_OUTPUT = 1 << 20;

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result spinlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static void assertWellBehaved(Result r, String what) {
        assertThat(r.code()).as("exit status of %s", what).isBetween(0, 3);
        assertThat(r.all()).as("output of %s", what).doesNotContain("Exception").doesNotContain("at dev.spinlab.")
                .doesNotContain("java.lang").doesNotContain("internal error");
        assertThat(r.all().length()).as("output size of %s", what).isLessThan(MAX_OUTPUT);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("deep-parens.c", List.of("--no-kernel"), 0, "exited with status 0"),
                Arguments.of("deep-blocks.c", List.of("--no-kernel"), 0, "exited with status 0"),
                Arguments.of("long-sum.c", List.of("--no-kernel"), 0, "exited with status 0"),
                Arguments.of("deep-ifs.c", List.of("--no-kernel"), 0, "exited with status 0"),
                Arguments.of("deep-cond.c", List.of("--no-kernel"), 0, "exited with status 0"),
                Arguments.of("macro-65536.c", List.of("--no-kernel"), 0, "exited with status 0"),
                Arguments.of("too-deep.c", List.of("--no-kernel"), 2, "error: nesting too deep"),
                Arguments.of("big-global.c", List.of("--no-kernel"), 2, "it cannot be linked"),
                Arguments.of("fnptr-recursion.c", List.of("--no-kernel"), 1, "frames folded ..."),
                Arguments.of("fnptr-recursion.c", List.of("--cpus", "1"), 1, "segfault at"),
                Arguments.of("width.c", List.of("--no-kernel"), 0, "2147483647 [       ]"),
                Arguments.of("malloc-loop.c", List.of("--no-kernel"), 0, "NULL after 239 MiB"),
                Arguments.of("kmalloc-loop.c", List.of("--cpus", "1"), 0, "kmalloc returned NULL after"),
                Arguments.of("unknown-header.c", List.of("--no-kernel"), 2, "no/such/header.h: No such file or directory"),
                Arguments.of("latin1-comment.c", List.of("--no-kernel"), 0, "ok"),
                Arguments.of("bom-utf8-ident.c", List.of("--no-kernel"), 0, "3\n"),
                Arguments.of("efault.c", List.of("--cpus", "1"), 0,
                        "write(1, NULL, 100): -1 errno 14\n"),
                Arguments.of("efault.c", List.of("--cpus", "1"), 0, "open(NULL): -1 errno 14\n"),
                Arguments.of("efault.c", List.of("--cpus", "1"), 0, "read(fd, (void *)1, 10): -1 errno 14\n"),
                Arguments.of("printk-flood.c", List.of("--cpus", "1"), 1, "watchdog: BUG: soft lockup - CPU#0 stuck for"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void eachHostileInputEndsAsExpected(String file, List<String> flags, int code, String says) {
        String[] args = Stream.concat(Stream.concat(Stream.of("run"), flags.stream()),
                Stream.of(DIR.resolve(file).toString())).toArray(String[]::new);
        Result r = spinlab(args);
        assertWellBehaved(r, file);
        assertThat(r.code()).as("exit status of %s: %s", file, r.err()).isEqualTo(code);
        assertThat(r.all()).contains(says);
    }

    @org.junit.jupiter.api.Test
    void aFifoOrDirectoryIncludeIsAClearError() throws IOException {
        Path tmp = Files.createTempDirectory("hostile");
        Files.createDirectory(tmp.resolve("d.h"));
        Path c = tmp.resolve("inc.c");
        Files.writeString(c, "#include \"d.h\"\nint main(void) { return 0; }\n");
        Result r = spinlab("run", "--no-kernel", c.toString());
        assertWellBehaved(r, "include of a directory");
        assertThat(r.err()).contains("inc.c:1:").contains("is a directory");
    }

    private static final byte[] SEED = """
            #include <stdio.h>
            #include <stdlib.h>
            struct node { int v; struct node *next; };
            static int sum(struct node *n) { return n ? n->v + sum(n->next) : 0; }
            int main(int argc, char **argv)
            {
            	struct node b = { 2, 0 }, a = { 1, &b };
            	char buf[16];
            	snprintf(buf, sizeof(buf), "%d:%s", sum(&a), argc > 1 ? argv[1] : "x");
            	for (int i = 0; i < 3; i++)
            		printf("%s %d\\n", buf, i << 2);
            	return sum(&a) - 3;
            }
            """.getBytes(StandardCharsets.UTF_8);

    private static final String[] PIECES = {"(", ")", "{", "}", ";", "*", "&", "[", "]", "\"", "'", "/*", "#define",
        "#include", "\\", "\u00e9", "??", "<<", "0x", "sizeof", "return", "(((((((((("};

    /**
     * A seeded corpus of mutants of a small program (bytes deleted, duplicated, replaced by
     * C's punctuation or by non-UTF-8 bytes): spinlab answers each with an exit status 0-3,
     * never a Java exception, and a bounded output.
     */
    @Property(tries = 40)
    void mutantsOfAProgramNeverBreakSpinlab(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) throws IOException {
        Random rnd = new Random(seed);
        byte[] src = SEED.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = rnd.nextInt(src.length);
            byte[] ins = switch (rnd.nextInt(4)) {
                case 0 -> new byte[0];
                case 1 -> new byte[] {(byte) (0x80 + rnd.nextInt(0x80))};
                case 2 -> PIECES[rnd.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8);
                default -> java.util.Arrays.copyOfRange(src, at, Math.min(src.length, at + 1 + rnd.nextInt(40)));
            };
            int cut = rnd.nextInt(Math.min(8, src.length - at) + 1);
            byte[] next = new byte[src.length - cut + ins.length];
            System.arraycopy(src, 0, next, 0, at);
            System.arraycopy(ins, 0, next, at, ins.length);
            System.arraycopy(src, at + cut, next, at + ins.length, src.length - at - cut);
            src = next;
        }
        Path f = Files.createTempFile("mutant", ".c");
        try {
            Files.write(f, src);
            assertWellBehaved(spinlab("run", "--no-kernel", "--max-steps", "200000", f.toString()), "mutant " + seed);
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
