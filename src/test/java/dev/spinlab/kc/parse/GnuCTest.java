package dev.spinlab.kc.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.Stmt;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.PointerType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.kc.type.VoidType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the typer shapes the GNU C extensions (their run-time behaviour is checked by the gcc goldens). */
class GnuCTest {
    private final List<Diagnostic> diags = new ArrayList<>();

    private TranslationUnit parse(String src) {
        return ParseFixture.parse(src, diags);
    }

    private CompileError error(String src) {
        return ParseFixture.error(src, diags);
    }

    private static FunctionDef fn(TranslationUnit tu, String name) {
        return ParseFixture.fn(tu, name);
    }

    /** The initializer of the first local of function t. */
    private Expr init(String decls, String body) {
        TranslationUnit tu = parse(decls + "\nvoid t(void) { " + body + " }");
        Stmt.DeclStmt d = (Stmt.DeclStmt) fn(tu, "t").body().body().get(0);
        return ((dev.spinlab.kc.ast.Initializer.Scalar) d.decls().get(0).init()).value();
    }

    @Test
    void statementExpressionTakesTheTypeOfItsLastExpressionDecayed() {
        Expr e = init("", "long x = ({ int a = 1; char s[4]; s; }) != 0;");
        Expr.Binary ne = (Expr.Binary) ((Expr.Cast) e).operand();
        Expr.StmtExpr se = (Expr.StmtExpr) ne.left();
        assertThat(se.type()).isEqualTo(new PointerType(IntType.CHAR));
        assertThat(se.body().body()).hasSize(2);
    }

    @Test
    void statementExpressionWithoutTrailingExpressionIsVoid() {
        TranslationUnit tu = parse("void t(int x) { ({ x++; if (x) x = 2; }); }");
        Stmt.ExprStmt s = (Stmt.ExprStmt) fn(tu, "t").body().body().get(0);
        assertThat(s.expr().type()).isEqualTo(VoidType.VOID);
        assertThat(error("int t(void) { int v = ({ int a = 1; if (a) a = 2; }); return v; }").getMessage())
                .isEqualTo("void value not ignored as it ought to be");
    }

    @Test
    void elvisHoldsTheFirstOperandInOneHiddenLocal() {
        Expr e = init("int f(void);", "int v = f() ?: 3;");
        Expr.StmtExpr se = (Expr.StmtExpr) e;
        Stmt.DeclStmt tmp = (Stmt.DeclStmt) se.body().body().get(0);
        assertThat(tmp.decls()).hasSize(1);
        Expr.Conditional c = (Expr.Conditional) se.result();
        assertThat(c.cond()).isInstanceOf(Expr.LocalRef.class);
        assertThat(((Expr.LocalRef) c.cond()).var()).isSameAs(tmp.decls().get(0).var());
        // a constant first operand needs no temporary, so it may appear at file scope
        TranslationUnit tu = parse("int g = 5 ?: 6;");
        assertThat(tu.globals()).hasSize(1);
    }

    @Test
    void autoTypeTakesTheDecayedInitializerType() {
        TranslationUnit tu = parse("void t(void) { int a[3]; __auto_type p = a; __auto_type n = 2UL; }");
        List<Stmt> body = fn(tu, "t").body().body();
        assertThat(((Stmt.DeclStmt) body.get(1)).decls().get(0).var().type()).isEqualTo(new PointerType(IntType.INT));
        assertThat(((Stmt.DeclStmt) body.get(2)).decls().get(0).var().type()).isEqualTo(IntType.ULONG);
        assertThat(error("void t(void) { __auto_type x; }").getMessage())
                .isEqualTo("'__auto_type' used with a declarator that has no initializer");
    }

