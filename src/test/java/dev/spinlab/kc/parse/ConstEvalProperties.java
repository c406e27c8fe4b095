package dev.spinlab.kc.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.lex.Lexer;
import java.util.ArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Constant folding agrees with Java's two's complement arithmetic of the same width and signedness. */
class ConstEvalProperties {
    private static long fold(String type, String expr) {
        String src = type + " v = " + expr + ";";
        TranslationUnit tu = Parser.parse("p.c", Lexer.lex("p.c", src), new SourceMap(), new ArrayList<>());
        return ((Expr.IntLit) ((Initializer.Scalar) tu.globals().get(0).init()).value()).value();
    }

    @Property(tries = 200)
    void intArithmeticWraps(@ForAll @IntRange(min = 0) int a, @ForAll @IntRange(min = 0) int b) {
        assertThat(fold("int", a + " + " + b)).isEqualTo((long) (a + b));
        assertThat(fold("int", a + " * " + b)).isEqualTo((long) (a * b));
        assertThat(fold("int", a + " - " + b + " - 1")).isEqualTo((long) (a - b - 1));
        assertThat(fold("int", "-" + a + " / " + (b | 1))).isEqualTo((long) (-a / (b | 1)));
        assertThat(fold("int", "-" + a + " % " + (b | 1))).isEqualTo((long) (-a % (b | 1)));
        assertThat(fold("int", "~" + a + " ^ " + b)).isEqualTo((long) (~a ^ b));
    }

    @Property(tries = 200)
    void unsignedOperationsUseUnsignedSemantics(@ForAll @IntRange(min = 0) int a, @ForAll @IntRange(min = 1) int b,
                                                @ForAll @IntRange(min = 0, max = 31) int s) {
        long ua = Integer.toUnsignedLong(-a);
        assertThat(fold("unsigned", "-" + a + "u")).isEqualTo(ua);
        assertThat(fold("unsigned", "-" + a + "u / " + b)).isEqualTo(Integer.toUnsignedLong(Integer.divideUnsigned(-a, b)));
        assertThat(fold("unsigned", "-" + a + "u >> " + s)).isEqualTo(Integer.toUnsignedLong(-a >>> s));
        assertThat(fold("int", "-" + a + " >> " + s)).isEqualTo((long) (-a >> s));
        assertThat(fold("int", "-" + a + " < " + b + "u")).isEqualTo(Integer.compareUnsigned(-a, b) < 0 ? 1L : 0L);
    }

    @Property(tries = 200)
    void conversionsTruncateAndExtend(@ForAll @LongRange(min = 0) long v) {
        assertThat(fold("signed char", v + "L")).isEqualTo((long) (byte) v);
        assertThat(fold("unsigned short", v + "L")).isEqualTo(v & 0xffff);
        assertThat(fold("int", "(int)" + v + "L")).isEqualTo((long) (int) v);
        assertThat(fold("_Bool", v + "L")).isEqualTo(v != 0 ? 1L : 0L);
    }
}
