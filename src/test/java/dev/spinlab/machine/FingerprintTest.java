package dev.spinlab.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The search keeps fingerprints, not states, so two states whose hashes collide are one. These
 * hashes must separate small, structured differences: every change of one bit, and of one bit
 * in each of two elements that meet in the same chain (a flip that a weak round turns into a
 * top-bit difference, cancelled by a top-bit flip of the next element).
 */
class FingerprintTest {
    @Test
    void ofWordsSeparatesEveryOneBitChangeAndWordOrder() {
        byte[] block = new byte[2048];
        new Random(7).nextBytes(block);
        Set<Long> seen = new HashSet<>();
        seen.add(Fingerprint.ofWords(1, block));
        for (int bit = 0; bit < block.length * 8; bit++) {
            flip(block, bit);
            assertThat(seen.add(Fingerprint.ofWords(1, block))).as("bit %d", bit).isTrue();
            flip(block, bit);
        }
        byte[] swapped = block.clone();
        for (int i = 0; i < 8; i++) { // swap words 0 and 4, both in the first lane
            byte t = swapped[i];
            swapped[i] = swapped[32 + i];
            swapped[32 + i] = t;
        }
        assertThat(Fingerprint.ofWords(1, swapped)).isNotEqualTo(Fingerprint.ofWords(1, block));
        assertThat(Fingerprint.ofWords(2, block)).isNotEqualTo(Fingerprint.ofWords(1, block));
    }

    @Test
    void ofWordsSeparatesOneBitChangesInTwoWordsOfOneLane() {
        byte[] block = new byte[1024];
        new Random(11).nextBytes(block);
        long original = Fingerprint.ofWords(1, block);
        Set<Long> seen = new HashSet<>();
        for (int a = 0; a < 64; a++) {
            for (int b = 0; b < 64; b++) {
                flip(block, a);
                flip(block, 256 + b); // word 4: the next word of word 0's lane
                long h = Fingerprint.ofWords(1, block);
                assertThat(h).as("bits %d and %d", a, 256 + b).isNotEqualTo(original);
                assertThat(seen.add(h)).as("bits %d and %d", a, 256 + b).isTrue();
                flip(block, a);
                flip(block, 256 + b);
            }
        }
    }

    @Test
    void ofArraySeparatesOneBitChangesInTwoAdjacentElements() {
        long[] regs = new Random(5).longs(40).toArray();
        long original = Fingerprint.ofArray(1, regs, regs.length);
        Set<Long> seen = new HashSet<>();
        for (int a = 0; a < 64; a++) {
            for (int b = 0; b < 64; b++) {
                regs[10] ^= 1L << a;
                regs[11] ^= 1L << b;
                long h = Fingerprint.ofArray(1, regs, regs.length);
                assertThat(h).as("bits %d and %d", a, b).isNotEqualTo(original);
                assertThat(seen.add(h)).as("bits %d and %d", a, b).isTrue();
                regs[10] ^= 1L << a;
                regs[11] ^= 1L << b;
            }
        }
        assertThat(Fingerprint.ofArray(1, regs, regs.length - 1)).isNotEqualTo(original);
    }

    private static void flip(byte[] b, int bit) {
        b[bit >>> 3] ^= (byte) (1 << (bit & 7));
    }
}
