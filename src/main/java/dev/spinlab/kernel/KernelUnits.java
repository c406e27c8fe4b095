package dev.spinlab.kernel;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Implementation notes.
 *
 * The model kernel's own sources (and the user-space libc and built-in programs) are the same
 * text compiled with the same options in every run of one configuration: only
 * CONFIG_PREEMPT_RT changes them (KernelBuild.kernelOptions). Their parsed units are values
 * (records; the parser completes struct types before it returns), so one JVM compiles each
 * once and every later boot links the same units again, as a kernel build reuses its object
 * files. A boot takes the cached files' text and warnings into its own source map and
 * diagnostics, so what it prints is what a fresh compilation would have printed. Modules and
 * user programs are never cached: their text and flags are the user's.
 */
final class KernelUnits {
    private KernelUnits() {}

    private record Key(PreprocessorOptions options, String name, boolean resource) {}

    private record Compiled(TranslationUnit unit, SourceMap sources, List<Diagnostic> diagnostics) {}

    private static final Map<Key, Compiled> CACHE = new ConcurrentHashMap<>();

    /**
     * The model kernel's file {@code name} compiled with {@code options}, from the cache when
     * there: as a resource (its quoted includes are resources beside it) or, for the user-space
     * libc and built-in programs, as plain text.
     */
    static TranslationUnit compile(PreprocessorOptions options, String name, boolean resource, SourceMap into,
                                   List<Diagnostic> diagnostics) {
        Compiled c = CACHE.computeIfAbsent(new Key(options, name, resource), k -> {
            SourceMap sm = new SourceMap();
            List<Diagnostic> diags = new ArrayList<>();
            Frontend fe = new Frontend(options, sm, diags);
            String text = KernelSources.read(name);
            TranslationUnit tu = resource ? fe.compileResource(name, text) : fe.compileString(name, text);
            return new Compiled(tu, sm, List.copyOf(diags));
        });
        into.putAll(c.sources());
        diagnostics.addAll(c.diagnostics());
        return c.unit();
    }
}
