package dev.spinlab.kc.parse;

import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FloatType;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.kc.type.VoidType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declaration specifiers: storage classes, qualifiers (accepted and dropped), the basic types
 * and their combinations (C11 6.7.2p2), struct/union/enum specifiers, typedef names and
 * {@code typeof}; GNU attributes and {@code __extension__} are skipped.
 */
final class DeclSpecParser {
    private static final Set<String> QUALIFIERS = Set.of("const", "volatile", "restrict", "__restrict",
            "__restrict__", "__const", "__const__", "__volatile", "__volatile__", "_Noreturn", "__extension__");
    private static final Set<String> TYPE_KEYWORDS = Set.of("void", "char", "short", "int", "long", "signed",
            "__signed", "__signed__", "unsigned", "_Bool", "struct", "union", "enum", "typeof", "__typeof__",
            "__typeof", "float", "double", "_Complex", "__complex__", "typedef", "extern", "static", "auto",
            "register", "inline", "__inline", "__inline__", "__attribute__", "__attribute", "_Alignas", "__auto_type");

    /**
     * The type {@code __auto_type} stands for until the declarator's initializer gives it: a
     * marker only block-scope declarations accept (they replace it by the initializer's type).
     */
    static final StructType AUTO_TYPE = new StructType("__auto_type", false);

    /**
     * True while a type name is read (casts, sizeof, typeof): there {@code float} and
     * {@code double} may appear, for the constant expressions gcc folds; a declaration of an
     * object, parameter or member of floating type stays refused at its type keyword.
     */
    boolean floatTypeNames;

    /** Layout attributes met inside the declarator being read (after its name), for members. */
    Layout pendingLayout = Layout.NONE;

    /**
     * The function named by the last {@code cleanup(f)} attribute read (gcc's
     * {@code __attribute__((cleanup(f)))}, the kernel's {@code __cleanup}), in the
     * specifiers or after a declarator's name; a block-scope declaration clears it before
     * each declarator and takes it after (StmtParser), every other context ignores it.
     */
    Token pendingCleanup;

    private final ParseContext cx;

    DeclSpecParser(ParseContext cx) {
        this.cx = cx;
    }

    /** True when the token can begin declaration specifiers (a keyword or a visible typedef name). */
    boolean startsDeclSpec(Token t) {
        if (t.kind() != TokenKind.IDENT) {
            return false;
        }
        return TYPE_KEYWORDS.contains(t.text()) || QUALIFIERS.contains(t.text()) || cx.scope.isTypedefName(t.text());
    }

    /** Skips any run of {@code __attribute__((...))} and qualifiers. */
    void skipAttributesAndQualifiers() {
        while (true) {
            if (isAttribute(cx.ts.peek())) {
                cx.ts.next();
                cx.ts.skipBalancedParens();
            } else if (cx.ts.peek().kind() == TokenKind.IDENT && QUALIFIERS.contains(cx.ts.peek().text())) {
                cx.ts.next();
            } else {
                return;
            }
        }
    }

    void skipAttributes() {
        while (isAttribute(cx.ts.peek())) {
            cx.ts.next();
            cx.ts.skipBalancedParens();
        }
    }

    /** The layout attributes among gcc's {@code __attribute__((...))}: packed, and aligned(N) (0: absent). */
    record Layout(boolean packed, int aligned) {
        static final Layout NONE = new Layout(false, 0);

        Layout and(Layout o) {
            return new Layout(packed || o.packed, Math.max(aligned, o.aligned));
        }
    }

    /**
     * Reads any run of attribute specifiers, keeping what changes a layout ({@code packed},
     * {@code aligned(N)}, {@code aligned} alone meaning the largest alignment, 16) and skipping
     * the rest (format, unused, section...), which do not change what the program computes.
     */
    Layout attributes() {
        TokenStream ts = cx.ts;
        Layout l = Layout.NONE;
        while (isAttribute(ts.peek())) {
            ts.next();
            ts.expect("(");
            ts.expect("(");
            while (!ts.is(")")) {
                Token a = ts.next();
                if (a.kind() == TokenKind.EOF) {
                    throw ts.expected("')'");
                }
                String n = a.text().replaceAll("^__(.*)__$", "$1");
                if (n.equals("packed")) {
                    l = l.and(new Layout(true, 0));
                } else if (n.equals("aligned")) {
                    int v = 16;
                    if (ts.accept("(")) {
                        Expr e = cx.exprs.conditional();
                        Long k = ConstEval.eval(e);
                        if (k == null || k <= 0 || Long.bitCount(k) != 1) {
                            throw new CompileError(e.loc(), "requested alignment is not a positive power of 2");
                        }
                        v = k.intValue();
                        ts.expect(")");
                    }
                    l = l.and(new Layout(false, v));
                    continue;
                } else if (n.equals("cleanup")) {
                    pendingCleanup = cleanupArgument();
                    continue;
                }
                if (ts.is("(")) {
                    ts.skipBalancedParens();
                }
            }
            ts.expect(")");
            ts.expect(")");
        }
        return l;
    }

