package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.lockdep.LockdepMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelBuildTest {
    private static KernelConfig config(PreemptModel preempt, LockdepMode lockdep) {
        return new KernelConfig(2, preempt, 1, 1_000_000_000L, 0, 1000, PreprocessorOptions.defaults(), List.of(),
                lockdep);
    }

    @Test
    void autoconfFollowsThePreemptionModelAndLockdep() {
        String full = KernelBuild.autoconf(config(PreemptModel.FULL, LockdepMode.FIRST));
        assertThat(full).contains("#define CONFIG_PREEMPT 1\n", "#define CONFIG_PREEMPTION 1\n",
                "#define CONFIG_PROVE_LOCKING 1\n", "#define CONFIG_SMP 1\n", "#define CONFIG_HZ 100\n",
                "#define CONFIG_DEBUG_SPINLOCK 1\n");
        assertThat(full).doesNotContain("CONFIG_PREEMPT_VOLUNTARY", "CONFIG_PREEMPT_NONE");
        String none = KernelBuild.autoconf(config(PreemptModel.NONE, LockdepMode.OFF));
        assertThat(none).contains("#define CONFIG_PREEMPT_NONE 1\n");
        assertThat(none).doesNotContain("CONFIG_PROVE_LOCKING", "CONFIG_LOCKDEP", "CONFIG_PREEMPT ",
                "CONFIG_PREEMPTION");
    }

    @Test
    void preemptRtIsParsedAndConfiguresTheKernelAndItsModulesAlike() {
        assertThat(PreemptModel.parse("rt")).isEqualTo(PreemptModel.RT);
        assertThat(PreemptModel.RT.label()).isEqualTo("rt");
        assertThat(PreemptModel.RT.preemptible()).isTrue();
        assertThat(PreemptModel.VOLUNTARY.preemptible()).isFalse();
        String rt = KernelBuild.autoconf(config(PreemptModel.RT, LockdepMode.FIRST));
        assertThat(rt).contains("#define CONFIG_PREEMPT_RT 1\n", "#define CONFIG_PREEMPTION 1\n",
                "#define CONFIG_PREEMPT_RCU 1\n", "#define CONFIG_IRQ_FORCED_THREADING 1\n");
        assertThat(rt).doesNotContain("CONFIG_PREEMPT_VOLUNTARY", "CONFIG_PREEMPT_NONE");
        // the kernel's own sources see CONFIG_PREEMPT_RT too (spinlock_t's layout depends on it)
        assertThat(KernelBuild.kernelOptions(config(PreemptModel.RT, LockdepMode.FIRST)).commandLineMacros())
                .extracting(a -> a.name() + "=" + a.value()).containsExactly("CONFIG_PREEMPT_RT=1");
        assertThat(KernelBuild.kernelOptions(config(PreemptModel.FULL, LockdepMode.FIRST)).commandLineMacros())
                .isEmpty();
        assertThat(KernelBuild.autoconf(config(PreemptModel.FULL, LockdepMode.FIRST)))
                .doesNotContain("CONFIG_PREEMPT_RT");
    }

    @Test
    void aModuleFileGetsItsNamesAndTheForcedKconfigHeader() {
        ModuleSource m = new ModuleSource("my-drv", List.of(java.nio.file.Path.of("dir/core-part.c")), List.of(),
                List.of("-DEXTRA=2"));
        PreprocessorOptions o = KernelBuild.moduleOptions(config(PreemptModel.VOLUNTARY, LockdepMode.FIRST), m,
                "dir/core-part.c");
        assertThat(o.forcedIncludes()).containsExactly("linux/kconfig.h");
        assertThat(o.generatedHeaders()).containsKey("generated/autoconf.h");
        assertThat(o.commandLineMacros()).extracting(a -> a.name() + "=" + a.value()).contains("EXTRA=2",
                "MODULE=1", "KBUILD_MODNAME=\"my_drv\"", "KBUILD_BASENAME=\"core_part\"");
    }

    @Test
    void theShippedAutoconfIsTheDefaultConfiguration() throws java.io.IOException {
        String shipped = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/resources/include/generated/autoconf.h"));
        String generated = KernelBuild.autoconf(KernelConfig.defaults());
        assertThat(defines(shipped)).isEqualTo(defines(generated)).isNotEmpty();
    }

    private static List<String> defines(String text) {
        return text.lines().filter(l -> l.startsWith("#define")).toList();
    }
}
