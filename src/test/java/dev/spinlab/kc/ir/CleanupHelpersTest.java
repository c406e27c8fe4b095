package dev.spinlab.kc.ir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The helpers <linux/cleanup.h>'s macros generate are placed only where used (as gcc emits no
 * unused static inline function), so a header full of guard definitions moves no other
 * function: the kernel's addresses in every golden stay put.
 */
class CleanupHelpersTest {
    static final String HELPERS = String.join("\n",
            "typedef int *class_a_t;",
            "static inline void class_a_destructor(int **p) { **p = 0; }",
            "static inline int *class_a_constructor(int *x) { return x; }",
            "static inline void __free_thing(void *p) { }",
            "static inline int plain_helper(void) { return 1; }");

    static Linker.Image link(String src) {
        var tu = new Frontend(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>())
                .compileString("h.c", src);
        return new Linker(new CodeSpace(), new MachineState(1).mem, n -> null).link(List.of(tu));
    }

    static List<String> functions(Linker.Image img) {
        return img.placed().stream().filter(Linker.Placed::isFunction).map(Linker.Placed::name).toList();
    }

    @Test
    void unusedHelpersAreNotPlacedAndMoveNothing() {
        String user = "int after(void) { return 2; }";
        Linker.Image without = link(user);
        Linker.Image with = link(HELPERS + "\n" + user);
        // an ordinary unused static inline function is still placed, as before
        assertThat(functions(with)).containsExactly("plain_helper", "after");
        assertThat(with.address("after")).isEqualTo(without.address("after") + CodeSpace.address(1) - CodeSpace.address(0));
    }

    @Test
    void usedHelpersArePlacedWithWhatTheyCall() {
        Linker.Image img = link(HELPERS + "\n"
                + "int user(void) { int v = 1; { class_a_t g __attribute__((cleanup(class_a_destructor)))"
                + " = class_a_constructor(&v); } return v; }");
        assertThat(functions(img)).containsExactly("class_a_destructor", "class_a_constructor", "plain_helper", "user");
    }
}
