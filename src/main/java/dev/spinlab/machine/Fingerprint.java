package dev.spinlab.machine;

/** 64-bit mixing for state fingerprints (the finalizer of SplitMix64). */
public final class Fingerprint {
    private Fingerprint() {}

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One multiply and a rotation per element (the arrays are a context's registers and frames,
     * hashed for every state a step makes), then the full mix.
     */
    public static long ofArray(long seed, long[] a, int n) {
        long h = mix(seed + n);
        for (int i = 0; i < n; i++) {
            h = Long.rotateLeft(h ^ a[i], 29) * 0x9E3779B97F4A7C15L + i;
        }
        return mix(h);
    }

    public static long ofArray(long seed, int[] a, int n) {
        long h = mix(seed + n);
        for (int i = 0; i < n; i++) {
            h = mix(h ^ a[i]) + i;
        }
        return h;
    }
}