    @Test
    void builtinsFoldToConstants() {
        assertThat(((Expr.IntLit) init("", "int v = __builtin_types_compatible_p(long, long int);")).value()).isEqualTo(1);
        assertThat(((Expr.IntLit) init("", "int v = __builtin_types_compatible_p(char, signed char);")).value()).isEqualTo(0);
        assertThat(((Expr.IntLit) init("", "long v = __builtin_choose_expr(0, 1, 2L);")).type()).isEqualTo(IntType.LONG);
        assertThat(error("void t(int x) { int v = __builtin_choose_expr(x, 1, 2); }").getMessage())
                .isEqualTo("first argument to '__builtin_choose_expr' not a constant");
    }

    @Test
    void compoundLiteralIsAnLvalueObjectOfItsType() {
        Expr e = init("struct s { int a, b; };", "struct s *p = &(struct s){ .b = 2 };");
        Expr.Unary addr = (Expr.Unary) e;
        Expr.CompoundLit cl = (Expr.CompoundLit) addr.operand();
        assertThat(cl.type()).isInstanceOf(StructType.class);
        Expr arr = init("", "int n = sizeof((int[]){ 1, 2, 3 });");
        assertThat(((Expr.IntLit) arr).value()).isEqualTo(12);
        // at file scope: an unnamed static object, so its address is a constant
        TranslationUnit tu = parse("struct s { int a; }; struct s *p = &(struct s){ 4 };");
        assertThat(tu.globals()).extracting(g -> g.name()).containsExactlyInAnyOrder("p", "__compound_literal.0");
        var lit = tu.globals().stream().filter(g -> g.name().startsWith("__compound")).findFirst().orElseThrow();
        assertThat(lit.isStatic()).isTrue();
        assertThat(lit.type()).isInstanceOf(StructType.class);
        assertThat(parse("int *q = (int[]){ 1, 2 };").globals().get(0).type()).isEqualTo(new ArrayType(IntType.INT, 2));
    }

    @Test
    void structsTravelByValue() {
        TranslationUnit tu = parse("struct s { int a; }; struct s f(struct s v) { v.a++; return v; }"
                + " int t(void) { struct s x = { 1 }; return f(f(x)).a; }");
        assertThat(fn(tu, "f").type().returnType()).isInstanceOf(StructType.class);
        assertThat(error("struct s { int a; } v; int printf(const char *, ...); void t(void) { printf(\"\", v); }")
                .getMessage()).isEqualTo("unsupported: passing a struct by value to a variadic or unprototyped function");
    }

    @Test
    void variadicDefinitionsGetASaveAreaAndVaArgReadsOneSlot() {
        TranslationUnit tu = parse("typedef __builtin_va_list va_list;"
                + " long f(int n, ...) { va_list ap; __builtin_va_start(ap, n); long v = __builtin_va_arg(ap, long);"
                + " __builtin_va_end(ap); return v; } int g(int n) { return n; }");
        assertThat(fn(tu, "f").varargs()).isNotNull();
        assertThat(fn(tu, "f").varargs().type().size()).isEqualTo(8L * FunctionDef.MAX_VARARGS);
        assertThat(fn(tu, "g").varargs()).isNull();
        String many = "0" + ", 0".repeat(FunctionDef.MAX_VARARGS);
        assertThat(error("int f(int n, ...); void t(void) { f(1, " + many + "); }").getMessage())
                .isEqualTo("unsupported: more than 32 variadic arguments in one call of 'f'");
        assertThat(error("typedef __builtin_va_list va_list; void f(int n) { va_list ap; __builtin_va_start(ap, n); }")
                .getMessage()).isEqualTo("'va_start' used in function with fixed arguments");
        assertThat(error("typedef __builtin_va_list va_list; struct s { int a; };"
                + " void f(int n, ...) { va_list ap; __builtin_va_start(ap, n); struct s x = __builtin_va_arg(ap, struct s); }")
                .getMessage()).startsWith("unsupported: va_arg of type 'struct s'");
    }

