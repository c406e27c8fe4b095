/**
 * The register IR, the compiler from the typed AST to it, C operator semantics
 * ({@link dev.spinlab.kc.ir.CSemantics}), the function table shared by C functions and
 * intrinsics ({@link dev.spinlab.kc.ir.CodeSpace}), the linker that loads programs into a
 * machine, and the registers' liveness ({@link dev.spinlab.kc.ir.Liveness}). Must not touch: execution (kc.interp) and kernel semantics.
 */
package dev.spinlab.kc.ir;
