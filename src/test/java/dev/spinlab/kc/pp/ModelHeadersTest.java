package dev.spinlab.kc.pp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelHeadersTest {
    @Test
    void scanFindsMacrosFunctionsTypedefsExternsAndEnumerators() {
        Map<String, String> m = new HashMap<>();
        ModelHeaders.scanHeader("linux/x.h", String.join("\n",
                "#ifndef _SPINLAB_LINUX_X_H",
                "#define _SPINLAB_LINUX_X_H",
                "#define DEFINE_WIDGET(name) struct widget name = { 0 }",
                "typedef unsigned int widget_id_t;",
                "typedef void (*widget_fn)(int);",
                "typedef struct {",
                "    int a;",
                "} widget_state_t;",
                "extern int widget_count;",
                "int widget_register(struct widget *w);",
                "static inline void widget_poke(struct widget *w)",
                "{",
                "    if (w) return;",
                "}",
                "enum widget_kind {",
                "    WIDGET_SMALL,",
                "    WIDGET_LARGE = 4,",
                "};",
                "#endif"), m);
        assertThat(m).containsOnlyKeys("DEFINE_WIDGET", "widget_id_t", "widget_fn", "widget_state_t", "widget_count",
                "widget_register", "widget_poke", "WIDGET_SMALL", "WIDGET_LARGE");
        assertThat(m).allSatisfy((k, v) -> assertThat(v).isEqualTo("linux/x.h"));
    }

    @Test
    void lookupPrefersTheModelThenTheKernelList() {
        ModelHeaders h = ModelHeaders.get();
        assertThat(h.lookup("DEFINE_MUTEX", true)).contains(new ModelHeaders.Hint("linux/mutex.h", true));
        assertThat(h.lookup("printf", false)).contains(new ModelHeaders.Hint("stdio.h", true));
        assertThat(h.lookup("gpio_request", true)).contains(new ModelHeaders.Hint("linux/gpio.h", false));
        assertThat(h.lookup("no_such_name_anywhere", true)).isEmpty();
        // every name the model's kernel tree declares maps to a header of that tree
        assertThat(h.kernelNames()).isNotEmpty().allSatisfy((k, v) -> assertThat(v).endsWith(".h"));
    }
}
