package dev.spinlab.kc.ast;

public enum UnOp {
    NEG("-"), BITNOT("~"), LOGNOT("!"), ADDR("&"), DEREF("*");

    public final String symbol;

    UnOp(String symbol) { this.symbol = symbol; }
}
