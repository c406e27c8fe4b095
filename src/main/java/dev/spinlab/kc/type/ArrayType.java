package dev.spinlab.kc.type;

/** {@code elem[length]}; length -1 while incomplete ({@code int a[]} before its initializer). */
public record ArrayType(CType element, long length) implements CType {
    @Override public long size() { return length < 0 ? -1 : length * element.size(); }
    @Override public int align() { return element.align(); }
    @Override public String spelling() { return element.spelling() + "[" + (length < 0 ? "" : length) + "]"; }
}
