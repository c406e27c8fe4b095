package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.BinOp;
import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.UnOp;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.PointerType;
import dev.spinlab.kc.type.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Initializers (C11 6.7.9), flattened to stores at byte offsets. The braced syntax is read
 * first as a tree; then it is walked against the object's type, which resolves designators,
 * brace elision (an element without braces fills the next scalar of a sub-aggregate, 6.7.9p20)
 * and string literals for character arrays. Items are kept in source order, so when two
 * initialize one subobject the later store wins, as 6.7.9p19 says.
 */
final class InitializerBuilder {
    /** The result: the initializer and the object's type, completed when it was an array of unknown size. */
    record Built(Initializer init, CType type) {}

    private sealed interface Syntax {
        SrcLoc loc();
    }

    private record Single(Expr expr) implements Syntax {
        public SrcLoc loc() { return expr.loc(); }
    }

    private record Braced(List<Entry> entries, SrcLoc loc) implements Syntax {}

    /** {@code .name} (field != null) or {@code [index]}. */
    private record Designator(String field, long index, SrcLoc loc) {}

    private static final class Entry {
        final List<Designator> designators;
        final Syntax value;
        /** Designators already consumed on the way down. */
        int used;
        /** True while a designator chain is being followed into subobjects: the next level owns it. */
        boolean descending;

        Entry(List<Designator> designators, Syntax value) {
            this.designators = designators;
            this.value = value;
        }

        boolean pending() {
            return used < designators.size();
        }
    }

    private static final class Cursor {
        final List<Entry> entries;
        int pos;

        Cursor(List<Entry> entries) {
            this.entries = entries;
        }

        boolean more() {
            return pos < entries.size();
        }

        Entry peek() {
            return entries.get(pos);
        }
    }

    private final ParseContext cx;
    private final TokenStream ts;

    InitializerBuilder(ParseContext cx) {
        this.cx = cx;
        this.ts = cx.ts;
    }

    /**
     * Parses the initializer after '=' for an object of {@code type}. With {@code constant}
     * (static storage duration, C11 6.7.9p4) every value must be a constant expression, and is
     * folded to the forms {@link dev.spinlab.kc.ast.GlobalVar} documents.
     */
    Built parse(CType type, boolean constant) {
        Syntax s = syntax();
        Built b = build(type, s);
        return constant ? new Built(fold(b.init()), b.type()) : b;
    }

    // ---- syntax -----------------------------------------------------------------------------

    private Syntax syntax() {
        if (!ts.is("{")) {
            return new Single(cx.exprs.assignment());
        }
        Token open = ts.next();
        List<Entry> entries = new ArrayList<>();
        while (!ts.accept("}")) {
            List<Designator> ds = new ArrayList<>();
            long rangeHigh = -1;    // GNU "[lo ... hi] =": the first designator covers lo..hi
            if (ts.peek().kind() == TokenKind.IDENT && ts.peek(1).is(":")) {
                Token f = ts.next(); // GNU old-style "field: value"
                ts.next();
                ds.add(new Designator(f.text(), 0, f.loc()));
            } else {
                while (ts.is(".") || ts.is("[")) {
                    Token d = ts.next();
                    if (d.is(".")) {
                        Token f = ts.expectIdent();
                        ds.add(new Designator(f.text(), 0, f.loc()));
                    } else {
                        Expr e = cx.exprs.conditional();
                        Long v = ConstEval.eval(e);
                        if (v == null) {
                            throw new CompileError(e.loc(), e.type().isInteger() ? "nonconstant array index in initializer"
                                    : "array index in initializer not of integer type");
                        }
                        if (ts.is("...")) {
                            Token dots = ts.next();
                            if (!ds.isEmpty()) {
                                throw CompileError.unsupported(dots.loc(), "a designator range after another designator");
                            }
                            Expr hi = cx.exprs.conditional();
                            Long h = ConstEval.eval(hi);
                            if (h == null) {
                                throw new CompileError(hi.loc(), "nonconstant array index in initializer");
                            }
                            if (h < v) {
                                throw new CompileError(e.loc(), "empty index range in initializer");
                            }
                            if (h - v >= 1 << 16) {
                                throw CompileError.unsupported(e.loc(), "designator ranges of more than 65536 elements");
                            }
                            rangeHigh = h;
                        }
                        ts.expect("]");
                        ds.add(new Designator(null, v, e.loc()));
                    }
                }
                if (!ds.isEmpty()) {
                    ts.expect("=");
                }
            }
            Syntax value = syntax();
            if (rangeHigh >= 0) {
                // one entry per index, sharing the value (gcc evaluates a constant once; the
                // model evaluates the expression once per element, the same for constants)
                Designator first = ds.get(0);
                for (long i = first.index(); i <= rangeHigh; i++) {
                    List<Designator> one = new ArrayList<>(ds);
                    one.set(0, new Designator(null, i, first.loc()));
                    entries.add(new Entry(one, value));
                }
            } else {
                entries.add(new Entry(ds, value));
            }
            if (!ts.accept(",")) {
                ts.expect("}");
                break;
            }
        }
        return new Braced(entries, open.loc());
    }

