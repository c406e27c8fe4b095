package dev.spinlab.machine;

/** 64-bit hashing for state fingerprints: SplitMix64's finalizer (mix), and xxHash64-style rounds over arrays. */
public final class Fingerprint {
    private Fingerprint() {}

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    /**
     * One round per element (as xxHash64's: the element times a prime, added, rotated, times
     * another prime; the first multiply is off the dependency chain), then the full mix. The
     * arrays are a context's registers and frames, hashed for every state a step makes. A
     * cheaper round of an xor, a rotation and one multiply let a flip of the top bit cancel
     * against one in the next element.
     */
    public static long ofArray(long seed, long[] a, int n) {
        long h = mix(seed + n);
        for (int i = 0; i < n; i++) {
            h = Long.rotateLeft(h + a[i] * P2, 31) * P1;
        }
        return mix(h);
    }

    private static final java.lang.invoke.VarHandle WORDS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * The 8-byte words of b (its length a multiple of 32) in four interleaved lanes of
     * ofArray's round, so that the lanes run in parallel on the CPU, then the full mix. A memory
     * block is hashed for every state a step writes it in: this is the hot loop.
     */
    public static long ofWords(long seed, byte[] b) {
        long h0 = mix(seed), h1 = mix(seed + 1), h2 = mix(seed + 2), h3 = mix(seed + 3);
        for (int i = 0; i < b.length; i += 32) {
            h0 = Long.rotateLeft(h0 + (long) WORDS.get(b, i) * P2, 31) * P1;
            h1 = Long.rotateLeft(h1 + (long) WORDS.get(b, i + 8) * P2, 31) * P1;
            h2 = Long.rotateLeft(h2 + (long) WORDS.get(b, i + 16) * P2, 31) * P1;
            h3 = Long.rotateLeft(h3 + (long) WORDS.get(b, i + 24) * P2, 31) * P1;
        }
        return mix(mix(mix(mix(h0) + h1) + h2) + h3);
    }

    public static long ofArray(long seed, int[] a, int n) {
        long h = mix(seed + n);
        for (int i = 0; i < n; i++) {
            h = mix(h ^ a[i]) + i;
        }
        return h;
    }
}
