package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpAndVersion() {
        Result h = run("--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("Usage: spinlab").contains("run");
        Result v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("spinlab ");
        Result rh = run("run", "--help");
        assertThat(rh.out()).contains("--cpus").contains("-D").contains("-U").contains("-I").contains("--seed");
    }

    @Test
    void unknownOptionIsBadInput() {
        Result r = run("run", "--frobnicate", "x.c");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Unknown option").contains("--help");
    }

    @Test
    void oneFileOfATwoFileModuleGivenOnItsOwnSaysHowToBuildTheModule(@TempDir Path dir) throws IOException {
        Path main = dir.resolve("main.c");
        Path fops = dir.resolve("fops.c");
        Files.writeString(main, "#include <linux/module.h>\nint fops_open(void);\n"
                + "static int __init m_init(void) { return fops_open(); }\nmodule_init(m_init);\nMODULE_LICENSE(\"GPL\");\n");
        Files.writeString(fops, "#include <linux/fs.h>\nint fops_open(void) { return 0; }\n");
        Result r = run("run", main.toString(), fops.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("fops.c: kernel code with no module_init() and no main()")
                .contains("Kbuild").contains("NAME-objs := a.o b.o");
    }

    @Test
    void missingFileIsBadInput() {
        Result r = run("run", "no/such/file.c");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no/such/file.c: No such file");
    }

    @Test
    void definesAndUndefinesApplyInOrderAsGcc(@TempDir Path dir) throws IOException {
        Path c = dir.resolve("d.c");
        Files.writeString(c, String.join("\n",
                "#include <stdio.h>",
                "#ifndef LEVEL",
                "#define LEVEL 0",
                "#endif",
                "int main(void) {",
                "#ifdef VERBOSE",
                "  printf(\"verbose \");",
                "#endif",
                "  printf(\"level %d\\n\", LEVEL);",
                "  return LEVEL;",
                "}", ""));
        Result plain = run("run", "--no-kernel", c.toString());
        assertThat(plain.out()).startsWith("level 0\n").contains("exited with status 0");
        Result defined = run("run", "--no-kernel", "-DVERBOSE", "-DLEVEL=3", c.toString());
        assertThat(defined.code()).isZero();
        assertThat(defined.out()).startsWith("verbose level 3\n").contains("exited with status 3");
        Result undone = run("run", "--no-kernel", "-DVERBOSE", "-UVERBOSE", c.toString());
        assertThat(undone.out()).startsWith("level 0\n");
    }

    @Test
    void includeDirectoriesAreSearched(@TempDir Path dir) throws IOException {
        Path inc = Files.createDirectories(dir.resolve("inc"));
        Files.writeString(inc.resolve("answer.h"), "#define ANSWER 42\n");
        Path c = dir.resolve("i.c");
        Files.writeString(c, "#include <stdio.h>\n#include <answer.h>\nint main(void) { printf(\"%d\\n\", ANSWER); return 0; }\n");
        Result r = run("run", "--no-kernel", "-I", inc.toString(), c.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("42\n");
        Result without = run("run", "--no-kernel", c.toString());
        assertThat(without.code()).isEqualTo(ExitCodes.BAD_INPUT); // as gcc: the missing header stops it
        assertThat(without.err()).contains("i.c:2:").contains("answer.h: No such file or directory");
    }

    @Test
    void twoProgramsOnTwoCpusInterleaveDeterministicallyBySeed(@TempDir Path dir) throws IOException {
        Path c = dir.resolve("p.c");
        Files.writeString(c, String.join("\n",
                "#include <stdio.h>",
                "int main(void) { for (int i = 0; i < 5; i++) printf(\"tick %d\\n\", i); return 0; }", ""));
        Result a = run("run", "--no-kernel", "--cpus", "2", "--seed", "7", "a:" + c, "b:" + c);
        Result again = run("run", "--no-kernel", "--cpus", "2", "--seed", "7", "a:" + c, "b:" + c);
        assertThat(a.code()).isZero();
        assertThat(a.out()).isEqualTo(again.out());
        assertThat(a.out()).contains("a: tick 4").contains("b: tick 4")
                .contains("spinlab: a exited with status 0").contains("spinlab: b exited with status 0");
        boolean differs = false;
        for (int seed = 1; seed < 20 && !differs; seed++) {
            differs = !run("run", "--no-kernel", "--cpus", "2", "--seed", String.valueOf(seed), "a:" + c, "b:" + c).out().equals(a.out());
        }
        assertThat(differs).as("some seed gives another interleaving").isTrue();
    }

    @Test
    void jsonFormatReportsFaultWithStack(@TempDir Path dir) throws IOException {
        Path c = dir.resolve("f.c");
        Files.writeString(c, "int *p;\nint get(void) { return *p; }\nint main(void) { return get(); }\n");
        Result r = run("run", "--no-kernel", "--format", "json", c.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("\"kind\" : \"fault:null-deref\"")
                .contains("\"function\" : \"get\"").contains("\"function\" : \"main\"");
    }
}
