package dev.spinlab.kc.ast;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.FunctionType;
import java.util.List;

/** A function definition. {@code isStatic}: internal linkage (visible only in its file). */
public record FunctionDef(String name, FunctionType type, List<LocalVar> params, Stmt.Block body,
                          boolean isStatic, SrcLoc loc) {}