    /**
     * {@code cleanup(...)} after its name: the identifier, or the argument's first token when
     * it is not a lone identifier (the declaration refuses it, where gcc does).
     */
    private Token cleanupArgument() {
        TokenStream ts = cx.ts;
        if (!ts.is("(")) {
            throw ts.expected("'('");
        }
        Token f = ts.peek(1);
        if (f.kind() == TokenKind.IDENT && ts.peek(2).is(")")) {
            ts.next();
            ts.next();
            ts.next();
            return f;
        }
        ts.skipBalancedParens();
        return f;
    }

    static boolean isAttribute(Token t) {
        return t.is("__attribute__") || t.is("__attribute");
    }

    /** Parses declaration specifiers; storage classes only when {@code allowStorage}. */
    DeclSpec parse(boolean allowStorage) {
        TokenStream ts = cx.ts;
        SrcLoc loc = ts.peek().loc();
        DeclSpec.Storage storage = DeclSpec.Storage.NONE;
        boolean inline = false;
        CType named = null; // from struct/union/enum/typedef/typeof
        int voids = 0, chars = 0, shorts = 0, ints = 0, longs = 0, signeds = 0, unsigneds = 0, bools = 0;
        Token firstTypeTok = null;
        boolean sawConst = false;
        boolean sawVolatile = false;
        while (true) {
            Token t = ts.peek();
            if (t.kind() != TokenKind.IDENT) {
                break;
            }
            String s = t.text();
            if (QUALIFIERS.contains(s)) {
                sawConst |= s.equals("const") || s.equals("__const") || s.equals("__const__");
                sawVolatile |= s.startsWith("volatile") || s.startsWith("__volatile");
                ts.next();
                continue;
            }
            if (isAttribute(t)) {
                attributes(); // layout attributes here are the struct specifier's business; cleanup(f) is kept
                continue;
            }
            if (s.equals("_Alignas")) {
                ts.next();
                ts.skipBalancedParens(); // alignment requests are not modelled
                continue;
            }
            DeclSpec.Storage sc = storageOf(s);
            if (sc != null) {
                if (!allowStorage) {
                    throw new CompileError(t.loc(), "storage class specified for unnamed parameter or member");
                }
                if (storage != DeclSpec.Storage.NONE) {
                    throw new CompileError(t.loc(), "multiple storage classes in declaration specifiers");
                }
                storage = sc;
                ts.next();
                continue;
            }
            if (s.equals("inline") || s.equals("__inline") || s.equals("__inline__")) {
                inline = true;
                ts.next();
                continue;
            }
            boolean anyType = named != null || voids + chars + shorts + ints + longs + signeds + unsigneds + bools > 0;
            switch (s) {
                case "void": voids++; break;
                case "char": chars++; break;
                case "short": shorts++; break;
                case "int": ints++; break;
                case "long": longs++; break;
                case "signed": case "__signed": case "__signed__": signeds++; break;
                case "unsigned": unsigneds++; break;
                case "_Bool": bools++; break;
                case "__auto_type":
                    if (anyType) {
                        throw new CompileError(t.loc(), "two or more data types in declaration specifiers");
                    }
                    ts.next();
                    named = AUTO_TYPE;
                    if (firstTypeTok == null) {
                        firstTypeTok = t;
                    }
                    continue;
                case "float": case "double":
                    if (!floatTypeNames) {
                        throw CompileError.unsupported(t.loc(), "floating-point types ('" + s + "' objects: the model"
                                + " has no FPU; only floating constants that fold to integers, like (u64)(1E6L * 200),"
                                + " are accepted)");
                    }
                    if (anyType && !(s.equals("double") && longs == 1 && named == null
                            && voids + chars + shorts + ints + signeds + unsigneds + bools == 0)) {
                        throw new CompileError(t.loc(), "two or more data types in declaration specifiers");
                    }
                    ts.next();
                    named = s.equals("float") ? FloatType.FLOAT : longs == 1 ? FloatType.LDOUBLE : FloatType.DOUBLE;
                    longs = 0;
                    if (firstTypeTok == null) {
                        firstTypeTok = t;
                    }
                    continue;
                case "_Complex": case "__complex__":
                    throw CompileError.unsupported(t.loc(), "complex types");
                case "struct": case "union": case "enum": case "typeof": case "__typeof__": case "__typeof":
                    if (anyType) {
                        throw new CompileError(t.loc(), "two or more data types in declaration specifiers");
                    }
                    ts.next();
                    if (s.equals("enum")) {
                        named = enumSpecifier();
                    } else if (s.equals("struct") || s.equals("union")) {
                        named = structSpecifier(s.equals("union"));
                    } else {
                        named = typeofSpecifier();
                    }
                    if (firstTypeTok == null) {
                        firstTypeTok = t;
                    }
                    continue;
                default:
                    if (!anyType && cx.scope.lookup(s) instanceof Symbol.Typedef td) {
                        ts.next();
                        named = td.type();
                        firstTypeTok = t;
                        continue;
                    }
                    return finish(loc, storage, inline, named, voids, chars, shorts, ints, longs, signeds,
                            unsigneds, bools, firstTypeTok).withConst(sawConst && !sawVolatile);
            }
            if (named != null) {
                throw new CompileError(t.loc(), "two or more data types in declaration specifiers");
            }
            if (firstTypeTok == null) {
                firstTypeTok = t;
            }
            ts.next();
        }
        return finish(loc, storage, inline, named, voids, chars, shorts, ints, longs, signeds, unsigneds, bools,
                firstTypeTok).withConst(sawConst && !sawVolatile);
    }

