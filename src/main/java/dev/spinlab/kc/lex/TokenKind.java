package dev.spinlab.kc.lex;

/** Kinds of preprocessing/C tokens. Keywords are IDENT tokens; the parser decides. */
public enum TokenKind {
    IDENT,
    /** Integer constant, text as written (e.g. {@code 0x10UL}); see {@link Literals#parseInteger}. */
    INT_LIT,
    /** Floating constant, text as written; the parser rejects it (no floating point in the model). */
    FLOAT_LIT,
    /** Character constant including quotes and optional prefix, e.g. {@code '\n'}. */
    CHAR_LIT,
    /** String literal including quotes, e.g. {@code "a\tb"}; adjacent ones are concatenated by the parser. */
    STRING_LIT,
    /** Punctuator, e.g. {@code ->}, {@code <<=}, {@code ...}. */
    PUNCT,
    EOF
}
