package dev.spinlab.kc.pp;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line tells the preprocessor.
 *
 * @param includeDirs {@code -I} directories, searched in order before the model header trees
 * @param commandLineMacros {@code -D}/{@code -U} in command-line order, applied after the predefined macros
 */
public record PreprocessorOptions(List<Path> includeDirs, List<MacroArg> commandLineMacros) {
    public PreprocessorOptions {
        includeDirs = List.copyOf(includeDirs);
        commandLineMacros = List.copyOf(commandLineMacros);
    }

    public static PreprocessorOptions defaults() {
        return new PreprocessorOptions(List.of(), List.of());
    }
}
