package dev.spinlab.kc.type;

/** Integer types. {@code char} is signed, as with gcc on x86-64. Enums are {@link #INT}. */
public record IntType(Kind kind) implements CType {
    public enum Kind {
        BOOL(1, false, 0, "_Bool"),
        CHAR(1, true, 1, "char"),
        SCHAR(1, true, 1, "signed char"),
        UCHAR(1, false, 1, "unsigned char"),
        SHORT(2, true, 2, "short"),
        USHORT(2, false, 2, "unsigned short"),
        INT(4, true, 3, "int"),
        UINT(4, false, 3, "unsigned int"),
        LONG(8, true, 4, "long"),
        ULONG(8, false, 4, "unsigned long"),
        LLONG(8, true, 5, "long long"),
        ULLONG(8, false, 5, "unsigned long long");

        public final int size;
        public final boolean signed;
        /** Integer conversion rank (C11 6.3.1.1). */
        public final int rank;
        public final String spelling;

        Kind(int size, boolean signed, int rank, String spelling) {
            this.size = size;
            this.signed = signed;
            this.rank = rank;
            this.spelling = spelling;
        }
    }

    public static final IntType BOOL = new IntType(Kind.BOOL);
    public static final IntType CHAR = new IntType(Kind.CHAR);
    public static final IntType SCHAR = new IntType(Kind.SCHAR);
    public static final IntType UCHAR = new IntType(Kind.UCHAR);
    public static final IntType SHORT = new IntType(Kind.SHORT);
    public static final IntType USHORT = new IntType(Kind.USHORT);
    public static final IntType INT = new IntType(Kind.INT);
    public static final IntType UINT = new IntType(Kind.UINT);
    public static final IntType LONG = new IntType(Kind.LONG);
    public static final IntType ULONG = new IntType(Kind.ULONG);
    public static final IntType LLONG = new IntType(Kind.LLONG);
    public static final IntType ULLONG = new IntType(Kind.ULLONG);

    @Override public long size() { return kind.size; }
    @Override public int align() { return kind.size; }
    public boolean signed() { return kind.signed; }
    @Override public String spelling() { return kind.spelling; }
}
