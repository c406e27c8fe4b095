package dev.spinlab.kc.ast;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.CType;

/**
 * A file-scope variable definition (or tentative definition), or a static local under the
 * mangled name {@code function.name}. {@code init} is null for zero-initialised objects; its
 * expressions are constant: integer literals, casts of constants, {@code &global},
 * function designators, string literals, and address ± constant. {@code readOnly}: the object
 * itself is const-qualified (not volatile), so the linker puts it in read-only memory as gcc
 * puts it in .rodata; a write to it faults as the kernel's write-protected .rodata does.
 */
public record GlobalVar(String name, CType type, Initializer init, boolean isStatic, SrcLoc loc, boolean readOnly) {
    public GlobalVar(String name, CType type, Initializer init, boolean isStatic, SrcLoc loc) {
        this(name, type, init, isStatic, loc, false);
    }

    /**
     * Whether an object of this type declared with these specifiers is itself const: const in
     * the specifiers qualifies the innermost element type, so an array of such elements is
     * const, a pointer to them is not ({@code const char *p} can be reassigned).
     */
    public static boolean constObject(boolean constSpecifier, CType type) {
        CType t = type;
        while (t instanceof dev.spinlab.kc.type.ArrayType a) {
            t = a.element();
        }
        return constSpecifier && !(t instanceof dev.spinlab.kc.type.PointerType);
    }
}
