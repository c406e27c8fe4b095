/**
 * The C preprocessor: turns a source file, with the files it includes, into the token stream the
 * parser reads (C11 6.10 with the GNU extensions kernel code relies on: named variadic macros,
 * {@code , ## __VA_ARGS__}, {@code #warning}, {@code #include_next}, {@code __COUNTER__}).
 *
 * <p>It owns include-file lookup (user directories, then spinlab's model header trees under the
 * classpath resources {@code /include} and {@code /usr/include}), macro definition and
 * expansion, conditional inclusion and the predefined macros. It must not parse declarations or
 * statements, know about C types, or touch the simulated machine: its output is only tokens, each
 * located where the user will look for it (macro-expanded tokens at the outermost invocation).
 */
package dev.spinlab.kc.pp;
