package dev.spinlab.kc.pp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the command line tells the preprocessor.
 *
 * @param includeDirs {@code -I} directories, searched in order before the model header trees
 * @param commandLineMacros {@code -D}/{@code -U} in command-line order, applied after the predefined macros
 * @param generatedHeaders headers made for this compilation (name as {@code #include <...>} gives
 *        it, to text), found before the {@code -I} directories: the kernel build's
 *        {@code include/generated/} ({@code <generated/autoconf.h>})
 * @param forcedIncludes headers read before the main file, as gcc's {@code -include FILE}
 *        (the kernel's build uses {@code -include include/linux/kconfig.h}); they may only hold
 *        directives
 */
public record PreprocessorOptions(List<Path> includeDirs, List<MacroArg> commandLineMacros,
                                  Map<String, String> generatedHeaders, List<String> forcedIncludes) {
    public PreprocessorOptions {
        includeDirs = List.copyOf(includeDirs);
        commandLineMacros = List.copyOf(commandLineMacros);
        generatedHeaders = Map.copyOf(generatedHeaders);
        forcedIncludes = List.copyOf(forcedIncludes);
    }

    public PreprocessorOptions(List<Path> includeDirs, List<MacroArg> commandLineMacros) {
        this(includeDirs, commandLineMacros, Map.of(), List.of());
    }

    public static PreprocessorOptions defaults() {
        return new PreprocessorOptions(List.of(), List.of());
    }

    /** These options with more macros after the command line's (a module's KBUILD_MODNAME). */
    public PreprocessorOptions withMacros(List<MacroArg> more) {
        List<MacroArg> all = new java.util.ArrayList<>(commandLineMacros);
        all.addAll(more);
        return new PreprocessorOptions(includeDirs, all, generatedHeaders, forcedIncludes);
    }

    /** These options with generated headers and forced includes (the kernel build's). */
    public PreprocessorOptions withBuild(Map<String, String> generated, List<String> forced) {
        return new PreprocessorOptions(includeDirs, commandLineMacros, generated, forced);
    }
}
