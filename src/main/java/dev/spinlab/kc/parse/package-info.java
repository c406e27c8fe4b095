/**
 * Kernel-C parser and type checker: preprocessed tokens in, a typed AST out.
 *
 * <p>Owns the step from a {@code List<Token>} (ending in EOF, as the lexer or the preprocessor
 * produces it) to a {@link dev.spinlab.kc.ast.TranslationUnit} whose every expression carries
 * its C type and whose every implicit conversion is an explicit node. It reports the first
 * error as a {@link dev.spinlab.kc.diag.CompileError} in gcc's wording and appends gcc's cheap
 * warnings to the diagnostics list. It must not touch the machine, the interpreter or the
 * model kernel: it knows C, not locks.
 *
 * <p>Structure (each class one job): {@link dev.spinlab.kc.parse.Parser} drives file-scope
 * declarations and function definitions; {@link dev.spinlab.kc.parse.StmtParser} statements and
 * block-scope declarations; {@link dev.spinlab.kc.parse.ExprParser} expressions;
 * {@link dev.spinlab.kc.parse.DeclSpecParser} declaration specifiers (struct/union/enum,
 * typeof); {@link dev.spinlab.kc.parse.Declarators} declarators and type names;
 * {@link dev.spinlab.kc.parse.InitializerBuilder} initializer flattening;
 * {@link dev.spinlab.kc.parse.Typer} the typing rules of C11 6.3 and 6.5;
 * {@link dev.spinlab.kc.parse.ConstEval} integer and address constant expressions (6.6);
 * {@link dev.spinlab.kc.parse.Scope} the nested name spaces (6.2.1, 6.2.3). The parser is
 * hand-written recursive descent because deciding whether an identifier names a type needs
 * the symbol table while parsing.
 */
package dev.spinlab.kc.parse;
