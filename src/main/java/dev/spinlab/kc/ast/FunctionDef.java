package dev.spinlab.kc.ast;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.FunctionType;
import java.util.List;

/**
 * A function definition. {@code isStatic}: internal linkage (visible only in its file).
 * {@code varargs}: for a variadic function, the hidden array its variadic arguments are saved
 * in on entry (what {@code va_start} points a {@code va_list} at), otherwise null.
 */
public record FunctionDef(String name, FunctionType type, List<LocalVar> params, Stmt.Block body,
                          boolean isStatic, SrcLoc loc, LocalVar varargs) {
    /** How many variadic arguments a C function definition can receive (and va_arg read). */
    public static final int MAX_VARARGS = 32;
}
