package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.MacroArg;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-JVM cache of the model kernel's compiled files (KernelUnits). */
class KernelUnitsTest {
    private static final String FILE = "kernel/softirq.c";

    @Test
    void aSecondBootReusesTheUnitAndStillGetsTheFilesText() {
        PreprocessorOptions o = PreprocessorOptions.defaults();
        SourceMap first = new SourceMap();
        TranslationUnit a = KernelUnits.compile(o, FILE, true, first, new ArrayList<>());
        SourceMap second = new SourceMap();
        List<Diagnostic> diags = new ArrayList<>();
        TranslationUnit b = KernelUnits.compile(o, FILE, true, second, diags);
        assertThat(b).isSameAs(a);
        // stack dumps and diagnostics quote lines from the run's own source map
        assertThat(second.line(FILE, 1)).isNotNull().isEqualTo(first.line(FILE, 1));
        assertThat(diags).isEmpty();
    }

    @Test
    void anotherConfigurationCompilesAgain() {
        PreprocessorOptions plain = PreprocessorOptions.defaults();
        PreprocessorOptions rt = plain.withMacros(List.of(MacroArg.define("CONFIG_PREEMPT_RT", "1")));
        TranslationUnit a = KernelUnits.compile(plain, FILE, true, new SourceMap(), new ArrayList<>());
        TranslationUnit b = KernelUnits.compile(rt, FILE, true, new SourceMap(), new ArrayList<>());
        assertThat(b).isNotSameAs(a);
        assertThat(b.functions().stream().map(f -> f.name()).toList())
                .isNotEqualTo(a.functions().stream().map(f -> f.name()).toList());
    }
}
