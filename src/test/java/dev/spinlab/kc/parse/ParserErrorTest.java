package dev.spinlab.kc.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.lex.Lexer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error the parser reports: gcc's wording, at the token gcc points to. */
class ParserErrorTest {
    private final List<Diagnostic> diags = new ArrayList<>();

    private TranslationUnit parse(String src) {
        return Parser.parse("t.c", Lexer.lex("t.c", src), new SourceMap(), diags);
    }

    private CompileError error(String src) {
        CompileError e = catchThrowableOfType(() -> parse(src), CompileError.class);
        assertThat(e).as("expected a CompileError for:\n" + src).isNotNull();
        return e;
    }

    private void assertError(String src, String message, int line, int col) {
        CompileError e = error(src);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.loc().file()).isEqualTo("t.c");
        assertThat(e.loc().line()).as("line").isEqualTo(line);
        assertThat(e.loc().col()).as("column").isEqualTo(col);
    }

    @Test
    void missingSemicolonPointsAfterThePreviousToken() {
        assertError("int t(void) {\n  int x = 1\n}", "expected ';' before '}' token", 2, 12);
        assertError("int t(void) { return 1 }", "expected ';' before '}' token", 1, 24);
        assertError("int x", "expected ';' at end of input", 1, 6);
        assertError("int t(void) { int y; y = 2 return y; }", "expected ';' before 'return'", 1, 28);
        assertError("int t(int a) { if (a { } }", "expected ')' before '{' token", 1, 22);
    }

    @Test
    void expectedExpression() {
        assertError("int t(void) { return ); }", "expected expression before ')' token", 1, 22);
        assertError("int t(void) { int x = 3 + ; }", "expected expression before ';' token", 1, 27);
        assertError("typedef int T; int t(void) { return T; }", "expected expression before 'T'", 1, 37);
        assertError("int t(int a) { if (a) int y = 2; return 0; }", "expected expression before 'int'", 1, 23);
        assertError("int t(int a) {\n  return a;\n", "expected declaration or statement at end of input", 2, 12);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        int t(void) { return y; }                                    | 'y' undeclared (first use in this function)         | 1 | 22
        int a = b;                                                   | 'b' undeclared here (not in a function)             | 1 | 9
        foo x;                                                       | unknown type name 'foo'                             | 1 | 1
        int t(void) { bar y; return 0; }                             | unknown type name 'bar'                             | 1 | 15
        int f(baz b);                                                | unknown type name 'baz'                             | 1 | 7
        struct s { int a; } v; int t(void) { return v + 1; }         | invalid operands to binary + (have 'struct s' and 'int') | 1 | 47
        int t(int a) { 3 = a; return 0; }                            | lvalue required as left operand of assignment       | 1 | 18
        int t(int a) { int *p = &(a + 1); return 0; }                | lvalue required as unary '&' operand                | 1 | 25
        int t(int a) { (a + 1)++; return 0; }                        | lvalue required as increment operand                | 1 | 23
        struct s { int a; } v; int t(void) { return v.x; }           | 'struct s' has no member named 'x'                  | 1 | 46
        struct s; int t(struct s *p) { return p->a; }                | invalid use of undefined type 'struct s'            | 1 | 40
        struct s; struct s *p; void t(void) { struct s *q; *q = *p; }| dereferencing pointer to incomplete type 'struct s' | 1 | 57
        void f(void); int t(void) { return f() + 1; }                | invalid use of void expression                      | 1 | 36
        void f(void); int t(void) { int x = f(); return x; }         | void value not ignored as it ought to be            | 1 | 37
        int t(int a) { return a(); }                                 | called object 'a' is not a function or function pointer | 1 | 23
        int f(int, int); int t(void) { return f(1); }                | too few arguments to function 'f'                   | 1 | 39
        int f(int); int t(void) { return f(1, 2); }                  | too many arguments to function 'f'                  | 1 | 34
        int f(void); int t(void) { return f(1); }                    | too many arguments to function 'f'                  | 1 | 35
        struct s { int a; } v; void t(void) { v = 1; }               | incompatible types when assigning to type 'struct s' from type 'int' | 1 | 43
        struct s { int a; } v; void t(void) { int x; x = v; }        | incompatible types when assigning to type 'int' from type 'struct s' | 1 | 50
        struct s { int a; } v; int x = v;                            | incompatible types when initializing type 'int' using type 'struct s' | 1 | 32
        int f(void) { return 1; } int f(void) { return 2; }          | redefinition of 'f'                                 | 1 | 31
        int x = 1; int x = 2;                                        | redefinition of 'x'                                 | 1 | 16
        int x; long x;                                               | conflicting types for 'x'                           | 1 | 13
        int f(int); long f(int);                                     | conflicting types for 'f'                           | 1 | 18
        int f(int); int f() { return 0; }                            | number of arguments doesn't match prototype         | 1 | 17
        int t(void) { case 1: return 0; }                            | case label not within a switch statement            | 1 | 15
        int t(void) { default: return 0; }                          | 'default' label not within a switch statement       | 1 | 15
        int t(int a) { switch (a) { case 1: case 2-1: return 0; } return 1; } | duplicate case value                       | 1 | 37
        int t(int a) { switch (a) { case a: return 0; } return 1; }  | case label does not reduce to an integer constant   | 1 | 34
        int a[-1];                                                   | size of array 'a' is negative                       | 1 | 5
        int (*fp)[2 - 5];                                            | size of array 'fp' is negative                      | 1 | 7
        void t(void) { int a[]; }                                    | array size missing in 'a'                           | 1 | 20
        void t(void) { break; }                                      | break statement not within loop or switch           | 1 | 16
        void t(void) { continue; }                                   | continue statement not within a loop                | 1 | 16
        void t(int a) { switch (a) { case 1: continue; } }           | continue statement not within a loop                | 1 | 38
        void t(void) { goto out; }                                   | label 'out' used but not defined                    | 1 | 21
        void t(void) { a: ; a: ; }                                   | duplicate label 'a'                                 | 1 | 21
        int g; int *p = &g; int q = *p;                              | initializer element is not constant                 | 1 | 29
        int f(void); int v = f();                                    | initializer element is not constant                 | 1 | 22
        int t(int n) { static int s = n; return s; }                 | initializer element is not constant                 | 1 | 31
        struct s { int a; struct s b; };                             | field 'b' has incomplete type                       | 1 | 28
        struct s { int a; int a; };                                  | duplicate member 'a'                                | 1 | 23
        struct s { char d[]; int n; };                               | flexible array member not at end of struct          | 1 | 17
        struct s { int a; }; struct s { int b; };                    | redefinition of 'struct s'                          | 1 | 29
        struct s; union s *p;                                        | 's' defined as wrong kind of tag                    | 1 | 17
        int t(int *p) { return *p.x; }                               | request for member 'x' in something not a structure or union | 1 | 26
        int t(int a) { return *a; }                                  | invalid type argument of unary '*' (have 'int')     | 1 | 23
        struct s; struct s v;                                        | storage size of 'v' isn't known                     | 1 | 20
        void t(void) { struct s; struct s v; }                       | storage size of 'v' isn't known                     | 1 | 35
        void v;                                                      | variable or field 'v' declared void                 | 1 | 6
        unsigned signed x;                                           | both 'signed' and 'unsigned' in declaration specifiers | 1 | 1
        int t(int a) { int a; return 0; }                            | redeclaration of 'a' with no linkage                | 1 | 20
        int t(void) { int x; int x; return 0; }                      | redeclaration of 'x' with no linkage                | 1 | 26
        int t(void) { return sizeof(struct s); }                     | invalid application of 'sizeof' to incomplete type 'struct s' | 1 | 22
        _Static_assert(sizeof(int) == 8, "int is 64-bit");           | static assertion failed: "int is 64-bit"            | 1 | 1
        """)
    void errorMessagesAndLocations(String src, String message, int line, int col) {
        assertError(src, message, line, col);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        void t(int n) { int a[n]; }                              | unsupported: variable-length arrays         | 1 | 23
        int t(int x) { return _Generic(x, int: 1); }             | unsupported: _Generic                       | 1 | 23
        _Complex int c;                                          | unsupported: complex types                  | 1 | 1
        int f(a, b) int a; int b; { return a + b; }              | unsupported: K&R-style parameter declarations | 1 | 7
        int t(void) { a: return &&a != 0; }                      | unsupported: labels as values               | 1 | 25
        struct s { int a; } v; int printf(const char *, ...); void t(void) { printf("", v); } | unsupported: passing a struct by value to a variadic or unprototyped function | 1 | 81
        """)
    void unsupportedConstructsAreNamed(String src, String message, int line, int col) {
        assertError(src, message, line, col);
    }

    @Test
    void floatingPointIsRefusedExceptInFoldedConstants() {
        String fpu = "('float' objects: the model has no FPU; only floating constants that fold to integers,"
                + " like (u64)(1E6L * 200), are accepted)";
        assertError("float f;", "unsupported: floating-point types " + fpu, 1, 1);
        assertError("double t(void);", "unsupported: floating-point types " + fpu.replace("'float'", "'double'"), 1, 1);
        assertError("int t(int x) { return x * 1.5; }", "unsupported: floating-point arithmetic at run time (operator '*'"
                + " with a non-constant 'int' operand and a 'double' one); the model has no FPU: only constant"
                + " expressions gcc folds, like (u64)(1E6L * 200), are accepted", 1, 25);
        assertError("int printf(const char *, ...); void t(void) { printf(\"%f\", 1.5); }",
                "unsupported: floating-point arithmetic at run time (a 'double' argument); the model has no FPU: only"
                + " constant expressions gcc folds, like (u64)(1E6L * 200), are accepted", 1, 60);
        assertThat(parse("int t(void) { return 1.5; } unsigned long n = (unsigned long)(1E6L * 200);").globals())
                .hasSize(1);
    }

    @Test
    void inlineAssemblyOtherThanTheEmptyBarrierIsRefusedByTemplate() {
        assertError("void t(void) { asm(\"nop\"); }", "unsupported: inline assembly (asm statement with template"
                + " \"nop\"); only the empty compiler barrier asm volatile(\"\" ::: \"memory\") is modelled", 1, 16);
        assertError("int t(int x) { int y; __asm__ __volatile__(\"\" : \"=r\"(y) : \"r\"(x)); return y; }",
                "unsupported: inline assembly (__asm__ statement with template \"\" and operands); only the empty"
                + " compiler barrier asm volatile(\"\" ::: \"memory\") is modelled", 1, 23);
        assertThat(parse("void t(void) { asm volatile(\"\" ::: \"memory\"); __asm__ __volatile__(\"\"); }")
                .functions()).hasSize(1);
    }

    @Test
    void statementExpressionsNeedAFunction() {
        assertError("int x = ({ 1; });", "braced-group within expression allowed only inside a function", 1, 9);
    }

    @Test
    void warningsGoToTheDiagnosticsList() {
        parse("int *p; long l; void t(void) { int x; p = 5; x = p; l = (long)p; }\n"
                + "void v(void) { return 1; }\n"
                + "char s[2] = \"abc\";\n"
                + "int a[2] = { 1, 2, 3 };\n");
        assertThat(diags).extracting(Diagnostic::message).containsExactly(
                "assignment to 'int *' from 'int' makes pointer from integer without a cast",
                "assignment to 'int' from 'int *' makes integer from pointer without a cast",
                "'return' with a value, in function returning void",
                "initializer-string for array of 'char' is too long",
                "excess elements in array initializer");
        assertThat(diags).allMatch(d -> d.severity() == Diagnostic.Severity.WARNING);
    }

    @Test
    void pointersDifferingOnlyInSignednessDoNotWarn() {
        // gcc's -Wpointer-sign is off by default and off for the kernel (-Wno-pointer-sign):
        // of_property_read_u32(np, "period", &i) with an int i, as upstream drivers call it
        parse("int f(unsigned int *p); int i; unsigned long *ul; long *l;"
                + " void t(void) { f(&i); l = ul; }");
        assertThat(diags).isEmpty();
    }

    @Test
    void incompatiblePointerAssignmentWarns() {
        parse("long *lp; int *ip; void t(void) { ip = lp; }");
        assertThat(diags).extracting(Diagnostic::message)
                .containsExactly("assignment to 'int *' from incompatible pointer type 'long *'");
    }
}
