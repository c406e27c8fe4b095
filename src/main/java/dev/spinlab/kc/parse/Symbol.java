package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.LocalVar;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FunctionType;

/** What an ordinary identifier (C11 6.2.3) names in a scope. */
sealed interface Symbol {
    /** A block-scope automatic variable or a parameter. */
    record Local(LocalVar var) implements Symbol {}

    /** An object with static storage: a file-scope variable or a static local under {@code linkName}. */
    record Global(String linkName, CType type) implements Symbol {}

    record Function(String name, FunctionType type) implements Symbol {}

    record Typedef(CType type) implements Symbol {}

    /** An enumeration constant: an int constant (C11 6.4.4.3). */
    record EnumConst(long value) implements Symbol {}
}
