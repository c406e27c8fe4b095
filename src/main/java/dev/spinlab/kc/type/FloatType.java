package dev.spinlab.kc.type;

/**
 * A floating type, present only in constant expressions that gcc folds at compile time
 * ({@code (u64)(1E6L * 200)}): the model has no floating-point unit, so no object, argument or
 * run-time value has this type. Sizes as gcc on x86-64 (long double is 16 bytes).
 */
public record FloatType(Kind kind) implements CType {
    public enum Kind {
        FLOAT(4, "float"), DOUBLE(8, "double"), LDOUBLE(16, "long double");

        public final int size;
        public final String spelling;

        Kind(int size, String spelling) {
            this.size = size;
            this.spelling = spelling;
        }
    }

    public static final FloatType FLOAT = new FloatType(Kind.FLOAT);
    public static final FloatType DOUBLE = new FloatType(Kind.DOUBLE);
    public static final FloatType LDOUBLE = new FloatType(Kind.LDOUBLE);

    @Override public long size() { return kind.size; }
    @Override public int align() { return kind.size; }
    @Override public String spelling() { return kind.spelling; }
}
