package dev.spinlab.kc.type;

/**
 * A C type, with the LP64 sizes of gcc on x86-64 and arm64 (char 1, short 2, int 4,
 * long and pointers 8). Qualifiers ({@code const}, {@code volatile}) are accepted by the
 * parser and not part of the type (a const object is marked on its GlobalVar instead, for
 * the linker's read-only placement): every access in the model is a real memory access.
 */
public sealed interface CType permits VoidType, IntType, FloatType, PointerType, ArrayType, FunctionType, StructType {
    /** Size in bytes ({@code sizeof}); -1 for incomplete types. */
    long size();

    /** Alignment in bytes ({@code _Alignof}). */
    int align();

    default boolean isInteger() { return this instanceof IntType; }
    default boolean isPointer() { return this instanceof PointerType; }
    default boolean isScalar() { return this instanceof IntType || this instanceof PointerType; }
    default boolean isVoid() { return this instanceof VoidType; }
    default boolean isStruct() { return this instanceof StructType; }
    default boolean isArray() { return this instanceof ArrayType; }
    default boolean isFunction() { return this instanceof FunctionType; }

    /** The C spelling of the type, for diagnostics ({@code unsigned int}, {@code struct file *}). */
    String spelling();
}