    private static DeclSpec.Storage storageOf(String s) {
        switch (s) {
            case "typedef": return DeclSpec.Storage.TYPEDEF;
            case "extern": return DeclSpec.Storage.EXTERN;
            case "static": return DeclSpec.Storage.STATIC;
            case "auto": return DeclSpec.Storage.AUTO;
            case "register": return DeclSpec.Storage.REGISTER;
            default: return null;
        }
    }

    /** Combines the basic type keywords as C11 6.7.2p2 lists the valid multisets. */
    private DeclSpec finish(SrcLoc loc, DeclSpec.Storage storage, boolean inline, CType named, int voids,
                            int chars, int shorts, int ints, int longs, int signeds, int unsigneds, int bools,
                            Token firstTypeTok) {
        if (named != null) {
            return new DeclSpec(named, storage, inline, true, loc);
        }
        int total = voids + chars + shorts + ints + longs + signeds + unsigneds + bools;
        if (total == 0) {
            return new DeclSpec(IntType.INT, storage, inline, false, loc);
        }
        SrcLoc tl = firstTypeTok.loc();
        if (signeds > 0 && unsigneds > 0) {
            throw new CompileError(tl, "both 'signed' and 'unsigned' in declaration specifiers");
        }
        if (signeds > 1 || unsigneds > 1 || voids > 1 || chars > 1 || shorts > 1 || ints > 1 || bools > 1) {
            throw new CompileError(tl, "duplicate type specifier in declaration specifiers");
        }
        if (longs > 2) {
            throw new CompileError(tl, "'long long long' is too long for GCC");
        }
        CType type;
        if (voids + bools > 0) {
            if (total != 1) {
                throw new CompileError(tl, "two or more data types in declaration specifiers");
            }
            type = voids > 0 ? VoidType.VOID : IntType.BOOL;
        } else if (chars > 0) {
            if (shorts + ints + longs > 0) {
                throw new CompileError(tl, "two or more data types in declaration specifiers");
            }
            type = unsigneds > 0 ? IntType.UCHAR : signeds > 0 ? IntType.SCHAR : IntType.CHAR;
        } else if (shorts > 0) {
            if (longs > 0) {
                throw new CompileError(tl, "both 'long' and 'short' in declaration specifiers");
            }
            type = unsigneds > 0 ? IntType.USHORT : IntType.SHORT;
        } else if (longs == 2) {
            type = unsigneds > 0 ? IntType.ULLONG : IntType.LLONG;
        } else if (longs == 1) {
            type = unsigneds > 0 ? IntType.ULONG : IntType.LONG;
        } else {
            type = unsigneds > 0 ? IntType.UINT : IntType.INT;
        }
        return new DeclSpec(type, storage, inline, true, loc);
    }

    // ---- struct / union -----------------------------------------------------------------

