/**
 * The kernel-C toolchain: preprocessor, lexer, parser and typer, compiler to IR, linker and
 * interpreter, and the small user-space C library. {@link dev.spinlab.kc.Frontend} turns a file
 * into a typed translation unit.
 *
 * <p>Owns: everything about C. Must not touch: locks, contexts and kernel semantics (the
 * {@code kernel} package); it knows the machine only as state to execute against.
 */
package dev.spinlab.kc;