    // ---- type-directed flattening --------------------------------------------------------

    private Built build(CType type, Syntax s) {
        if (s instanceof Braced b) {
            if (type.isScalar()) {
                return new Built(new Initializer.Scalar(scalarFromBraces(type, b)), type);
            }
            if (type.isVoid() || type.isFunction() || type.size() < 0 && !type.isArray()) {
                throw new CompileError(b.loc(), "variable has incomplete type " + Types.q(type));
            }
            List<Initializer.Item> items = new ArrayList<>();
            Expr.StrLit str = braceEnclosedString(type, b);
            if (str != null) {
                long n = stringItems((ArrayType) type, 0, str, items);
                return new Built(new Initializer.Aggregate(List.copyOf(items)), complete(type, n));
            }
            long n = fillAggregate(type, 0, new Cursor(b.entries()), true, items);
            return new Built(new Initializer.Aggregate(List.copyOf(items)), complete(type, n));
        }
        Expr e = ((Single) s).expr();
        if (Types.isCharArray(type) && e instanceof Expr.StrLit str) {
            List<Initializer.Item> items = new ArrayList<>();
            long n = stringItems((ArrayType) type, 0, str, items);
            return new Built(new Initializer.Aggregate(List.copyOf(items)), complete(type, n));
        }
        if (type.isArray()) {
            throw new CompileError(e.loc(), "invalid initializer");
        }
        return new Built(new Initializer.Scalar(cx.typer.assignConvert(e, type, Typer.Conv.INIT)), type);
    }

    private static CType complete(CType type, long count) {
        if (type instanceof ArrayType a && a.length() < 0) {
            return new ArrayType(a.element(), count);
        }
        return type;
    }

    /** {@code int x = { 3 };} is allowed (C11 6.7.9p11); gcc warns about extra braces and elements. */
    private Expr scalarFromBraces(CType type, Braced b) {
        if (b.entries().isEmpty()) {
            throw new CompileError(b.loc(), "empty scalar initializer");
        }
        Entry first = b.entries().get(0);
        if (!first.designators.isEmpty()) {
            throw new CompileError(first.designators.get(0).loc(), first.designators.get(0).field() != null
                    ? "field name not in record or union initializer" : "array index in non-array initializer");
        }
        if (b.entries().size() > 1) {
            cx.typer.warn(b.entries().get(1).value.loc(), "excess elements in scalar initializer");
        }
        if (first.value instanceof Braced inner) {
            cx.typer.warn(inner.loc(), "braces around scalar initializer");
            return scalarFromBraces(type, inner);
        }
        return cx.typer.assignConvert(((Single) first.value).expr(), type, Typer.Conv.INIT);
    }

