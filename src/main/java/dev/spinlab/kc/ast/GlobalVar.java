package dev.spinlab.kc.ast;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.CType;

/**
 * A file-scope variable definition (or tentative definition), or a static local under the
 * mangled name {@code function.name}. {@code init} is null for zero-initialised objects; its
 * expressions are constant: integer literals, casts of constants, {@code &global},
 * function designators, string literals, and address ± constant.
 */
public record GlobalVar(String name, CType type, Initializer init, boolean isStatic, SrcLoc loc) {}
