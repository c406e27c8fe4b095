package dev.spinlab.kc.ast;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.CType;

/**
 * A local variable or parameter. Identity matters: two locals with one name in different
 * scopes are two objects. The compiler decides where it lives (register or stack memory).
 */
public final class LocalVar {
    private final String name;
    private CType type;
    private final SrcLoc loc;

    public LocalVar(String name, CType type, SrcLoc loc) {
        this.name = name;
        this.type = type;
        this.loc = loc;
    }

    public String name() { return name; }
    public CType type() { return type; }
    public SrcLoc loc() { return loc; }

    /** Completes an incomplete array type from its initializer ({@code char s[] = "..."}). */
    public void completeType(CType complete) { this.type = complete; }

    @Override public String toString() { return name; }
}