    /**
     * Fills an array, struct or union at {@code offset} from the cursor. At a brace level it
     * owns every entry up to the closing brace; under brace elision it takes only what fits
     * and stops at a fresh designator, which belongs to the enclosing braces. Returns the
     * number of array elements initialized (for arrays of unknown size).
     */
    private long fillAggregate(CType type, long offset, Cursor c, boolean braceLevel, List<Initializer.Item> items) {
        if (type instanceof ArrayType at) {
            return fillArray(at, offset, c, braceLevel, items);
        }
        StructType st = (StructType) type;
        List<Field> fields = st.fields();
        int fi = 0;
        while (c.more()) {
            Entry en = c.peek();
            if (en.pending()) {
                if (!braceLevel && !en.descending) {
                    break;
                }
                Designator d = en.designators.get(en.used);
                if (d.field() == null) {
                    throw new CompileError(d.loc(), "array index in non-array initializer");
                }
                fi = fieldIndex(st, d);
                Field f = fields.get(fi);
                if (d.field().equals(f.name())) {
                    en.used++;
                }
                // else: the name lives in an anonymous member; that member resolves the same designator
                en.descending = en.pending();
            } else if (fi >= fields.size()) {
                if (!braceLevel) {
                    break;
                }
                cx.typer.warn(en.value.loc(), "excess elements in " + (st.isUnion() ? "union" : "struct")
                        + " initializer");
                c.pos++;
                continue;
            }
            Field f = fields.get(fi);
            if (f.type() instanceof ArrayType fa && fa.length() < 0) {
                throw CompileError.unsupported(en.value.loc(), "initialization of a flexible array member");
            }
            int before = items.size();
            fillElement(f.type(), offset + f.offset(), c, items);
            if (f.isBitField()) {
                // a bit-field's one scalar item stores into its bits of the unit, not the whole unit
                for (int k = before; k < items.size(); k++) {
                    Initializer.Item it = items.get(k);
                    items.set(k, new Initializer.Item(it.offset(), it.type(), it.value(), f.bitOffset(), f.bitWidth()));
                }
            }
            fi = st.isUnion() ? fields.size() : fi + 1; // a union initializes one member (6.7.9p17)
            if (st.isUnion() && !braceLevel) {
                break;
            }
        }
        return 0;
    }

