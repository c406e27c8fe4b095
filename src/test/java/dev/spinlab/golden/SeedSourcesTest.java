package dev.spinlab.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.ir.FunctionCompiler;
import dev.spinlab.kc.ir.IrFunction;
import dev.spinlab.kc.ir.StringPool;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second seed's driver and test program, includes restored, parse and compile to IR. */
class SeedSourcesTest {
    static final Path SEED = Path.of("examples/hello");

    static List<IrFunction> compile(TranslationUnit tu) {
        StringPool strings = new StringPool();
        List<IrFunction> out = new ArrayList<>();
        for (FunctionDef f : tu.functions()) {
            out.add(new FunctionCompiler(f, strings).compile());
        }
        return out;
    }

    @Test
    void helloDriverCompiles() {
        List<Diagnostic> diags = new ArrayList<>();
        TranslationUnit tu = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), diags)
                .compileFile(SEED.resolve("hello.c"));
        List<IrFunction> fns = compile(tu);
        assertThat(fns).extracting(f -> f.name)
                .contains("hello_open", "hello_release", "hello_init", "hello_exit");
        assertThat(tu.globals()).extracting(g -> g.name()).contains("lock", "flage", "hello_ops");
        // module_init/module_exit leave the init and exit entry points for the model kernel to find
        assertThat(tu.globals()).extracting(g -> g.name())
                .anyMatch(n -> n.contains("hello_init")).anyMatch(n -> n.contains("hello_exit"));
        assertThat(diags).noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    @Test
    void testProgramCompilesWithGccsKAndRWarnings() {
        List<Diagnostic> diags = new ArrayList<>();
        TranslationUnit tu = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), diags)
                .compileFile(SEED.resolve("test.c"));
        assertThat(compile(tu)).extracting(f -> f.name).containsExactly("main");
        assertThat(diags).extracting(Diagnostic::message)
                .contains("return type defaults to 'int'")
                .anyMatch(m -> m.contains("'return' with no value"));
    }
}
