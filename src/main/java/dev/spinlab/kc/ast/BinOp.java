package dev.spinlab.kc.ast;

public enum BinOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), SHL("<<"), SHR(">>"),
    AND("&"), OR("|"), XOR("^"),
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="),
    LOGAND("&&"), LOGOR("||");

    public final String symbol;

    BinOp(String symbol) { this.symbol = symbol; }

    public boolean isComparison() {
        return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
    }
}
