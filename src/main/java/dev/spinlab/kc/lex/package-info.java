/**
 * Tokens, source locations, the lexer and literal decoding (C11 6.4).
 * Must not touch: macros (kc.pp), syntax (kc.parse).
 */
package dev.spinlab.kc.lex;
