package dev.spinlab.kc.parse;

import java.util.Set;

/**
 * The reserved words (C11 6.4.1 plus the GNU spellings we accept). The lexer leaves keywords
 * as identifiers; these can never name a variable, so seeing one where an expression or a
 * type name was expected is a syntax error, not an undeclared identifier.
 */
final class Keywords {
    private static final Set<String> RESERVED = Set.of(
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
            "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
            "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
            "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Noreturn",
            "_Static_assert", "_Thread_local", "asm", "__asm", "__asm__", "typeof", "__typeof", "__typeof__",
            "__attribute", "__attribute__", "__extension__", "__inline", "__inline__", "__restrict",
            "__restrict__", "__const", "__const__", "__volatile", "__volatile__", "__signed", "__signed__",
            "__alignof", "__alignof__", "__complex__");

    private Keywords() {}

    static boolean isReserved(String s) {
        return RESERVED.contains(s);
    }
}
