package dev.spinlab.kc.pp;

import dev.spinlab.kc.lex.Lexer;
import java.util.ArrayList;
import java.util.List;

/** A file being read: its lexer, where its own quoted includes are looked up, its open conditionals. */
final class SourceFrame {
    final Lexer lexer;
    final String name;
    final String onceKey;
    final IncludeResolver.Origin origin;
    final List<Conditional> conds = new ArrayList<>();
    /** Where the including file's #include of this one is (null for the main file). */
    dev.spinlab.kc.lex.SrcLoc includedAt;

    SourceFrame(Lexer lexer, String name, String onceKey, IncludeResolver.Origin origin) {
        this.lexer = lexer;
        this.name = name;
        this.onceKey = onceKey;
        this.origin = origin;
    }

    Conditional innermost() {
        return conds.isEmpty() ? null : conds.get(conds.size() - 1);
    }
}
