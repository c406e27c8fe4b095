package dev.spinlab.kernel;

import dev.spinlab.kc.pp.MacroArg;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.lockdep.LockdepMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/*
 * Implementation notes.
 *
 * What the kernel's build (scripts/Makefile.lib, scripts/Makefile.build) gives a module's
 * compilation besides the user's own flags: the generated include/generated/autoconf.h with
 * the configuration's CONFIG_* values, read first through -include include/linux/kconfig.h;
 * -DMODULE for code built as a module (obj-m); KBUILD_MODNAME (the module's name with '-' as
 * '_', a string) and KBUILD_BASENAME (the file's base name), which pr_fmt and module
 * parameters use.
 */
public final class KernelBuild {
    private KernelBuild() {}

    /**
     * The configuration of the model as autoconf.h text: the options that are fixed in the
     * model (SMP, HZ = 100, the debug options docs/kernel.md lists as always on), those the
     * run's settings choose (the preemption model, lockdep) and the subsystems it has.
     * An option that is off is absent, as in the kernel's generated header.
     */
    public static String autoconf(KernelConfig config) {
        List<String> y = new ArrayList<>(List.of(
                "CONFIG_64BIT", "CONFIG_X86", "CONFIG_X86_64",
                "CONFIG_SMP", "CONFIG_HZ_100", "CONFIG_MODULES", "CONFIG_MODULE_UNLOAD", "CONFIG_PRINTK",
                "CONFIG_PROC_FS", "CONFIG_SYSFS", "CONFIG_NET", "CONFIG_INET", "CONFIG_NETFILTER",
                "CONFIG_PREEMPT_COUNT", "CONFIG_DEBUG_SPINLOCK", "CONFIG_DEBUG_PREEMPT",
                "CONFIG_DEBUG_ATOMIC_SLEEP", "CONFIG_DEBUG_MUTEXES", "CONFIG_DEBUG_WW_MUTEX_SLOWPATH",
                "CONFIG_LOCKUP_DETECTOR", "CONFIG_SOFTLOCKUP_DETECTOR",
                "CONFIG_HARDLOCKUP_DETECTOR", "CONFIG_CC_IS_GCC"));
        // not set: CONFIG_MMU (one address space, docs/kernel.md), CONFIG_KCSAN
        switch (config.preempt()) {
            case NONE -> y.add("CONFIG_PREEMPT_NONE");
            case VOLUNTARY -> y.add("CONFIG_PREEMPT_VOLUNTARY");
            case FULL -> {
                y.add("CONFIG_PREEMPT");
                y.add("CONFIG_PREEMPTION");
            }
            case RT -> {
                y.add("CONFIG_PREEMPT_RT");
                y.add("CONFIG_PREEMPTION");
                y.add("CONFIG_PREEMPT_RCU");
                y.add("CONFIG_IRQ_FORCED_THREADING");
            }
        }
        if (config.lockdep() != LockdepMode.OFF) {
            y.addAll(List.of("CONFIG_LOCKDEP", "CONFIG_PROVE_LOCKING", "CONFIG_DEBUG_LOCK_ALLOC",
                    "CONFIG_TRACE_IRQFLAGS", "CONFIG_LOCKDEP_SUPPORT"));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("/* include/generated/autoconf.h: written by spinlab for this run's configuration */\n");
        for (String o : y) {
            sb.append("#define ").append(o).append(" 1\n");
        }
        sb.append("#define CONFIG_HZ 100\n");
        sb.append("#define CONFIG_NR_CPUS ").append(KernelConfig.MAX_CPUS).append('\n');
        sb.append("#define CONFIG_LOCALVERSION \"-spinlab\"\n");
        sb.append("#define CONFIG_GCC_VERSION 120200\n");
        sb.append("#define CONFIG_LOG_BUF_SHIFT 17\n");
        return sb.toString();
    }

    /**
     * The preprocessor options of the model kernel's own sources: none, except CONFIG_PREEMPT_RT
     * under {@code --preempt rt}, which changes the kernel's own types (spinlock_t is an
     * rt_mutex there) and must therefore be seen by the kernel and its modules alike.
     */
    public static PreprocessorOptions kernelOptions(KernelConfig config) {
        PreprocessorOptions o = PreprocessorOptions.defaults();
        return config.preempt() == PreemptModel.RT
                ? o.withMacros(List.of(MacroArg.define("CONFIG_PREEMPT_RT", "1"))) : o;
    }

    /** The preprocessor options of one file of a module: the user's, then the build's. */
    public static PreprocessorOptions moduleOptions(KernelConfig config, ModuleSource module, String file) {
        String moduleName = module.name();
        String base = java.nio.file.Path.of(file).getFileName().toString();
        if (base.endsWith(".c")) {
            base = base.substring(0, base.length() - 2);
        }
        List<MacroArg> macros = List.of(
                MacroArg.define("MODULE", "1"),
                MacroArg.define("KBUILD_MODNAME", "\"" + modname(moduleName) + "\""),
                MacroArg.define("KBUILD_BASENAME", "\"" + modname(base) + "\""),
                MacroArg.define("KBUILD_MODFILE", "\"" + moduleName + "\""));
        List<MacroArg> flags = new ArrayList<>();
        List<java.nio.file.Path> incs = new ArrayList<>(config.preprocessor().includeDirs());
        java.nio.file.Path dir = module.files().get(0).getParent();
        for (String f : module.ccflags()) {
            // Kbuild's ccflags-y: -D, -U and -I ($(src) is the module's directory); other
            // compiler flags (-Wall, -O2, -g) change nothing the model does
            if (f.startsWith("-D") && f.length() > 2) {
                flags.add(MacroArg.parseDefine(f.substring(2)));
            } else if (f.startsWith("-U") && f.length() > 2) {
                flags.add(MacroArg.undefine(f.substring(2)));
            } else if (f.startsWith("-I") && f.length() > 2) {
                String d = f.substring(2).replace("$(src)/", "").replace("$(src)", ".")
                        .replace("$(PWD)/", "").replace("$(M)/", "");
                incs.add(dir == null ? java.nio.file.Path.of(d) : dir.resolve(d));
            }
        }
        List<MacroArg> all = new ArrayList<>(flags);
        all.addAll(macros);
        return new PreprocessorOptions(incs, config.preprocessor().commandLineMacros(), Map.of(), List.of())
                .withMacros(all)
                .withBuild(Map.of("generated/autoconf.h", autoconf(config)), List.of("linux/kconfig.h"));
    }

    /** A module's name as the kernel knows it: '-' becomes '_' (scripts/Makefile.lib's name-fix). */
    public static String modname(String name) {
        return name.replace('-', '_');
    }
}