    private CType structSpecifier(boolean union) {
        TokenStream ts = cx.ts;
        String kw = union ? "union" : "struct";
        Layout lead = attributes();
        Token tag = ts.peek().kind() == TokenKind.IDENT && !isAttribute(ts.peek()) ? ts.next() : null;
        lead = lead.and(attributes());
        if (!ts.is("{")) {
            if (tag == null) {
                throw ts.expected("'{'");
            }
            // "struct s;" alone declares a new (incomplete) type in this scope (C11 6.7.2.3p7).
            Scope.Tag found = ts.is(";") ? cx.scope.lookupTagCurrent(tag.text()) : cx.scope.lookupTag(tag.text());
            if (found == null) {
                StructType st = new StructType(tag.text(), union);
                cx.scope.declareTag(tag.text(), new Scope.Tag.Struct(st));
                return st;
            }
            return checkTagKind(found, tag, union);
        }
        StructType st;
        if (tag != null) {
            Scope.Tag cur = cx.scope.lookupTagCurrent(tag.text());
            if (cur == null) {
                st = new StructType(tag.text(), union);
                cx.scope.declareTag(tag.text(), new Scope.Tag.Struct(st));
            } else {
                st = checkTagKind(cur, tag, union);
                if (st.isComplete()) {
                    throw new CompileError(tag.loc(), "redefinition of '" + kw + " " + tag.text() + "'");
                }
            }
        } else {
            st = new StructType(null, union);
        }
        ts.expect("{");
        members(st, lead);
        return st;
    }

    private StructType checkTagKind(Scope.Tag found, Token tag, boolean union) {
        if (found instanceof Scope.Tag.Struct s && s.type().isUnion() == union) {
            return s.type();
        }
        throw new CompileError(tag.loc(), "'" + tag.text() + "' defined as wrong kind of tag");
    }

    /**
     * Member declarations up to the closing brace (C11 6.7.2.1), then the layout, with the
     * struct's attributes before the brace ({@code lead}) and after it.
     */
    private void members(StructType st, Layout lead) {
        TokenStream ts = cx.ts;
        List<String> names = new ArrayList<>();
        List<CType> types = new ArrayList<>();
        List<Token> nameToks = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        List<Integer> aligns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (!ts.accept("}")) {
            if (ts.accept(";")) {
                continue; // gcc: extra semicolon in struct, pedantic only
            }
            if (ts.peek().kind() == TokenKind.IDENT && !startsDeclSpec(ts.peek())) {
                throw cx.names.unknownTypeName(ts.peek());
            }
            if (!startsDeclSpec(ts.peek())) {
                throw ts.expected("specifier-qualifier-list");
            }
            DeclSpec ds = parse(false);
            if (ts.is(";")) {
                // An unnamed struct/union member: its members belong to the enclosing object (C11 6.7.2.1p13).
                if (ds.type() instanceof StructType inner && inner.tag() == null) {
                    for (String n : memberNames(inner)) {
                        if (!seen.add(n)) {
                            throw new CompileError(ds.loc(), "duplicate member '" + n + "'");
                        }
                    }
                    names.add(null);
                    types.add(inner);
                    nameToks.add(null);
                    widths.add(-1);
                    aligns.add(0);
                } else {
                    cx.typer.warn(ds.loc(), "declaration does not declare anything");
                }
                ts.next();
                continue;
            }
            while (true) {
                if (ts.is(":")) {
                    // an unnamed bit-field: padding (width 0: to the next unit), never a member
                    Token colon = ts.next();
                    names.add(null);
                    types.add(ds.type());
                    nameToks.add(colon);
                    widths.add(bitWidth(ds.type(), null, colon));
                    aligns.add(0);
                    skipAttributes();
                    if (!ts.accept(",")) {
                        break;
                    }
                    continue;
                }
                pendingLayout = Layout.NONE;
                Declarators.Declarator d = cx.declarators.declarator(ds.type(), false);
                int width = -1;
                if (ts.is(":")) {
                    width = bitWidth(d.type(), d.name(), ts.next());
                }
                Layout ml = pendingLayout.and(attributes());
                pendingLayout = Layout.NONE;
                aligns.add(ml.aligned() > 0 ? ml.aligned() : ml.packed() ? -1 : 0);
                String n = d.name().text();
                CType t = d.type();
                if (t.isFunction()) {
                    throw new CompileError(d.name().loc(), "field '" + n + "' declared as a function");
                }
                if (t.isVoid() || (t.size() < 0 && !(t instanceof ArrayType))) {
                    throw new CompileError(d.name().loc(), "field '" + n + "' has incomplete type");
                }
                if (!seen.add(n)) {
                    throw new CompileError(d.name().loc(), "duplicate member '" + n + "'");
                }
                names.add(n);
                types.add(t);
                nameToks.add(d.name());
                widths.add(width);
                if (!ts.accept(",")) {
                    break;
                }
            }
            ts.expect(";");
        }
        for (int i = 0; i < types.size() - 1; i++) {
            if (types.get(i) instanceof ArrayType a && a.length() < 0) {
                throw new CompileError(nameToks.get(i).loc(), "flexible array member not at end of struct");
            }
        }
        Layout layout = lead.and(attributes());
        boolean bitFields = widths.stream().anyMatch(w -> w >= 0);
        if (bitFields && (layout.packed() || aligns.stream().anyMatch(a -> a != 0))) {
            throw CompileError.unsupported(cx.ts.peek().loc(), "bit-fields in a packed or aligned struct");
        }
        // unnamed bit-fields are padding only: gcc keeps them out of the members
        st.complete(names, types, bitFields ? widths : null, aligns, layout.packed(), layout.aligned());
    }

