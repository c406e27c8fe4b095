package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.LocalVar;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.CType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-function state while its body is parsed: labels, enclosing loops and switches, static locals. */
final class FunctionContext {
    final String name;
    final CType returnType;
    final Map<String, SrcLoc> labels = new HashMap<>();
    final List<Goto> gotos = new ArrayList<>();
    final Deque<SwitchContext> switches = new ArrayDeque<>();
    /** Link names already used for this function's static locals. */
    final Set<String> staticNames = new HashSet<>();
    /** The save area of a variadic function's extra arguments (see FunctionDef#varargs), else null. */
    LocalVar vaArea;
    int loopDepth;
    /** Loops and switches: what 'break' may leave. */
    int breakDepth;

    record Goto(String label, SrcLoc loc) {}

    static final class SwitchContext {
        final CType type;
        final Set<Long> values = new HashSet<>();
        boolean hasDefault;

        SwitchContext(CType type) {
            this.type = type;
        }
    }

    FunctionContext(String name, CType returnType) {
        this.name = name;
        this.returnType = returnType;
    }

    /** C has one static object per declaration; two 'static int n' in one function get distinct names. */
    String staticLinkName(String var) {
        String base = name + "." + var;
        String n = base;
        for (int i = 1; !staticNames.add(n); i++) {
            n = base + "." + i;
        }
        return n;
    }
}
