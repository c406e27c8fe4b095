package dev.spinlab.kc.type;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A function type. {@code prototyped} is false for the K&R form {@code int f()} whose
 * parameters are unknown; calls to it apply the default argument promotions.
 */
public record FunctionType(CType returnType, List<CType> params, boolean variadic, boolean prototyped)
        implements CType {
    @Override public long size() { return 1; } // gcc: sizeof a function is 1
    @Override public int align() { return 1; }

    public String paramList() {
        if (!prototyped) {
            return "";
        }
        String ps = params.isEmpty() && !variadic ? "void"
                : params.stream().map(CType::spelling).collect(Collectors.joining(", "));
        return variadic ? ps + ", ..." : ps;
    }

    @Override public String spelling() { return returnType.spelling() + " (" + paramList() + ")"; }
}