    /** A bit-field's width (C11 6.7.2.1p4-5), with gcc's errors; {@code name} null when unnamed. */
    private int bitWidth(CType type, Token name, Token colon) {
        String who = name == null ? "<anonymous>" : name.text();
        SrcLoc at = name == null ? colon.loc() : name.loc();
        Expr e = cx.exprs.conditional();
        if (!(type instanceof IntType it)) {
            throw new CompileError(at, "bit-field '" + who + "' has invalid type");
        }
        Long v = e.type().isInteger() ? ConstEval.eval(e) : null;
        if (v == null) {
            throw new CompileError(at, "bit-field '" + who + "' width not an integer constant");
        }
        if (v < 0) {
            throw new CompileError(at, "negative width in bit-field '" + who + "'");
        }
        if (v > it.size() * 8 || (it.kind() == IntType.Kind.BOOL && v > 1)) {
            throw new CompileError(at, "width of '" + who + "' exceeds its type");
        }
        if (v == 0 && name != null) {
            throw new CompileError(at, "zero width for bit-field '" + who + "'");
        }
        return v.intValue();
    }

    private static List<String> memberNames(StructType st) {
        List<String> out = new ArrayList<>();
        for (var f : st.fields()) {
            if (f.name() != null) {
                out.add(f.name());
            } else if (f.type() instanceof StructType inner) {
                out.addAll(memberNames(inner));
            }
        }
        return out;
    }

    // ---- enum -------------------------------------------------------------------------------

    /** enum specifier (C11 6.7.2.2): enumerators are int constants, the type itself is int here. */
    private CType enumSpecifier() {
        TokenStream ts = cx.ts;
        skipAttributes();
        Token tag = ts.peek().kind() == TokenKind.IDENT ? ts.next() : null;
        skipAttributes();
        if (tag != null) {
            Scope.Tag found = ts.is("{") ? cx.scope.lookupTagCurrent(tag.text()) : cx.scope.lookupTag(tag.text());
            if (found != null && !(found instanceof Scope.Tag.Enum)) {
                throw new CompileError(tag.loc(), "'" + tag.text() + "' defined as wrong kind of tag");
            }
            if (found == null) {
                cx.scope.declareTag(tag.text(), new Scope.Tag.Enum());
            }
        }
        if (!ts.accept("{")) {
            if (tag == null) {
                throw ts.expected("'{'");
            }
            return IntType.INT;
        }
        long next = 0;
        while (!ts.accept("}")) {
            Token name = ts.expectIdent();
            skipAttributes();
            if (ts.accept("=")) {
                Expr e = cx.exprs.conditional();
                Long v = ConstEval.eval(e);
                if (v == null) {
                    throw new CompileError(e.loc(), "enumerator value for '" + name.text() + "' is not an integer constant");
                }
                next = v;
            }
            Symbol prev = cx.scope.lookupCurrent(name.text());
            if (prev != null) {
                throw new CompileError(name.loc(), prev instanceof Symbol.EnumConst
                        ? "redeclaration of enumerator '" + name.text() + "'"
                        : "'" + name.text() + "' redeclared as different kind of symbol");
            }
            cx.scope.declare(name.text(), new Symbol.EnumConst((int) next));
            next++;
            if (!ts.accept(",")) {
                ts.expect("}");
                break;
            }
        }
        return IntType.INT;
    }

    // ---- typeof -----------------------------------------------------------------------------

    /** GNU typeof (standard in C23): of a type name, or of an expression, which is not evaluated. */
    private CType typeofSpecifier() {
        TokenStream ts = cx.ts;
        ts.expect("(");
        CType t;
        if (startsDeclSpec(ts.peek())) {
            t = cx.declarators.typeName();
        } else {
            t = cx.exprs.expression().type();
        }
        ts.expect(")");
        return t;
    }
}
