package dev.spinlab.kc.ir;

/**
 * The IR's operations. An instruction is five ints {@code op, a, b, c, d} in a function's code
 * array. Registers are per-frame long slots; every register holding a value of a C integer
 * type narrower than 64 bits holds it normalised (sign- or zero-extended from its width, see
 * {@link CSemantics#ext}), so comparisons and divisions can work on 64-bit values.
 */
public final class Op {
    private Op() {}

    public static final int WIDTH = 5;

    /** a = consts[b] */
    public static final int CONST = 1;
    /** a = b */
    public static final int MOV = 2;
    // a = b OP c
    public static final int ADD = 3;
    public static final int SUB = 4;
    public static final int MUL = 5;
    public static final int DIVS = 6;
    public static final int DIVU = 7;
    public static final int REMS = 8;
    public static final int REMU = 9;
    public static final int AND = 10;
    public static final int OR = 11;
    public static final int XOR = 12;
    public static final int SHL = 13;
    public static final int SHRS = 14;
    public static final int SHRU = 15;
    public static final int EQ = 16;
    public static final int NE = 17;
    public static final int LTS = 18;
    public static final int LES = 19;
    public static final int LTU = 20;
    public static final int LEU = 21;
    // a = OP b
    public static final int NEG = 22;
    public static final int NOT = 23;
    public static final int LNOT = 24;
    /** a = ext(b, kind c) — see {@link CSemantics} EXT_* */
    public static final int EXT = 25;
    /** a = load(reg b + c), kind d (size | SIGNED) */
    public static final int LOAD = 26;
    /** store(reg a + c) = reg b, size d */
    public static final int STORE = 27;
    /** a = load(fp + c), kind d — a frame slot, never visible */
    public static final int LOADL = 28;
    /** store(fp + c) = reg b, size d */
    public static final int STOREL = 29;
    /** a = fp + c */
    public static final int LEA = 30;
    /** a = b + c (immediate) */
    public static final int ADDI = 31;
    /** goto a */
    public static final int JMP = 32;
    /** if (reg a == 0) goto b */
    public static final int JZ = 33;
    /** if (reg a != 0) goto b */
    public static final int JNZ = 34;
    /** reg a (or none if -1) = call(function address in reg b, args regs c .. c+d-1) */
    public static final int CALL = 35;
    /** return reg a (or nothing if -1) */
    public static final int RET = 36;
    /** memmove(reg a, reg b, c bytes) */
    public static final int MEMCPY = 37;
    /** memset(reg a, 0, c bytes) */
    public static final int MEMZERO = 38;

    /** Kind bit for LOAD/LOADL: sign-extend. */
    public static final int SIGNED = 16;
    /**
     * Kind bit for LOAD and size bit for STORE: a marked access (READ_ONCE/WRITE_ONCE, Expr.Once),
     * which a data-race monitor takes as atomic when aligned and at most 8 bytes, as KCSAN does.
     */
    public static final int MARKED = 32;

    private static final String[] NAMES = {
        "?", "const", "mov", "add", "sub", "mul", "divs", "divu", "rems", "remu", "and", "or", "xor",
        "shl", "shrs", "shru", "eq", "ne", "lts", "les", "ltu", "leu", "neg", "not", "lnot", "ext",
        "load", "store", "loadl", "storel", "lea", "addi", "jmp", "jz", "jnz", "call", "ret",
        "memcpy", "memzero"
    };

    public static String name(int op) {
        return op >= 0 && op < NAMES.length ? NAMES[op] : "op" + op;
    }
}
