package dev.spinlab.kc.pp;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.Literals;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import dev.spinlab.kc.type.IntType;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a {@code #if} controlling expression (C11 6.10.1) after macro replacement and
 * {@code defined} processing: integer constants in intmax_t / uintmax_t (both 64-bit here),
 * the usual arithmetic conversions between those two, remaining identifiers as 0, and
 * short-circuit evaluation so {@code 0 && 1/0} is not a division by zero (as in gcc).
 */
final class PpExpr {
    /** A value and whether it has type uintmax_t. */
    private record Val(long v, boolean unsigned) {
        boolean isTrue() {
            return v != 0;
        }
    }

    private final List<Token> toks;
    private final String directive;
    private final SrcLoc where;
    private int pos;

    private PpExpr(List<Token> toks, String directive, SrcLoc where) {
        this.toks = toks;
        this.directive = directive;
        this.where = where;
    }

    /**
     * @param toks the expanded tokens of the line, without EOF
     * @param directive {@code "#if"} or {@code "#elif"}, for messages
     * @return the value, nonzero meaning the group is taken
     */
    static long evaluate(List<Token> toks, String directive, SrcLoc where) {
        if (toks.isEmpty()) {
            throw new CompileError(where, directive + " with no expression");
        }
        PpExpr e = new PpExpr(toks, directive, where);
        Val v = e.comma(true);
        if (e.pos < toks.size()) {
            Token t = toks.get(e.pos);
            if (t.is(")")) {
                throw new CompileError(t.loc(), "missing '(' in expression");
            }
            if (t.is(":")) {
                throw new CompileError(t.loc(), "':' without preceding '?'");
            }
            if (t.kind() == TokenKind.PUNCT && !t.is("(")) {
                throw new CompileError(t.loc(), "token \"" + t.text() + "\" is not valid in preprocessor expressions");
            }
            throw new CompileError(t.loc(), "missing binary operator before token \"" + t.text() + "\"");
        }
        return v.v;
    }

    private Token peek() {
        return pos < toks.size() ? toks.get(pos) : null;
    }

    private boolean accept(String punct) {
        Token t = peek();
        if (t != null && t.kind() == TokenKind.PUNCT && t.text().equals(punct)) {
            pos++;
            return true;
        }
        return false;
    }

    private Val comma(boolean ev) {
        Val v = conditional(ev);
        while (accept(",")) {
            v = conditional(ev);
        }
        return v;
    }

    private Val conditional(boolean ev) {
        Val c = binary(1, ev);
        if (!accept("?")) {
            return c;
        }
        Val a = comma(ev && c.isTrue());
        if (!accept(":")) {
            Token t = peek();
            throw new CompileError(t == null ? where : t.loc(), "'?' without following ':'");
        }
        Val b = conditional(ev && !c.isTrue());
        boolean u = a.unsigned || b.unsigned;
        return new Val(c.isTrue() ? a.v : b.v, u);
    }

    /** Binding strength of a binary operator, 0 when the token is not one. */
    private static int precedence(Token t) {
        if (t == null || t.kind() != TokenKind.PUNCT) {
            return 0;
        }
        switch (t.text()) {
            case "||": return 1;
            case "&&": return 2;
            case "|": return 3;
            case "^": return 4;
            case "&": return 5;
            case "==": case "!=": return 6;
            case "<": case ">": case "<=": case ">=": return 7;
            case "<<": case ">>": return 8;
            case "+": case "-": return 9;
            case "*": case "/": case "%": return 10;
            default: return 0;
        }
    }

    private Val binary(int minPrec, boolean ev) {
        Val lhs = unary(ev);
        while (true) {
            Token op = peek();
            int p = precedence(op);
            if (p < minPrec || p == 0) {
                return lhs;
            }
            pos++;
            boolean rhsEv = ev;
            if (op.text().equals("&&")) {
                rhsEv = ev && lhs.isTrue();
            } else if (op.text().equals("||")) {
                rhsEv = ev && !lhs.isTrue();
            }
            requireOperand(op);
            Val rhs = binary(p + 1, rhsEv);
            lhs = apply(op, lhs, rhs, rhsEv);
        }
    }

    private void requireOperand(Token op) {
        if (peek() == null) {
            throw new CompileError(op.loc(), "operator '" + op.text() + "' has no right operand");
        }
    }

    private Val apply(Token op, Val a, Val b, boolean ev) {
        boolean u = a.unsigned || b.unsigned;
        long x = a.v;
        long y = b.v;
        switch (op.text()) {
            case "||": return bool(a.isTrue() || b.isTrue());
            case "&&": return bool(a.isTrue() && b.isTrue());
            case "|": return new Val(x | y, u);
            case "^": return new Val(x ^ y, u);
            case "&": return new Val(x & y, u);
            case "==": return bool(x == y);
            case "!=": return bool(x != y);
            case "<": return bool(cmp(x, y, u) < 0);
            case ">": return bool(cmp(x, y, u) > 0);
            case "<=": return bool(cmp(x, y, u) <= 0);
            case ">=": return bool(cmp(x, y, u) >= 0);
            case "<<": return shift(a, b, true);
            case ">>": return shift(a, b, false);
            case "+": return new Val(x + y, u);
            case "-": return new Val(x - y, u);
            case "*": return new Val(x * y, u);
            default: { // "/" and "%"
                if (y == 0) {
                    if (ev) {
                        throw new CompileError(op.loc(), "division by zero in " + directive);
                    }
                    return new Val(0, u);
                }
                boolean div = op.text().equals("/");
                if (u) {
                    return new Val(div ? Long.divideUnsigned(x, y) : Long.remainderUnsigned(x, y), true);
                }
                if (y == -1) { // avoids relying on Java's overflow behaviour for LONG_MIN / -1
                    return new Val(div ? -x : 0, false);
                }
                return new Val(div ? x / y : x % y, false);
            }
        }
    }

    private static int cmp(long x, long y, boolean u) {
        return u ? Long.compareUnsigned(x, y) : Long.compare(x, y);
    }

    /** The result has the left operand's type; gcc shifts the other way for a negative count. */
    private static Val shift(Val a, Val b, boolean left) {
        long n = b.v;
        if (!b.unsigned && n < 0) {
            left = !left;
            n = n == Long.MIN_VALUE ? Long.MAX_VALUE : -n;
        }
        boolean big = b.unsigned ? Long.compareUnsigned(n, 64) >= 0 : n >= 64;
        long r;
        if (left) {
            r = big ? 0 : a.v << n;
        } else if (a.unsigned) {
            r = big ? 0 : a.v >>> n;
        } else {
            r = big ? (a.v < 0 ? -1 : 0) : a.v >> n;
        }
        return new Val(r, a.unsigned);
    }

    private static Val bool(boolean b) {
        return new Val(b ? 1 : 0, false);
    }

    private Val unary(boolean ev) {
        Token t = peek();
        if (t == null) {
            Token prev = pos > 0 ? toks.get(pos - 1) : null;
            if (prev != null && prev.kind() == TokenKind.PUNCT) {
                throw new CompileError(prev.loc(), "operator '" + prev.text() + "' has no right operand");
            }
            throw new CompileError(where, directive + " with no expression");
        }
        if (t.kind() == TokenKind.PUNCT) {
            switch (t.text()) {
                case "+": pos++; requireOperand(t); return unary(ev);
                case "-": { pos++; requireOperand(t); Val v = unary(ev); return new Val(-v.v, v.unsigned); }
                case "~": { pos++; requireOperand(t); Val v = unary(ev); return new Val(~v.v, v.unsigned); }
                case "!": { pos++; requireOperand(t); return bool(!unary(ev).isTrue()); }
                case "(": {
                    pos++;
                    if (peek() != null && peek().is(")")) {
                        throw new CompileError(peek().loc(), "missing expression between '(' and ')'");
                    }
                    requireOperand(t);
                    Val v = comma(ev);
                    if (!accept(")")) {
                        Token bad = peek();
                        if (bad != null && (bad.kind() != TokenKind.PUNCT || bad.is("("))) {
                            // two operands in a row, e.g. the "unsigned int" of a cast (gcc's wording)
                            throw new CompileError(bad.loc(), "missing binary operator before token \"" + bad.text() + "\"");
                        }
                        throw new CompileError(bad == null ? t.loc() : bad.loc(), "missing ')' in expression");
                    }
                    return v;
                }
                default:
                    break;
            }
        }
        pos++;
        switch (t.kind()) {
            case INT_LIT: {
                Literals.IntValue iv = Literals.parseInteger(t);
                String lower = t.text().toLowerCase(Locale.ROOT);
                // A u suffix, or a value too big for intmax_t, makes it uintmax_t (6.10.1p4).
                boolean u = hasUnsignedSuffix(lower) || iv.type() == IntType.ULONG || iv.type() == IntType.ULLONG;
                return new Val(iv.value(), u);
            }
            case CHAR_LIT:
                return new Val(Literals.parseChar(t), false);
            case IDENT:
                // C11 6.10.1p4: identifiers left after macro replacement are 0.
                return new Val(0, false);
            case FLOAT_LIT:
                throw new CompileError(t.loc(), "floating constant in preprocessor expression");
            default:
                if (t.is(")") && pos >= 2 && toks.get(pos - 2).kind() == TokenKind.PUNCT) {
                    throw new CompileError(toks.get(pos - 2).loc(),
                            "operator '" + toks.get(pos - 2).text() + "' has no right operand");
                }
                throw new CompileError(t.loc(), "token \"" + t.text() + "\" is not valid in preprocessor expressions");
        }
    }

    private static boolean hasUnsignedSuffix(String lower) {
        int end = lower.length();
        while (end > 0 && (lower.charAt(end - 1) == 'l' || lower.charAt(end - 1) == 'u')) {
            if (lower.charAt(end - 1) == 'u') {
                return true;
            }
            end--;
        }
        return false;
    }
}
