package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbuildTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aMakefileWithObjsLinesMakesOneModuleOfSeveralFiles() throws IOException {
        write("a.c", "");
        write("b.c", "");
        write("Makefile", String.join("\n",
                "ifneq ($(KERNELRELEASE),)",
                "obj-m := combo.o",
                "combo-objs := a.o \\",
                "    b.o",
                "ccflags-y += -DDEBUG -I$(src)/include",
                "else",
                "KDIR ?= /lib/modules/$(shell uname -r)/build",
                "all:",
                "\t$(MAKE) -C $(KDIR) M=$(PWD) modules",
                "endif", ""));
        List<Kbuild.Module> mods = Kbuild.read(dir);
        assertThat(mods).hasSize(1);
        assertThat(mods.get(0).name()).isEqualTo("combo");
        assertThat(mods.get(0).files()).containsExactly(dir.resolve("a.c"), dir.resolve("b.c"));
        assertThat(mods.get(0).ccflags()).containsExactly("-DDEBUG", "-I$(src)/include");
    }

    @Test
    void tabIndentedLinesBeforeAnyRuleAreReadAsMakeReadsThem() throws IOException {
        // the kbuild part indented with tabs inside ifneq, as maxmosk/ldd3-kernel6's Makefiles do;
        // a tab line after a rule is its recipe
        write("main.c", "");
        write("fops.c", "");
        write("Makefile", String.join("\n",
                "CONFIG_MODULE_SIG=n",
                "",
                "ifneq ($(KERNELRELEASE),)",
                "\tscull_pipe-objs := main.o fops.o",
                "    obj-m := scull_pipe.o",
                "else",
                "\tKERNELDIR ?= /lib/modules/$(shell uname -r)/build",
                "\tPWD := $(shell pwd)",
                "",
                "default:",
                "\t$(MAKE) -C $(KERNELDIR) M=$(PWD) modules",
                "clean:",
                "\t$(MAKE) -C $(KERNELDIR) M=$(PWD) clean",
                "endif", ""));
        List<Kbuild.Module> mods = Kbuild.read(dir);
        assertThat(mods).extracting(Kbuild.Module::name).containsExactly("scull_pipe");
        assertThat(mods.get(0).files()).containsExactly(dir.resolve("main.c"), dir.resolve("fops.c"));
    }

    @Test
    void kbuildIsReadBeforeTheMakefileAndYAddsToTheList() throws IOException {
        write("x.c", "");
        write("y.c", "");
        write("solo.c", "");
        write("Makefile", "garbage that is never read\n");
        write("Kbuild", "obj-m += two.o\nobj-m += solo.o\ntwo-y := x.o\ntwo-y += y.o\n");
        List<Kbuild.Module> mods = Kbuild.read(dir);
        assertThat(mods).extracting(Kbuild.Module::name).containsExactly("two", "solo");
        assertThat(mods.get(0).files()).containsExactly(dir.resolve("x.c"), dir.resolve("y.c"));
        assertThat(mods.get(1).files()).containsExactly(dir.resolve("solo.c"));
    }

    @Test
    void whatItCannotEvaluateIsAnErrorNamingTheLine() throws IOException {
        write("Kbuild", "obj-m := m.o\nm-objs := $(patsubst %.c,%.o,$(wildcard *.c))\n");
        assertThatThrownBy(() -> Kbuild.read(dir)).hasMessageContaining("Kbuild:2")
                .hasMessageContaining("is not NAME.o");
        write("Kbuild", "obj-$(CONFIG_FOO) := m.o\n");
        assertThatThrownBy(() -> Kbuild.read(dir)).hasMessageContaining("Kbuild:1")
                .hasMessageContaining("configuration option");
        write("Kbuild", "$(error no)\n");
        assertThatThrownBy(() -> Kbuild.read(dir)).hasMessageContaining("cannot read this line");
        write("Kbuild", "ccflags-y := -O2\n");
        assertThatThrownBy(() -> Kbuild.read(dir)).hasMessageContaining("no obj-m");
        write("Kbuild", "obj-m := missing.o\n");
        assertThatThrownBy(() -> Kbuild.read(dir)).hasMessageContaining("missing.c does not exist");
    }
}
