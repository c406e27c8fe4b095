package dev.spinlab.kc.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.ast.BinOp;
import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.GlobalVar;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.Stmt;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.ast.UnOp;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.Field;
import dev.spinlab.kc.type.FunctionType;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.PointerType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.kc.type.VoidType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
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

    private static GlobalVar global(TranslationUnit tu, String name) {
        return tu.globals().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    /** The expression of the last statement of function {@code t}, after {@code decls} at file scope. */
    private Expr expr(String decls, String locals, String e) {
        TranslationUnit tu = parse(decls + "\nvoid t(void) { " + locals + " " + e + "; }");
        List<Stmt> body = fn(tu, "t").body().body();
        return ((Stmt.ExprStmt) body.get(body.size() - 1)).expr();
    }

    private static List<Initializer.Item> items(Initializer init) {
        return ((Initializer.Aggregate) init).items();
    }

    private static long lit(Expr e) {
        return ((Expr.IntLit) e).value();
    }

    // ---- types and layout -------------------------------------------------------------------

    @Test
    void structLayoutFollowsLp64() {
        TranslationUnit tu = parse("struct s { char c; int i; long l; short h; } v;");
        StructType s = (StructType) global(tu, "v").type();
        assertThat(s.fields()).extracting(Field::offset).containsExactly(0L, 4L, 8L, 16L);
        assertThat(s.size()).isEqualTo(24);
        assertThat(s.align()).isEqualTo(8);
    }

    @Test
    void anonymousMembersAndUnions() {
        TranslationUnit tu = parse("struct s { int a; union { char c; long l; }; struct { int x, y; } pt; } v;\n"
                + "long t(void) { return v.l + v.pt.y; }");
        StructType s = (StructType) global(tu, "v").type();
        assertThat(s.findField("l").offset()).isEqualTo(8);
        assertThat(s.findField("pt").offset()).isEqualTo(16);
        assertThat(s.size()).isEqualTo(24);
        Expr.Binary add = (Expr.Binary) ((Stmt.Return) fn(tu, "t").body().body().get(0)).value();
        Expr.Member l = (Expr.Member) add.left();
        assertThat(l.field().offset()).isEqualTo(8);
        assertThat(l.type()).isEqualTo(IntType.LONG);
        Expr.Cast y = (Expr.Cast) add.right();
        assertThat(((Expr.Member) y.operand()).field().offset()).isEqualTo(4);
    }

    @Test
    void forwardDeclaredStructCompletedLaterAndFlexibleArray() {
        TranslationUnit tu = parse("struct node; struct node *head;\n"
                + "struct node { struct node *next; int n; char data[]; };\n"
                + "int t(void) { return head->next->n; }");
        PointerType p = (PointerType) global(tu, "head").type();
        StructType node = (StructType) p.target();
        assertThat(node.isComplete()).isTrue();
        assertThat(node.size()).isEqualTo(16);
        assertThat(node.findField("data").type()).isEqualTo(new ArrayType(IntType.CHAR, -1));
    }

    @Test
    void enumsAreIntConstantsWithImplicitIncrements() {
        TranslationUnit tu = parse("enum color { RED, GREEN = 5, BLUE, LAST = BLUE * 2 + (1 << 3) };\n"
                + "enum color c = BLUE; int a[LAST];");
        assertThat(global(tu, "c").type()).isEqualTo(IntType.INT);
        assertThat(lit(((Initializer.Scalar) global(tu, "c").init()).value())).isEqualTo(6);
        assertThat(global(tu, "a").type()).isEqualTo(new ArrayType(IntType.INT, 20));
    }

    @Test
    void integerTypeCombinations() {
        TranslationUnit tu = parse("unsigned u; long unsigned int lu; long long ll; unsigned long long ull;"
                + " short int s; signed char sc; unsigned char uc; char c; _Bool b; long int li; unsigned short us;");
        assertThat(global(tu, "u").type()).isEqualTo(IntType.UINT);
        assertThat(global(tu, "lu").type()).isEqualTo(IntType.ULONG);
        assertThat(global(tu, "ll").type()).isEqualTo(IntType.LLONG);
        assertThat(global(tu, "ull").type()).isEqualTo(IntType.ULLONG);
        assertThat(global(tu, "s").type()).isEqualTo(IntType.SHORT);
        assertThat(global(tu, "sc").type()).isEqualTo(IntType.SCHAR);
        assertThat(global(tu, "uc").type()).isEqualTo(IntType.UCHAR);
        assertThat(global(tu, "c").type()).isEqualTo(IntType.CHAR);
        assertThat(global(tu, "b").type()).isEqualTo(IntType.BOOL);
        assertThat(global(tu, "li").type()).isEqualTo(IntType.LONG);
        assertThat(global(tu, "us").type()).isEqualTo(IntType.USHORT);
    }

    @Test
    void functionPointerDeclaratorsInAllForms() {
        TranslationUnit tu = parse("typedef int handler_t(int);\n"
                + "typedef void (*cb_t)(void *);\n"
                + "int (*fp)(int);\n"
                + "int (*table[4])(int, char);\n"
                + "handler_t *hp;\n"
                + "int (*pick(int which))(int);\n"
                + "void reg(void (*f)(int), cb_t c);\n"
                + "struct ops { int (*open)(int); cb_t done; } o;\n"
                + "const char *const names[2];\n"
                + "int m[2][3];\n");
        FunctionType intInt = new FunctionType(IntType.INT, List.of(IntType.INT), false, true);
        assertThat(global(tu, "fp").type()).isEqualTo(new PointerType(intInt));
        assertThat(global(tu, "hp").type()).isEqualTo(new PointerType(intInt));
        assertThat(global(tu, "table").type()).isEqualTo(new ArrayType(new PointerType(
                new FunctionType(IntType.INT, List.of(IntType.INT, IntType.CHAR), false, true)), 4));
        assertThat(tu.declarations().get("pick")).isEqualTo(
                new FunctionType(new PointerType(intInt), List.of(IntType.INT), false, true));
        FunctionType reg = (FunctionType) tu.declarations().get("reg");
        assertThat(reg.params().get(0)).isEqualTo(new PointerType(
                new FunctionType(VoidType.VOID, List.of(IntType.INT), false, true)));
        assertThat(reg.params().get(1)).isEqualTo(new PointerType(new FunctionType(VoidType.VOID,
                List.of(new PointerType(VoidType.VOID)), false, true)));
        StructType ops = (StructType) global(tu, "o").type();
        assertThat(ops.findField("done").offset()).isEqualTo(8);
        assertThat(global(tu, "names").type()).isEqualTo(new ArrayType(new PointerType(IntType.CHAR), 2));
        assertThat(global(tu, "m").type()).isEqualTo(new ArrayType(new ArrayType(IntType.INT, 3), 2));
        assertThat(global(tu, "m").type().size()).isEqualTo(24);
    }

    @Test
    void typeofAttributesAndExtensionsAreAccepted() {
        TranslationUnit tu = parse("__extension__ typedef unsigned long long u64;\n"
                + "struct __attribute__((aligned(8))) a { int x; } __attribute__((packed));\n"
                + "static inline __attribute__((always_inline)) int f(int x) { return x; }\n"
                + "u64 big; __typeof__(big) same; typeof(int *) ip; typeof(f(1)) r;\n"
                + "int g(void) __asm__(\"real_g\") __attribute__((noinline));\n"
                + "int volatile * const restrict vp;\n");
        assertThat(global(tu, "same").type()).isEqualTo(IntType.ULLONG);
        assertThat(global(tu, "ip").type()).isEqualTo(new PointerType(IntType.INT));
        assertThat(global(tu, "r").type()).isEqualTo(IntType.INT);
        assertThat(global(tu, "vp").type()).isEqualTo(new PointerType(IntType.INT));
        assertThat(fn(tu, "f").isStatic()).isTrue();
        assertThat(tu.declarations()).containsKey("g");
    }

    // ---- literals --------------------------------------------------------------------------

    @Test
    void literalsHaveTheirCTypes() {
        assertThat(expr("", "", "0x80000000").type()).isEqualTo(IntType.UINT);
        assertThat(expr("", "", "10UL").type()).isEqualTo(IntType.ULONG);
        Expr c = expr("", "", "'a'");
        assertThat(c.type()).isEqualTo(IntType.INT);
        assertThat(lit(c)).isEqualTo(97);
        Expr.StrLit s = (Expr.StrLit) expr("", "", "\"ab\" \"c\"");
        assertThat(s.bytes()).containsExactly('a', 'b', 'c', 0);
        assertThat(s.type()).isEqualTo(new ArrayType(IntType.CHAR, 4));
    }

    // ---- conversions -----------------------------------------------------------------------

    @Test
    void usualArithmeticConversionsAreExplicit() {
        Expr.Binary b = (Expr.Binary) expr("", "char c; unsigned u;", "c + u");
        assertThat(b.type()).isEqualTo(IntType.UINT);
        assertThat(b.left()).isInstanceOf(Expr.Cast.class);
        assertThat(b.left().type()).isEqualTo(IntType.UINT);
        assertThat(((Expr.Cast) b.left()).operand()).isInstanceOf(Expr.LocalRef.class);
        assertThat(b.right()).isInstanceOf(Expr.LocalRef.class);

        Expr.Binary l = (Expr.Binary) expr("", "long x; unsigned u;", "x * u");
        assertThat(l.type()).isEqualTo(IntType.LONG);
        Expr.Binary ul = (Expr.Binary) expr("", "unsigned long x; long long y;", "x - y");
        assertThat(ul.type()).isEqualTo(IntType.ULLONG);
        Expr.Binary sh = (Expr.Binary) expr("", "char c; long n;", "c << n");
        assertThat(sh.type()).isEqualTo(IntType.INT);
        assertThat(sh.right().type()).isEqualTo(IntType.LONG);
    }

    @Test
    void assignmentConvertsToTheTargetType() {
        Expr.Assign a = (Expr.Assign) expr("", "long l; short s;", "l = s");
        assertThat(a.type()).isEqualTo(IntType.LONG);
        assertThat(a.value()).isInstanceOf(Expr.Cast.class);
        assertThat(a.value().type()).isEqualTo(IntType.LONG);
        Expr.Assign lit = (Expr.Assign) expr("", "char c;", "c = 300");
        assertThat(lit.value()).isEqualTo(new Expr.IntLit(44, IntType.CHAR, lit.value().loc()));
        Expr.Assign np = (Expr.Assign) expr("", "int *p;", "p = 0");
        assertThat(np.value()).isInstanceOf(Expr.Cast.class);
        assertThat(np.value().type()).isEqualTo(new PointerType(IntType.INT));
        assertThat(diags).isEmpty();
    }

    @Test
    void structAssignmentCopies() {
        Expr.Assign a = (Expr.Assign) expr("struct s { int a[3]; } x, y;", "", "x = y");
        assertThat(a.type()).isInstanceOf(StructType.class);
        assertThat(a.value()).isInstanceOf(Expr.GlobalRef.class);
    }

    @Test
    void pointerArithmeticIsScaledToBytes() {
        Expr.Binary c = (Expr.Binary) expr("", "int *p;", "p + 3");
        assertThat(c.op()).isEqualTo(BinOp.ADD);
        assertThat(c.type()).isEqualTo(new PointerType(IntType.INT));
        assertThat(c.right()).isEqualTo(new Expr.IntLit(12, IntType.LONG, c.right().loc()));

        Expr.Binary v = (Expr.Binary) expr("", "long *p; int i;", "i + p");
        assertThat(v.left()).isInstanceOf(Expr.LocalRef.class);
        Expr.Binary mul = (Expr.Binary) v.right();
        assertThat(mul.op()).isEqualTo(BinOp.MUL);
        assertThat(mul.type()).isEqualTo(IntType.LONG);
        assertThat(mul.left()).isInstanceOf(Expr.Cast.class);
        assertThat(mul.left().type()).isEqualTo(IntType.LONG);
        assertThat(lit(mul.right())).isEqualTo(8);

        Expr.Binary d = (Expr.Binary) expr("", "short *p, *q;", "p - q");
        assertThat(d.op()).isEqualTo(BinOp.DIV);
        assertThat(d.type()).isEqualTo(IntType.LONG);
        assertThat(((Expr.Binary) d.left()).op()).isEqualTo(BinOp.SUB);
        assertThat(d.left().type()).isEqualTo(IntType.LONG);
        assertThat(lit(d.right())).isEqualTo(2);

        Expr.Binary vp = (Expr.Binary) expr("", "void *p; int i;", "p + i");
        assertThat(vp.right()).isInstanceOf(Expr.Cast.class); // void * steps by bytes (gcc)
    }

    @Test
    void subscriptAndArrowAreLowered() {
        Expr.Unary idx = (Expr.Unary) expr("int a[10];", "int i;", "a[i]");
        assertThat(idx.op()).isEqualTo(UnOp.DEREF);
        assertThat(idx.type()).isEqualTo(IntType.INT);
        Expr.Binary add = (Expr.Binary) idx.operand();
        assertThat(add.left()).isInstanceOf(Expr.GlobalRef.class);
        assertThat(add.left().type()).isEqualTo(new ArrayType(IntType.INT, 10));
        assertThat(add.type()).isEqualTo(new PointerType(IntType.INT));

        Expr.Member m = (Expr.Member) expr("struct s { int a; char *b; };", "struct s *p;", "p->b");
        assertThat(m.field().offset()).isEqualTo(8);
        assertThat(((Expr.Unary) m.base()).op()).isEqualTo(UnOp.DEREF);
        assertThat(m.type()).isEqualTo(new PointerType(IntType.CHAR));

        Expr.Unary two = (Expr.Unary) expr("int m[2][3];", "", "m[1][2]");
        Expr.Binary outer = (Expr.Binary) two.operand();
        assertThat(lit(outer.right())).isEqualTo(8);
        Expr.Binary inner = (Expr.Binary) ((Expr.Unary) outer.left()).operand();
        assertThat(lit(inner.right())).isEqualTo(12);
    }

    @Test
    void addressOfDerefCancels() {
        Expr e = expr("int a[10];", "", "&a[3]");
        assertThat(e).isInstanceOf(Expr.Binary.class);
        assertThat(e.type()).isEqualTo(new PointerType(IntType.INT));
        Expr.Unary arr = (Expr.Unary) expr("int a[10];", "", "&a");
        assertThat(arr.type()).isEqualTo(new PointerType(new ArrayType(IntType.INT, 10)));
    }

    @Test
    void sizeofAndAlignofAreUnsignedLongConstants() {
        Expr s = expr("struct s { char c; long l; };", "int a[7];", "sizeof a + sizeof(struct s) + _Alignof(int)");
        assertThat(s.type()).isEqualTo(IntType.ULONG);
        Expr.Binary sum = (Expr.Binary) s;
        Expr.Binary left = (Expr.Binary) sum.left();
        assertThat(lit(left.left())).isEqualTo(28);
        assertThat(lit(left.right())).isEqualTo(16);
        assertThat(lit(sum.right())).isEqualTo(4);
        Expr noEval = expr("", "int *p;", "sizeof(*p++)");
        assertThat(noEval).isEqualTo(new Expr.IntLit(4, IntType.ULONG, noEval.loc()));
    }

    @Test
    void compoundAssignAndIncDec() {
        Expr.CompoundAssign ca = (Expr.CompoundAssign) expr("", "char c; long l;", "c += l");
        assertThat(ca.opType()).isEqualTo(IntType.LONG);
        assertThat(ca.type()).isEqualTo(IntType.CHAR);
        assertThat(ca.value()).isInstanceOf(Expr.LocalRef.class);
        Expr.CompoundAssign pa = (Expr.CompoundAssign) expr("", "int *p; int n;", "p -= n");
        assertThat(pa.opType()).isEqualTo(new PointerType(IntType.INT));
        assertThat(((Expr.Binary) pa.value()).op()).isEqualTo(BinOp.MUL);
        Expr.CompoundAssign sa = (Expr.CompoundAssign) expr("", "char c; char n;", "c <<= n");
        assertThat(sa.opType()).isEqualTo(IntType.INT);
        assertThat(sa.value().type()).isEqualTo(IntType.INT);
        Expr.IncDec inc = (Expr.IncDec) expr("struct s { long a, b; };", "struct s *p;", "p++");
        assertThat(inc.delta()).isEqualTo(16);
        assertThat(inc.prefix()).isFalse();
        assertThat(inc.increment()).isTrue();
        Expr.IncDec dec = (Expr.IncDec) expr("", "int i;", "--i");
        assertThat(dec.delta()).isEqualTo(1);
        assertThat(dec.prefix()).isTrue();
    }

    @Test
    void comparisonsConvertToACommonType() {
        Expr.Binary c = (Expr.Binary) expr("", "int i; unsigned long u;", "i < u");
        assertThat(c.type()).isEqualTo(IntType.INT);
        assertThat(c.left().type()).isEqualTo(IntType.ULONG);
        assertThat(c.right().type()).isEqualTo(IntType.ULONG);
        Expr.Binary np = (Expr.Binary) expr("", "char *p;", "p == 0");
        assertThat(np.right().type()).isEqualTo(new PointerType(IntType.CHAR));
        Expr.Binary vp = (Expr.Binary) expr("", "char *p; void *q;", "p != q");
        assertThat(vp.left().type()).isEqualTo(new PointerType(VoidType.VOID));
        Expr.Binary nul = (Expr.Binary) expr("", "int *p;", "p == (void *)0");
        assertThat(nul.right().type()).isEqualTo(new PointerType(IntType.INT));
        Expr.Binary logical = (Expr.Binary) expr("", "int *p, *q;", "!p || p && q");
        assertThat(logical.op()).isEqualTo(BinOp.LOGOR);
        assertThat(((Expr.Unary) logical.left()).op()).isEqualTo(UnOp.LOGNOT);
        assertThat(((Expr.Binary) logical.right()).op()).isEqualTo(BinOp.LOGAND);
        assertThat(diags).isEmpty();
    }

    @Test
    void precedenceAndAssociativity() {
        Expr.Binary e = (Expr.Binary) expr("", "int a, b, c;", "a - b - c * 2 << 1 | 4");
        assertThat(e.op()).isEqualTo(BinOp.OR);
        Expr.Binary shl = (Expr.Binary) e.left();
        assertThat(shl.op()).isEqualTo(BinOp.SHL);
        Expr.Binary sub = (Expr.Binary) shl.left();
        assertThat(sub.op()).isEqualTo(BinOp.SUB);
        assertThat(((Expr.Binary) sub.left()).op()).isEqualTo(BinOp.SUB);
        assertThat(((Expr.Binary) sub.right()).op()).isEqualTo(BinOp.MUL);
        Expr.Assign chain = (Expr.Assign) expr("", "int a, b;", "a = b = 3");
        assertThat(chain.value()).isInstanceOf(Expr.Assign.class);
        Expr.Conditional q = (Expr.Conditional) expr("", "int a;", "a ? 1 : a ? 2 : 3");
        assertThat(q.otherwise()).isInstanceOf(Expr.Conditional.class);
        Expr.Comma comma = (Expr.Comma) expr("", "int a;", "a = 1, a = 2");
        assertThat(comma.left()).isInstanceOf(Expr.Assign.class);
    }

    @Test
    void conditionalArms() {
        Expr.Conditional c = (Expr.Conditional) expr("", "int x; char *p;", "x ? p : 0");
        assertThat(c.type()).isEqualTo(new PointerType(IntType.CHAR));
        assertThat(c.otherwise()).isInstanceOf(Expr.Cast.class);
        Expr.Conditional v = (Expr.Conditional) expr("void f(void); void g(void);", "int x;", "x ? f() : g()");
        assertThat(v.type()).isEqualTo(VoidType.VOID);
        Expr.Conditional vp = (Expr.Conditional) expr("", "int x; int *p; void *q;", "x ? p : q");
        assertThat(vp.type()).isEqualTo(new PointerType(VoidType.VOID));
        Expr.Conditional ar = (Expr.Conditional) expr("", "int x; long l;", "x ? x : l");
        assertThat(ar.type()).isEqualTo(IntType.LONG);
        assertThat(ar.then()).isInstanceOf(Expr.Cast.class);
    }

    @Test
    void castsAreExplicitNodes() {
        Expr.Cast c = (Expr.Cast) expr("", "long l;", "(int)l");
        assertThat(c.type()).isEqualTo(IntType.INT);
        Expr.Cast v = (Expr.Cast) expr("", "int x;", "(void)x");
        assertThat(v.type()).isEqualTo(VoidType.VOID);
        Expr.Cast p = (Expr.Cast) expr("struct s;", "void *q;", "(struct s *)q");
        assertThat(p.type()).isInstanceOf(PointerType.class);
    }

    // ---- calls -----------------------------------------------------------------------------

    @Test
    void callsDirectThroughPointersAndWithPromotions() {
        Expr.Call d = (Expr.Call) expr("long f(long a, char b);", "int i;", "f(i, i)");
        assertThat(d.callee()).isInstanceOf(Expr.FuncRef.class);
        assertThat(d.type()).isEqualTo(IntType.LONG);
        assertThat(d.args()).extracting(Expr::type).containsExactly(IntType.LONG, IntType.CHAR);

        Expr.Call v = (Expr.Call) expr("int printf(const char *fmt, ...);", "char c; short s;", "printf(\"%d %d\", c, s)");
        assertThat(v.args()).extracting(Expr::type).containsExactly(
                new ArrayType(IntType.CHAR, 6), IntType.INT, IntType.INT);

        Expr.Call fp = (Expr.Call) expr("int (*fp)(int);", "", "(*fp)(1)");
        assertThat(fp.callee()).isInstanceOf(Expr.GlobalRef.class);
        Expr.Call fp2 = (Expr.Call) expr("int (*fp)(int);", "", "fp(1)");
        assertThat(fp2.callee()).isInstanceOf(Expr.GlobalRef.class);
        Expr.Call star = (Expr.Call) expr("int g(int);", "", "(*g)(1)");
        assertThat(star.callee()).isInstanceOf(Expr.FuncRef.class);

        Expr.Call member = (Expr.Call) expr("struct ops { int (*open)(int); };", "struct ops *o;", "o->open(3)");
        assertThat(member.callee()).isInstanceOf(Expr.Member.class);

        Expr.Call kr = (Expr.Call) expr("int old();", "char c;", "old(c)");
        assertThat(kr.args().get(0).type()).isEqualTo(IntType.INT);
    }

    @Test
    void implicitDeclarationWarnsAndDeclaresIntFunction() {
        TranslationUnit tu = parse("int main(void) { return foo(1); }");
        assertThat(diags).extracting(Diagnostic::message).containsExactly("implicit declaration of function 'foo'");
        assertThat(diags.get(0).severity()).isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(diags.get(0).loc().col()).isEqualTo(25);
        assertThat(tu.declarations().get("foo")).isEqualTo(new FunctionType(IntType.INT, List.of(), false, false));
    }

    @Test
    void builtins() {
        Expr off = expr("struct in { int a; int arr[4]; }; struct s { char c; struct in in; };", "",
                "__builtin_offsetof(struct s, in.arr[2])");
        assertThat(off).isEqualTo(new Expr.IntLit(4 + 4 + 8, IntType.ULONG, off.loc()));
        Expr ex = expr("", "int x;", "__builtin_expect(!!x, 0)");
        assertThat(ex.type()).isEqualTo(IntType.LONG);
        assertThat(((Expr.Cast) ex).operand()).isInstanceOf(Expr.Unary.class);
        TranslationUnit tu = parse("const char *t(void) { return __func__; }");
        Expr.StrLit name = (Expr.StrLit) ((Stmt.Return) fn(tu, "t").body().body().get(0)).value();
        assertThat(new String(name.bytes())).isEqualTo("t\0");
    }

    // ---- statements --------------------------------------------------------------------------

    @Test
    void switchCaseValuesAreConvertedToThePromotedType() {
        TranslationUnit tu = parse("int t(unsigned char c) { switch (c) { case 1: return 1; case 'a' + 1: break;"
                + " case -1: return 2; case 3 ... 5: return 3; default: ; } return 0; }");
        Stmt.Switch sw = (Stmt.Switch) fn(tu, "t").body().body().get(0);
        assertThat(sw.cond().type()).isEqualTo(IntType.INT);
        List<Stmt> body = ((Stmt.Block) sw.body()).body();
        assertThat(((Stmt.Case) body.get(0)).value()).isEqualTo(1);
        assertThat(((Stmt.Case) body.get(1)).value()).isEqualTo(98);
        assertThat(((Stmt.Case) body.get(2)).value()).isEqualTo(-1);
        Stmt.Case range = (Stmt.Case) body.get(3);
        assertThat(range.value()).isEqualTo(3);
        assertThat(((Stmt.Case) range.body()).value()).isEqualTo(4);
        assertThat(((Stmt.Case) ((Stmt.Case) range.body()).body()).value()).isEqualTo(5);
        assertThat(body.get(4)).isInstanceOf(Stmt.Default.class);

        TranslationUnit u = parse("int t(unsigned x) { switch (x) { case -1: return 1; } return 0; }");
        Stmt.Switch usw = (Stmt.Switch) fn(u, "t").body().body().get(0);
        assertThat(((Stmt.Case) ((Stmt.Block) usw.body()).body().get(0)).value()).isEqualTo(0xffffffffL);
    }

    @Test
    void loopsGotoAndLabels() {
        TranslationUnit tu = parse("int t(int n) { int s = 0;\n"
                + " for (int i = 0; i < n; i++) { if (i == 3) continue; s += i; }\n"
                + " while (n) n--; do { s++; } while (s < 10);\n"
                + " for (;;) break;\n"
                + " goto out; s = 5;\n"
                + "out: return s; }");
        List<Stmt> body = fn(tu, "t").body().body();
        Stmt.For f = (Stmt.For) body.get(1);
        assertThat(f.init()).isInstanceOf(Stmt.DeclStmt.class);
        assertThat(f.step()).isInstanceOf(Expr.IncDec.class);
        Stmt.For forever = (Stmt.For) body.get(4);
        assertThat(forever.cond()).isNull();
        assertThat(body.get(5)).isInstanceOf(Stmt.Goto.class);
        Stmt.Labeled out = (Stmt.Labeled) body.get(7);
        assertThat(out.label()).isEqualTo("out");
        assertThat(out.body()).isInstanceOf(Stmt.Return.class);
    }

    @Test
    void returnConversionsAndWarnings() {
        TranslationUnit tu = parse("long t(int x) { return x; }\nmain() { return; }");
        Stmt.Return r = (Stmt.Return) fn(tu, "t").body().body().get(0);
        assertThat(r.value().type()).isEqualTo(IntType.LONG);
        assertThat(r.value()).isInstanceOf(Expr.Cast.class);
        assertThat(fn(tu, "main").type().returnType()).isEqualTo(IntType.INT);
        assertThat(diags).extracting(Diagnostic::message).containsExactly(
                "return type defaults to 'int'", "'return' with no value, in function returning non-void");
        assertThat(diags.get(0).loc().line()).isEqualTo(2);
        assertThat(diags.get(0).loc().col()).isEqualTo(1);
    }

    @Test
    void staticLocalsBecomeMangledGlobals() {
        TranslationUnit tu = parse("int counter(void) { static int n = 5; { static int n; n++; } return ++n; }");
        assertThat(tu.globals()).extracting(GlobalVar::name).containsExactly("counter.n", "counter.n.1");
        GlobalVar n = global(tu, "counter.n");
        assertThat(n.isStatic()).isTrue();
        assertThat(lit(((Initializer.Scalar) n.init()).value())).isEqualTo(5);
        Stmt.Return r = (Stmt.Return) fn(tu, "counter").body().body().get(2);
        Expr.IncDec inc = (Expr.IncDec) r.value();
        assertThat(((Expr.GlobalRef) inc.target()).name()).isEqualTo("counter.n");
        Stmt.Block inner = (Stmt.Block) fn(tu, "counter").body().body().get(1);
        Expr.IncDec inc1 = (Expr.IncDec) ((Stmt.ExprStmt) inner.body().get(1)).expr();
        assertThat(((Expr.GlobalRef) inc1.target()).name()).isEqualTo("counter.n.1");
    }

    @Test
    void parametersAreLocalsAndArraysAdjustToPointers() {
        TranslationUnit tu = parse("int sum(int a[], int n, int (*f)(int)) { return n; }\nvoid v(void) { }");
        FunctionDef sum = fn(tu, "sum");
        assertThat(sum.params()).extracting(p -> p.name()).containsExactly("a", "n", "f");
        assertThat(sum.params().get(0).type()).isEqualTo(new PointerType(IntType.INT));
        assertThat(((Expr.LocalRef) ((Stmt.Return) sum.body().body().get(0)).value()).var())
                .isSameAs(sum.params().get(1));
        assertThat(fn(tu, "v").params()).isEmpty();
        assertThat(fn(tu, "v").type().prototyped()).isTrue();
    }

    @Test
    void blockScopesShadow() {
        TranslationUnit tu = parse("int x; int t(void) { int x = 1; { long x = 2; return x; } }");
        Stmt.Block inner = (Stmt.Block) fn(tu, "t").body().body().get(1);
        Stmt.Return r = (Stmt.Return) inner.body().get(1);
        Expr.Cast c = (Expr.Cast) r.value();
        assertThat(((Expr.LocalRef) c.operand()).var().type()).isEqualTo(IntType.LONG);
    }

    // ---- initializers ------------------------------------------------------------------------

    @Test
    void arrayInitializersCompleteTheSize() {
        TranslationUnit tu = parse("int a[] = {1, 2, 3}; char s[] = \"hi\"; char b[2] = \"hi\"; char w[] = { \"xy\" };"
                + " int d[] = { [4] = 7, 8 };");
        assertThat(global(tu, "a").type()).isEqualTo(new ArrayType(IntType.INT, 3));
        assertThat(items(global(tu, "a").init())).extracting(Initializer.Item::offset).containsExactly(0L, 4L, 8L);
        assertThat(global(tu, "s").type()).isEqualTo(new ArrayType(IntType.CHAR, 3));
        assertThat(items(global(tu, "s").init())).extracting(i -> lit(i.value())).containsExactly(104L, 105L, 0L);
        assertThat(items(global(tu, "b").init())).hasSize(2); // exact fit drops the NUL
        assertThat(global(tu, "w").type()).isEqualTo(new ArrayType(IntType.CHAR, 3));
        assertThat(global(tu, "d").type()).isEqualTo(new ArrayType(IntType.INT, 6));
        assertThat(items(global(tu, "d").init())).extracting(Initializer.Item::offset).containsExactly(16L, 20L);
        assertThat(diags).isEmpty();
    }

    @Test
    void structInitializersWithDesignatorsNestingAndBraceElision() {
        TranslationUnit tu = parse("struct pt { int x, y; };\n"
                + "struct box { char tag; struct pt a, b; long n[2]; };\n"
                + "struct box b1 = { 'q', { 1, 2 }, 3, 4, 5 };\n"
                + "struct box b2 = { .b.y = 9, 10, 11, .a = { .y = 6 } };\n"
                + "struct box arr[] = { [1].n[1] = 7, [0] = { 1 } };\n"
                + "union u { char c; long l; } uu = { .l = 5 };\n");
        List<Initializer.Item> i1 = items(global(tu, "b1").init());
        assertThat(i1).extracting(Initializer.Item::offset).containsExactly(0L, 4L, 8L, 12L, 16L, 24L);
        assertThat(i1).extracting(i -> lit(i.value())).containsExactly(113L, 1L, 2L, 3L, 4L, 5L);
        assertThat(i1.get(5).type()).isEqualTo(IntType.LONG);
        List<Initializer.Item> i2 = items(global(tu, "b2").init());
        // .b.y = 9 continues with n[0] = 10, n[1] = 11 (C11 6.7.9p17), then .a = { .y = 6 }
        assertThat(i2).extracting(Initializer.Item::offset).containsExactly(16L, 24L, 32L, 8L);
        assertThat(i2).extracting(i -> lit(i.value())).containsExactly(9L, 10L, 11L, 6L);
        assertThat(global(tu, "arr").type()).isEqualTo(new ArrayType(global(tu, "b1").type(), 2));
        assertThat(items(global(tu, "arr").init())).extracting(Initializer.Item::offset).containsExactly(40L + 32, 0L);
        List<Initializer.Item> u = items(global(tu, "uu").init());
        assertThat(u).hasSize(1);
        assertThat(u.get(0).type()).isEqualTo(IntType.LONG);
    }

    @Test
    void staticInitializersAreConstantAddresses() {
        TranslationUnit tu = parse("int g; int arr[10]; struct s { int a, b; } sv;\n"
                + "int f(int);\n"
                + "int *p1 = &g; int *p2 = &arr[3]; int *p3 = &sv.b; int (*fp)(int) = f;\n"
                + "const char *msg = \"hello\"; char *p4 = (char *)&g + 2; long addr = (long)&g; int *p5 = arr;\n"
                + "int k = 3 * 4 + sizeof(long);");
        Expr p1 = ((Initializer.Scalar) global(tu, "p1").init()).value();
        assertThat(p1).isInstanceOf(Expr.Unary.class);
        Expr p2 = ((Initializer.Scalar) global(tu, "p2").init()).value();
        assertThat(p2).isInstanceOf(Expr.Binary.class);
        assertThat(lit(((Expr.Binary) p2).right())).isEqualTo(12);
        assertThat(((Initializer.Scalar) global(tu, "fp").init()).value()).isInstanceOf(Expr.FuncRef.class);
        assertThat(((Initializer.Scalar) global(tu, "msg").init()).value()).isInstanceOf(Expr.StrLit.class);
        Expr k = ((Initializer.Scalar) global(tu, "k").init()).value();
        assertThat(k).isEqualTo(new Expr.IntLit(20, IntType.INT, k.loc()));
    }

    @Test
    void localAggregatesMayHoldNonConstants() {
        TranslationUnit tu = parse("struct pt { int x, y; };\n"
                + "int t(int v) { struct pt p = { v, v + 1 }; int a[4] = { v }; struct pt q = p; char s[8] = \"ab\";"
                + " struct { struct pt in; int z; } w = { p, 3 }; return a[0]; }");
        List<Stmt> body = fn(tu, "t").body().body();
        Stmt.LocalDecl p = ((Stmt.DeclStmt) body.get(0)).decls().get(0);
        assertThat(items(p.init())).extracting(i -> i.value().getClass().getSimpleName())
                .containsExactly("LocalRef", "Binary");
        Stmt.LocalDecl q = ((Stmt.DeclStmt) body.get(2)).decls().get(0);
        assertThat(((Initializer.Scalar) q.init()).value()).isInstanceOf(Expr.LocalRef.class);
        Stmt.LocalDecl s = ((Stmt.DeclStmt) body.get(3)).decls().get(0);
        assertThat(items(s.init())).hasSize(3);
        Stmt.LocalDecl w = ((Stmt.DeclStmt) body.get(4)).decls().get(0);
        assertThat(items(w.init())).extracting(Initializer.Item::offset).containsExactly(0L, 4L, 8L);
        assertThat(items(w.init()).get(0).value()).isInstanceOf(Expr.Member.class);
    }

    @Test
    void localArrayCompletedFromInitializer() {
        TranslationUnit tu = parse("void t(void) { char s[] = \"abc\"; int a[] = { 1, 2 }; }");
        List<Stmt> body = fn(tu, "t").body().body();
        assertThat(((Stmt.DeclStmt) body.get(0)).decls().get(0).var().type()).isEqualTo(new ArrayType(IntType.CHAR, 4));
        assertThat(((Stmt.DeclStmt) body.get(1)).decls().get(0).var().type()).isEqualTo(new ArrayType(IntType.INT, 2));
    }

    @Test
    void tentativeDefinitionsMergeAndExternsOnlyDeclare() {
        TranslationUnit tu = parse("int x; int x; int x = 4; int x; extern int y; extern int z; int z;\n"
                + "static int s; int arr[]; void f(void); int f2(int) ;");
        assertThat(tu.globals()).extracting(GlobalVar::name).containsExactly("x", "z", "s", "arr");
        assertThat(lit(((Initializer.Scalar) global(tu, "x").init()).value())).isEqualTo(4);
        assertThat(global(tu, "s").isStatic()).isTrue();
        assertThat(global(tu, "arr").type()).isEqualTo(new ArrayType(IntType.INT, 1));
        assertThat(diags).extracting(Diagnostic::message).containsExactly("array 'arr' assumed to have one element");
        assertThat(tu.declarations()).containsKeys("y", "z", "f", "f2").doesNotContainKey("x");
    }

    @Test
    void declaratorCornerCases() {
        TranslationUnit tu = parse("typedef int (*binop)(int, int);\n"
                + "static int add(int a, int b) { return a + b; }\n"
                + "int (x);\n"
                + "binop choose(int k) { return add; }\n"
                + "int (*choose2(int k))(int, int) { return k ? add : 0; }\n"
                + "int apply(binop f, int v) { return f(v, v) + (*f)(1, 2); }\n"
                + "int t(void) { extern int x; int local(int); enum { A = 2, B }; struct in { int q; } i = { B };"
                + " fallthrough: __attribute__((__fallthrough__)); return x + local(A) + i.q; }\n");
        assertThat(global(tu, "x").type()).isEqualTo(IntType.INT);
        FunctionType binop = new FunctionType(IntType.INT, List.of(IntType.INT, IntType.INT), false, true);
        assertThat(fn(tu, "choose").type().returnType()).isEqualTo(new PointerType(binop));
        assertThat(fn(tu, "choose2").type().returnType()).isEqualTo(new PointerType(binop));
        assertThat(fn(tu, "choose2").params()).extracting(v -> v.name()).containsExactly("k");
        Stmt.Return r = (Stmt.Return) fn(tu, "choose2").body().body().get(0);
        Expr.Conditional c = (Expr.Conditional) r.value();
        assertThat(c.then()).isInstanceOf(Expr.FuncRef.class);
        assertThat(c.otherwise()).isInstanceOf(Expr.Cast.class);
        Expr.Binary sum = (Expr.Binary) ((Stmt.Return) fn(tu, "apply").body().body().get(0)).value();
        assertThat(((Expr.Call) sum.left()).callee()).isInstanceOf(Expr.LocalRef.class);
        assertThat(((Expr.Call) sum.right()).callee()).isInstanceOf(Expr.LocalRef.class);
        assertThat(tu.declarations()).containsKeys("local", "x");
        List<Stmt> body = fn(tu, "t").body().body();
        Stmt.LocalDecl i = ((Stmt.DeclStmt) body.get(3)).decls().get(0);
        assertThat(lit(items(i.init()).get(0).value())).isEqualTo(3);
    }

    @Test
    void nestedStructTagsAreVisibleOutside() {
        TranslationUnit tu = parse("struct outer { struct inner { int v; } in; int w; };\n"
                + "struct inner x; int t(struct outer *o) { return o->in.v + sizeof(struct inner); }");
        assertThat(global(tu, "x").type().size()).isEqualTo(4);
    }

    @Test
    void typedefNamesCanBeShadowedByVariables() {
        TranslationUnit tu = parse("typedef int T; int t(void) { int T = 3; return T * 2; }");
        Stmt.Return r = (Stmt.Return) fn(tu, "t").body().body().get(1);
        assertThat(((Expr.Binary) r.value()).op()).isEqualTo(BinOp.MUL);
    }

    // ---- the seed driver and a user program --------------------------------------------------

    private static final String DRIVER = String.join("\n",
            "typedef struct { unsigned int slock; } spinlock_t;",
            "struct inode; struct file { void *private_data; unsigned int f_flags; };",
            "struct file_operations {",
            "    int (*open)(struct inode *, struct file *);",
            "    int (*release)(struct inode *, struct file *);",
            "};",
            "int register_chrdev(unsigned int, const char *, const struct file_operations *);",
            "void unregister_chrdev(unsigned int, const char *);",
            "void spin_lock_init(spinlock_t *lock);",
            "void spin_lock(spinlock_t *lock);",
            "void spin_unlock(spinlock_t *lock);",
            "void spin_lock_bh(spinlock_t *lock);",
            "void spin_unlock_bh(spinlock_t *lock);",
            "int printk(const char *fmt, ...);",
            "static spinlock_t demo_lock;",
            "static int open_count;",
            "static int demo_open(struct inode *inode, struct file *filp)",
            "{",
            "    spin_lock(&demo_lock);",
            "    open_count++;",
            "    spin_unlock(&demo_lock);",
            "    printk(\"<6>demo: opened %d times\\n\", open_count);",
            "    return 0;",
            "}",
            "static int demo_release(struct inode *inode, struct file *filp)",
            "{",
            "    spin_lock_bh(&demo_lock);",
            "    open_count--;",
            "    spin_unlock_bh(&demo_lock);",
            "    return 0;",
            "}",
            "static const struct file_operations demo_fops = {",
            "    .open = demo_open,",
            "    .release = demo_release,",
            "};",
            "static int major;",
            "static int __attribute__((__section__(\".init.text\"))) demo_init(void)",
            "{",
            "    spin_lock_init(&demo_lock);",
            "    major = register_chrdev(0, \"demo\", &demo_fops);",
            "    if (major < 0)",
            "        return major;",
            "    return 0;",
            "}",
            "static void demo_exit(void)",
            "{",
            "    unregister_chrdev(major, \"demo\");",
            "}",
            "");

    @Test
    void parsesTheSeedDriver() {
        TranslationUnit tu = parse(DRIVER);
        assertThat(diags).isEmpty();
        assertThat(tu.functions()).extracting(FunctionDef::name)
                .containsExactly("demo_open", "demo_release", "demo_init", "demo_exit");
        assertThat(tu.functions()).allMatch(FunctionDef::isStatic);
        assertThat(tu.globals()).extracting(GlobalVar::name).containsExactly("demo_lock", "open_count", "demo_fops", "major");
        GlobalVar fops = global(tu, "demo_fops");
        List<Initializer.Item> its = items(fops.init());
        assertThat(its).extracting(Initializer.Item::offset).containsExactly(0L, 8L);
        assertThat(its).extracting(i -> ((Expr.FuncRef) i.value()).name()).containsExactly("demo_open", "demo_release");
        assertThat(global(tu, "demo_lock").type().size()).isEqualTo(4);
        assertThat(tu.declarations()).containsKeys("register_chrdev", "spin_lock", "printk", "demo_open");

        FunctionDef init = fn(tu, "demo_init");
        Stmt.ExprStmt reg = (Stmt.ExprStmt) init.body().body().get(1);
        Expr.Call call = (Expr.Call) ((Expr.Assign) reg.expr()).value();
        assertThat(((Expr.FuncRef) call.callee()).name()).isEqualTo("register_chrdev");
        assertThat(call.args().get(0)).isEqualTo(new Expr.IntLit(0, IntType.UINT, call.args().get(0).loc()));
        assertThat(call.args().get(1)).isInstanceOf(Expr.StrLit.class); // char[5] decays to char *, qualifiers dropped
        assertThat(call.args().get(2)).isInstanceOf(Expr.Unary.class);
        FunctionDef open = fn(tu, "demo_open");
        Expr.Call printk = (Expr.Call) ((Stmt.ExprStmt) open.body().body().get(3)).expr();
        assertThat(printk.args()).hasSize(2);
        assertThat(((Expr.GlobalRef) printk.args().get(1)).name()).isEqualTo("open_count");
        FunctionDef exit = fn(tu, "demo_exit");
        Expr.Call unreg = (Expr.Call) ((Stmt.ExprStmt) exit.body().body().get(0)).expr();
        assertThat(unreg.args().get(0)).isInstanceOf(Expr.Cast.class);
        assertThat(unreg.args().get(0).type()).isEqualTo(IntType.UINT);
    }

    @Test
    void parsesAUserProgram() {
        String src = String.join("\n",
                "int open(const char *path, int flags, ...);",
                "int close(int fd);",
                "unsigned int sleep(unsigned int seconds);",
                "int printf(const char *fmt, ...);",
                "int main()",
                "{",
                "    int fd = open(\"/dev/demo\", 2);",
                "    if (fd < 0) {",
                "        printf(\"open failed\\n\");",
                "        return 1;",
                "    }",
                "    sleep(1);",
                "    close(fd);",
                "    printf(\"done %d\\n\", fd);",
                "    return 0;",
                "}");
        TranslationUnit tu = parse(src);
        assertThat(diags).isEmpty();
        FunctionDef main = fn(tu, "main");
        assertThat(main.type().prototyped()).isFalse();
        List<Stmt> body = main.body().body();
        Stmt.LocalDecl fd = ((Stmt.DeclStmt) body.get(0)).decls().get(0);
        Expr.Call open = (Expr.Call) ((Initializer.Scalar) fd.init()).value();
        assertThat(open.args()).hasSize(2);
        Expr.Call sleep = (Expr.Call) ((Stmt.ExprStmt) body.get(2)).expr();
        assertThat(sleep.args().get(0)).isEqualTo(new Expr.IntLit(1, IntType.UINT, sleep.args().get(0).loc()));
        assertThat(main.body().endLoc().line()).isEqualTo(16);
    }
}
