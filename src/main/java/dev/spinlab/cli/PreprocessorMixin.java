package dev.spinlab.cli;

import dev.spinlab.kc.pp.MacroArg;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * gcc's preprocessor options, shared by every command that reads C. -D and -U are applied in
 * command-line order, as gcc does.
 */
public final class PreprocessorMixin {
    private final List<MacroArg> macros = new ArrayList<>();
    private final List<Path> includeDirs = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "-D", order = 30, paramLabel = "NAME[=VALUE]", description = "Define a macro, as gcc -D.")
    void define(List<String> defs) {
        for (String d : defs) {
            macros.add(MacroArg.parseDefine(d));
        }
    }

    @Option(names = "-U", order = 31, paramLabel = "NAME", description = "Undefine a macro, as gcc -U.")
    void undefine(List<String> names) {
        for (String n : names) {
            macros.add(MacroArg.undefine(n));
        }
    }

    @Option(names = "-I", order = 32, paramLabel = "DIR", description = "Add a directory to the include search path.")
    void include(List<Path> dirs) {
        includeDirs.addAll(dirs);
    }

    public PreprocessorOptions options() {
        return new PreprocessorOptions(List.copyOf(includeDirs), List.copyOf(macros));
    }
}
