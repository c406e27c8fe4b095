package dev.spinlab.kernel;

import java.nio.file.Path;
import java.util.List;

/**
 * A kernel module to load: its name (as the kernel knows it, {@code lsmod}'s), the C files
 * compiled and linked into it (one for a plain {@code hello.c}; several for a Kbuild
 * directory's {@code NAME-objs}), and the parameters of its insmod command line
 * ({@code irq=7 debug}), in order; ccflags are a Kbuild file's {@code ccflags-y} ({@code -DX},
 * {@code -I$(src)/include}).
 */
public record ModuleSource(String name, List<Path> files, List<String> args, List<String> ccflags) {
    public ModuleSource {
        files = List.copyOf(files);
        args = List.copyOf(args);
        ccflags = List.copyOf(ccflags);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("module " + name + " has no source files");
        }
    }

    /** A module made of one file, named after it ({@code hello.c} is module {@code hello}). */
    public static ModuleSource of(Path file) {
        return of(file, List.of());
    }

    public static ModuleSource of(Path file, List<String> args) {
        String n = file.getFileName().toString();
        return new ModuleSource(n.endsWith(".c") ? n.substring(0, n.length() - 2) : n, List.of(file), args, List.of());
    }

    /** The insmod command line's parameters as one string, as init_module(2) receives them. */
    public String argString() {
        return String.join(" ", args);
    }
}
