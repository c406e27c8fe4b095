package dev.spinlab.kc.pp;

import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.lex.SrcLoc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The macros currently defined, keyed by name. Owns the redefinition rule (C11 6.10.3p2: a
 * different redefinition is a constraint violation; gcc only warns and the new one wins) and
 * the {@code __COUNTER__} state.
 */
final class MacroTable {
    /** Built-ins whose expansion depends on where they are used (gcc's "special" macros). */
    static final List<String> DYNAMIC = List.of("__FILE__", "__LINE__", "__COUNTER__");

    private final Map<String, Macro> macros = new HashMap<>();
    private final List<Diagnostic> diagnostics;
    private int counter;
    /** Tokens macro replacement has produced in this translation unit (see {@link #charge}). */
    private long expanded;

    /**
     * Tokens one translation unit's macro replacement may produce. Macros that double at each
     * level (#define X1 X0 X0 ...) reach billions of tokens in thirty lines; gcc would run
     * out of memory on them too. 65,536-token expansions are ordinary and far below this.
     */
    static final long MAX_EXPANDED_TOKENS = 4_000_000;

    /** Counts n tokens of replacement made at loc; stops the translation past the bound. */
    void charge(int n, SrcLoc loc) {
        expanded += n;
        if (expanded > MAX_EXPANDED_TOKENS) {
            throw new dev.spinlab.kc.diag.CompileError(loc, "macro expansion too large: more than "
                    + MAX_EXPANDED_TOKENS + " tokens of replacement in this file (a macro that doubles at each level?)");
        }
    }

    MacroTable(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
        for (String name : DYNAMIC) {
            macros.put(name, new Macro(name, false, List.of(), false, List.of(), SrcLoc.NONE, true));
        }
    }

    Macro get(String name) {
        return macros.get(name);
    }

    boolean isDefined(String name) {
        return macros.containsKey(name);
    }

    /** Defines a macro, warning as gcc does when it replaces a different definition. */
    void define(Macro m, SrcLoc nameLoc) {
        Macro old = macros.get(m.name());
        if (old != null && !old.sameAs(m)) {
            diagnostics.add(new Diagnostic(nameLoc, Diagnostic.Severity.WARNING, "\"" + m.name() + "\" redefined"));
        }
        macros.put(m.name(), m);
    }

    void undef(String name) {
        macros.remove(name);
    }

    /** The next value of {@code __COUNTER__}: 0, 1, 2... within one preprocessing run. */
    int nextCounter() {
        return counter++;
    }
}
