package dev.spinlab.kc.type;

public record VoidType() implements CType {
    public static final VoidType VOID = new VoidType();
    @Override public long size() { return 1; } // gcc extension: sizeof(void) == 1, void* arithmetic by bytes
    @Override public int align() { return 1; }
    @Override public String spelling() { return "void"; }
}
