package dev.spinlab.kc.ir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** C's integer semantics checked against independent references (Java casts, BigInteger). */
class CSemanticsProperties {
    private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

    @Property
    void extensionsMatchJavaCasts(@ForAll long v) {
        assertThat(CSemantics.ext(v, CSemantics.EXT_S8)).isEqualTo((byte) v);
        assertThat(CSemantics.ext(v, CSemantics.EXT_U8)).isEqualTo(v & 0xff);
        assertThat(CSemantics.ext(v, CSemantics.EXT_S16)).isEqualTo((short) v);
        assertThat(CSemantics.ext(v, CSemantics.EXT_U16)).isEqualTo((long) (char) v);
        assertThat(CSemantics.ext(v, CSemantics.EXT_S32)).isEqualTo((int) v);
        assertThat(CSemantics.ext(v, CSemantics.EXT_U32)).isEqualTo(Integer.toUnsignedLong((int) v));
        assertThat(CSemantics.ext(v, CSemantics.EXT_BOOL)).isEqualTo(v == 0 ? 0 : 1);
    }

    @Property
    void unsignedOpsMatchBigInteger(@ForAll long x, @ForAll long y) {
        BigInteger ux = new BigInteger(Long.toUnsignedString(x));
        BigInteger uy = new BigInteger(Long.toUnsignedString(y));
        if (y != 0) {
            assertThat(CSemantics.binary(Op.DIVU, x, y)).isEqualTo(ux.divide(uy).longValue());
            assertThat(CSemantics.binary(Op.REMU, x, y)).isEqualTo(ux.mod(uy).longValue());
        }
        assertThat(CSemantics.binary(Op.LTU, x, y)).isEqualTo(ux.compareTo(uy) < 0 ? 1L : 0L);
        assertThat(CSemantics.binary(Op.MUL, x, y)).isEqualTo(ux.multiply(uy).mod(TWO64).longValue());
    }

    @Property
    void thirtyTwoBitArithmeticWrapsAfterNormalisation(@ForAll int x, @ForAll int y) {
        // int + int computed on 64-bit registers then normalised equals Java's 32-bit wrap
        long sum = CSemantics.ext(CSemantics.binary(Op.ADD, x, y), CSemantics.EXT_S32);
        assertThat(sum).isEqualTo(x + y);
        long ux = Integer.toUnsignedLong(x);
        long uy = Integer.toUnsignedLong(y);
        long usum = CSemantics.ext(CSemantics.binary(Op.ADD, ux, uy), CSemantics.EXT_U32);
        assertThat(usum).isEqualTo(Integer.toUnsignedLong(x + y));
        if (y != 0 && !(x == Integer.MIN_VALUE && y == -1)) {
            assertThat(CSemantics.binary(Op.DIVS, x, y)).isEqualTo(x / y);
            assertThat(CSemantics.binary(Op.DIVU, ux, uy)).isEqualTo(Integer.toUnsignedLong(Integer.divideUnsigned(x, y)));
        }
    }

    @Property
    void shiftsOfNormalisedValues(@ForAll int x, @ForAll @IntRange(min = 0, max = 31) int n) {
        assertThat(CSemantics.ext(CSemantics.binary(Op.SHL, x, n), CSemantics.EXT_S32)).isEqualTo(x << n);
        assertThat(CSemantics.binary(Op.SHRS, x, n)).isEqualTo(x >> n);
        assertThat(CSemantics.binary(Op.SHRU, Integer.toUnsignedLong(x), n))
                .isEqualTo(Integer.toUnsignedLong(x >>> n));
    }
}