    @Test
    void bitFieldsAreLaidOutAsGccDoes() {
        TranslationUnit tu = parse("struct s { char c; unsigned a : 4, b : 6; int : 0; short d : 3; long long e : 40; };"
                + " struct s v;");
        StructType st = (StructType) tu.globals().get(0).type();
        assertThat(st.fields()).extracting(f -> f.name() + "@" + f.offset() + ":" + f.bitOffset() + "/" + f.bitWidth())
                .containsExactly("c@0:0/0", "a@0:8/4", "b@0:12/6", "d@4:0/3", "e@8:0/40");
        assertThat(st.size()).isEqualTo(16);
        // a field that would straddle its type's unit moves to the next one
        StructType t = (StructType) parse("struct t { unsigned a : 30; unsigned b : 4; } v;").globals().get(0).type();
        assertThat(t.fields().get(1).offset()).isEqualTo(4);
        assertThat(t.size()).isEqualTo(8);
    }

    @Test
    void bitFieldMisuseIsReportedAsGccDoes() {
        assertThat(error("struct s { int a : 33; };").getMessage()).isEqualTo("width of 'a' exceeds its type");
        assertThat(error("struct s { int a : -1; };").getMessage()).isEqualTo("negative width in bit-field 'a'");
        assertThat(error("struct s { int : -1; };").getMessage()).isEqualTo("negative width in bit-field '<anonymous>'");
        assertThat(error("struct s { int a : 0; };").getMessage()).isEqualTo("zero width for bit-field 'a'");
        assertThat(error("struct s { int *p : 3; };").getMessage()).isEqualTo("bit-field 'p' has invalid type");
        assertThat(error("struct s { int a : 3; } v; int *t(void) { return &v.a; }").getMessage())
                .isEqualTo("cannot take address of bit-field 'a'");
        assertThat(error("struct s { int a : 3; } v; long t(void) { return sizeof(v.a); }").getMessage())
                .isEqualTo("'sizeof' applied to a bit-field");
    }

    @Test
    void narrowBitFieldsPromoteToInt() {
        Expr e = init("struct s { unsigned a : 3; unsigned long b : 40; } v;", "long x = v.a - 5;");
        assertThat(((Expr.Binary) ((Expr.Cast) e).operand()).type()).isEqualTo(IntType.INT);
        Expr w = init("struct s { unsigned a : 3; unsigned long b : 40; } v;", "long x = v.b - 5;");
        assertThat(((Expr.Binary) ((Expr.Cast) w).operand()).type()).isEqualTo(IntType.ULONG);
    }

    @Test
    void packedAndAlignedAttributesChangeTheLayout() {
        TranslationUnit tu = parse("struct __attribute__((packed)) p { char c; int i; long l; };"
                + " struct q { char c; int i __attribute__((__aligned__(16))); } __attribute__((aligned(32)));"
                + " struct p vp; struct q vq;");
        StructType p = (StructType) tu.globals().get(0).type();
        StructType q = (StructType) tu.globals().get(1).type();
        assertThat(p.fields()).extracting(f -> f.offset()).containsExactly(0L, 1L, 5L);
        assertThat(p.size()).isEqualTo(13);
        assertThat(p.align()).isEqualTo(1);
        assertThat(q.fields().get(1).offset()).isEqualTo(16);
        assertThat(q.align()).isEqualTo(32);
        assertThat(q.size()).isEqualTo(32);
        assertThat(error("struct s { int a : 3; } __attribute__((packed));").getMessage())
                .isEqualTo("unsupported: bit-fields in a packed or aligned struct");
        assertThat(error("struct s { int a; } __attribute__((aligned(3)));").getMessage())
                .isEqualTo("requested alignment is not a positive power of 2");
    }

    @Test
    void designatorRangesInitializeEachElement() {
        TranslationUnit tu = parse("int a[6] = { [1 ... 3] = 9, [5] = 1 };");
        var init = (dev.spinlab.kc.ast.Initializer.Aggregate) tu.globals().get(0).init();
        assertThat(init.items()).extracting(it -> it.offset()).containsExactly(4L, 8L, 12L, 20L);
        assertThat(error("int a[4] = { [3 ... 1] = 9 };").getMessage()).isEqualTo("empty index range in initializer");
    }
}