    private int fieldIndex(StructType st, Designator d) {
        List<Field> fields = st.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (d.field().equals(f.name())
                    || (f.name() == null && f.type() instanceof StructType in && in.findField(d.field()) != null)) {
                return i;
            }
        }
        throw new CompileError(d.loc(), "unknown field '" + d.field() + "' specified in initializer");
    }

    private long fillArray(ArrayType at, long offset, Cursor c, boolean braceLevel, List<Initializer.Item> items) {
        long length = at.length();
        if (length < 0 && !braceLevel) {
            return 0;
        }
        CType elem = at.element();
        long index = 0;
        long max = 0;
        while (c.more()) {
            Entry en = c.peek();
            if (en.pending()) {
                if (!braceLevel && !en.descending) {
                    break;
                }
                Designator d = en.designators.get(en.used);
                if (d.field() != null) {
                    throw new CompileError(d.loc(), "field name not in record or union initializer");
                }
                if (d.index() < 0 || (length >= 0 && d.index() >= length)) {
                    throw new CompileError(d.loc(), "array index in initializer exceeds array bounds");
                }
                index = d.index();
                en.used++;
                en.descending = en.pending();
            } else if (length >= 0 && index >= length) {
                if (!braceLevel) {
                    break;
                }
                cx.typer.warn(en.value.loc(), "excess elements in array initializer");
                c.pos++;
                continue;
            }
            fillElement(elem, offset + index * elem.size(), c, items);
            index++;
            max = Math.max(max, index);
        }
        return max;
    }

    /** One subobject from the entry at the cursor. */
    private void fillElement(CType type, long offset, Cursor c, List<Initializer.Item> items) {
        Entry en = c.peek();
        boolean aggregate = type.isArray() || type.isStruct();
        if (en.descending) {
            if (!aggregate) {
                Designator d = en.designators.get(en.used);
                throw new CompileError(d.loc(), d.field() != null ? "field name not in record or union initializer"
                        : "array index in non-array initializer");
            }
            fillAggregate(type, offset, c, false, items);
            return;
        }
        if (en.value instanceof Braced b) {
            c.pos++;
            if (!aggregate) {
                items.add(new Initializer.Item(offset, type, scalarFromBraces(type, b)));
                return;
            }
            Expr.StrLit str = braceEnclosedString(type, b);
            if (str != null) {
                stringItems((ArrayType) type, offset, str, items);
                return;
            }
            fillAggregate(type, offset, new Cursor(b.entries()), true, items);
            return;
        }
        Expr e = ((Single) en.value).expr();
        if (Types.isCharArray(type) && e instanceof Expr.StrLit str) {
            c.pos++;
            stringItems((ArrayType) type, offset, str, items);
            return;
        }
        if (aggregate) {
            if (type.isStruct() && e.type() == type) {
                c.pos++;
                copyItems(e, type, offset, items);
                return;
            }
            int before = c.pos;
            fillAggregate(type, offset, c, false, items); // brace elision
            if (c.pos == before) {
                throw new CompileError(e.loc(), "invalid initializer");
            }
            return;
        }
        c.pos++;
        items.add(new Initializer.Item(offset, type, cx.typer.assignConvert(e, type, Typer.Conv.INIT)));
    }

    /** The string of {@code char s[] = { "abc" }} (C11 6.7.9p14 allows the braces), or null. */
    private static Expr.StrLit braceEnclosedString(CType type, Braced b) {
        if (Types.isCharArray(type) && b.entries().size() == 1 && b.entries().get(0).designators.isEmpty()
                && b.entries().get(0).value instanceof Single one && one.expr() instanceof Expr.StrLit str) {
            return str;
        }
        return null;
    }

    /**
     * A character array from a string literal (C11 6.7.9p14): one char item per byte; the NUL is
     * dropped when the array has exactly room for the characters, and gcc warns when even they do
     * not fit. Returns the number of elements the string provides.
     */
    private long stringItems(ArrayType at, long offset, Expr.StrLit s, List<Initializer.Item> items) {
        byte[] bytes = s.bytes();
        long n = bytes.length;
        if (at.length() >= 0 && n - 1 > at.length()) {
            cx.typer.warn(s.loc(), "initializer-string for array of " + Types.q(at.element()) + " is too long");
        }
        long count = at.length() < 0 ? n : Math.min(n, at.length());
        CType elem = at.element();
        for (int i = 0; i < count; i++) {
            items.add(new Initializer.Item(offset + i, elem, new Expr.IntLit(ConstEval.wrap(bytes[i], elem), elem, s.loc())));
        }
        return n;
    }

    /**
     * A struct-valued expression inside a braced initializer: since items are scalars, the
     * copy is spelled member by member (a union by its largest member). The expression must be
     * an lvalue so that reading it once per member reads one object.
     */
    private void copyItems(Expr e, CType type, long offset, List<Initializer.Item> items) {
        if (!Typer.isLvalue(e)) {
            throw CompileError.unsupported(e.loc(), "struct-valued expression in a braced initializer");
        }
        if (type instanceof StructType st) {
            List<Field> fields = st.fields();
            if (st.isUnion()) {
                Field big = null;
                for (Field f : fields) {
                    if (big == null || f.type().size() > big.type().size()) {
                        big = f;
                    }
                }
                fields = big == null ? List.of() : List.of(big);
            }
            for (Field f : fields) {
                Expr m = new Expr.Member(e, f, f.type(), e.loc());
                if (f.isBitField()) {
                    items.add(new Initializer.Item(offset + f.offset(), f.type(), m, f.bitOffset(), f.bitWidth()));
                } else {
                    copyItems(m, f.type(), offset + f.offset(), items);
                }
            }
        } else if (type instanceof ArrayType at) {
            CType elem = at.element();
            for (long i = 0; i < Math.max(at.length(), 0); i++) {
                Expr addr = new Expr.Binary(BinOp.ADD, e, new Expr.IntLit(i * elem.size(), IntType.LONG, e.loc()),
                        new PointerType(elem), e.loc());
                copyItems(new Expr.Unary(UnOp.DEREF, addr, elem, e.loc()), elem, offset + i * elem.size(), items);
            }
        } else {
            items.add(new Initializer.Item(offset, type, e));
        }
    }

    // ---- static initializers -------------------------------------------------------------

    private Initializer fold(Initializer init) {
        if (init instanceof Initializer.Scalar s) {
            return new Initializer.Scalar(constant(s.value()));
        }
        List<Initializer.Item> out = new ArrayList<>();
        for (Initializer.Item it : ((Initializer.Aggregate) init).items()) {
            out.add(new Initializer.Item(it.offset(), it.type(), constant(it.value()), it.bitOffset(), it.bitWidth()));
        }
        return new Initializer.Aggregate(List.copyOf(out));
    }

    private Expr constant(Expr e) {
        Expr folded = ConstEval.foldStatic(e);
        if (folded == null) {
            throw new CompileError(e.loc(), "initializer element is not constant");
        }
        return folded;
    }
}
