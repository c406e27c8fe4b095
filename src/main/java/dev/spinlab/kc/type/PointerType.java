package dev.spinlab.kc.type;

public record PointerType(CType target) implements CType {
    @Override public long size() { return 8; }
    @Override public int align() { return 8; }
    @Override public String spelling() {
        if (target instanceof FunctionType f) {
            return f.returnType().spelling() + " (*)(" + f.paramList() + ")";
        }
        return target.spelling() + " *";
    }
}
