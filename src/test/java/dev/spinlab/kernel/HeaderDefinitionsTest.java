package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.kc.type.FunctionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model kernel's API surface is honest: every function a model header under
 * src/main/resources/include declares is defined, by the model kernel's C or by an intrinsic,
 * so that a driver calling it links; a header for a subsystem the model leaves out refuses to
 * be included, naming it ("not modelled: GPIO (include/linux/gpio.h)").
 */
class HeaderDefinitionsTest {
    private static final Path INCLUDE = Path.of("src/main/resources/include");
    private static final String REFUSAL = "#error \"not modelled: ";
    /** A header only a PREEMPT_RT build includes (<linux/spinlock_rt.h>): checked under --preempt rt. */
    private static final String RT_ONLY = "#error \"PREEMPT_RT only: ";

    private static List<String> modelled;
    private static List<String> refused;
    private static List<String> rtOnly;

    @BeforeAll
    static void scanHeaders() throws IOException {
        List<String> all;
        try (Stream<Path> s = Files.walk(INCLUDE)) {
            all = s.filter(p -> p.toString().endsWith(".h")).map(p -> INCLUDE.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.toList());
        }
        modelled = new ArrayList<>();
        refused = new ArrayList<>();
        rtOnly = new ArrayList<>();
        for (String h : all) {
            String text = Files.readString(INCLUDE.resolve(h));
            (text.contains(REFUSAL) ? refused : text.contains(RT_ONLY) ? rtOnly : modelled).add(h);
        }
    }

    private static TranslationUnit compile(String name, String text) {
        return compile(name, text, PreprocessorOptions.defaults());
    }

    private static TranslationUnit compile(String name, String text, PreprocessorOptions options) {
        List<Diagnostic> diags = new ArrayList<>();
        return new Frontend(options, new SourceMap(), diags).compileString(name, text);
    }

    /**
     * The PREEMPT_RT-only headers: refused without CONFIG_PREEMPT_RT, and under it they compile
     * and every function they declare is defined by the PREEMPT_RT kernel.
     */
    @Test
    void preemptRtHeadersAreCompleteUnderRtAndRefusedWithout() {
        assertThat(rtOnly).contains("linux/spinlock_rt.h");
        PreprocessorOptions rt = PreprocessorOptions.defaults()
                .withMacros(List.of(dev.spinlab.kc.pp.MacroArg.define("CONFIG_PREEMPT_RT", "1")));
        Kernel k = KernelBootTest.boot(1, PreemptModel.RT);
        Set<String> undefined = new TreeSet<>();
        for (String h : rtOnly) {
            Assertions.assertThatThrownBy(() -> compile("one.c", "#include <" + h + ">\n"))
                    .as(h).isInstanceOf(CompileError.class).hasMessageContaining("PREEMPT_RT only");
            TranslationUnit tu = compile("rt.c", "#include <linux/spinlock.h>\n#include <" + h + ">\n", rt);
            Set<String> inline = tu.functions().stream().map(FunctionDef::name).collect(Collectors.toSet());
            for (var e : tu.declarations().entrySet()) {
                if (e.getValue() instanceof FunctionType && !inline.contains(e.getKey())
                        && !k.kernelSymbols.containsKey(e.getKey()) && k.intrinsics.lookup(e.getKey()) == null) {
                    undefined.add(e.getKey());
                }
            }
        }
        assertThat(undefined).as("declared by a PREEMPT_RT header but defined nowhere in the PREEMPT_RT kernel").isEmpty();
    }

    @Test
    void everyDeclaredFunctionIsDefined() {
        StringBuilder src = new StringBuilder();
        for (String h : modelled) {
            src.append("#include <").append(h).append(">\n");
        }
        TranslationUnit tu = compile("all_headers.c", src.toString());
        Set<String> inline = tu.functions().stream().map(FunctionDef::name).collect(Collectors.toSet());
        Kernel k = KernelBootTest.boot(1);
        Set<String> undefined = new TreeSet<>();
        int declared = 0;
        for (var e : tu.declarations().entrySet()) {
            if (!(e.getValue() instanceof FunctionType) || inline.contains(e.getKey())) {
                continue;
            }
            declared++;
            String name = e.getKey();
            if (!k.kernelSymbols.containsKey(name) && k.intrinsics.lookup(name) == null) {
                undefined.add(name);
            }
        }
        assertThat(declared).as("function declarations found in the model headers").isGreaterThan(100);
        assertThat(undefined).as("declared by a model header but defined nowhere (define it, or refuse its header with "
                + REFUSAL + "...\")").isEmpty();
    }

    @Test
    void everyModelledHeaderCompilesOnItsOwn() {
        List<String> broken = new ArrayList<>();
        for (String h : modelled) {
            try {
                compile("one.c", "#include <" + h + ">\n");
            } catch (CompileError e) {
                broken.add("<" + h + ">: " + e.getMessage().strip() + " at " + e.loc());
            }
        }
        assertThat(broken).as("model headers that do not compile when included alone").isEmpty();
    }

    /** What a tutorial driver that includes only module.h and fs.h uses, as on Linux 6.6. */
    @Test
    void moduleAndFsHeadersBringWhatTheKernelsDo() {
        String driver = String.join("\n",
                "#include <linux/module.h>",
                "#include <linux/fs.h>",
                "static DECLARE_WAIT_QUEUE_HEAD(wq);",
                "static DEFINE_MUTEX(lock);",
                "static DEFINE_SPINLOCK(slock);",
                "static struct kref ref;",
                "static int flag;",
                "static int f(void)",
                "{",
                "    void *p = kmalloc(PAGE_SIZE, GFP_KERNEL);",
                "    mutex_lock(&lock);",
                "    if (wait_event_interruptible(wq, flag != 0))",
                "        return -ERESTARTSYS;",
                "    mutex_unlock(&lock);",
                "    kfree(p);",
                "    kref_init(&ref);",
                "    return current->pid + capable(CAP_SYS_ADMIN);",
                "}",
                "");
        org.assertj.core.api.Assertions.assertThatCode(() -> compile("tutorial.c", driver)).doesNotThrowAnyException();
    }

    @Test
    void refusedHeadersNameTheSubsystemAtTheIncludeLine() {
        assertThat(refused).contains("linux/gpio.h", "linux/gpio/consumer.h", "linux/tty.h", "linux/rtnetlink.h",
                "linux/ethtool.h");
        for (String h : refused) {
            String driver = "/* a driver */\n#include <linux/module.h>\n#include <" + h + ">\n";
            Assertions.assertThatThrownBy(() -> compile("drv.c", driver))
                    .as(h)
                    .isInstanceOf(CompileError.class)
                    .hasMessageContaining("not modelled: ")
                    .hasMessageContaining("(include/" + h + ")");
        }
    }
}
