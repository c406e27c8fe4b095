package dev.spinlab.kernel;

import dev.spinlab.kc.rt.CFormat;
import dev.spinlab.kc.rt.Heap;
import dev.spinlab.machine.CallEnv;
import dev.spinlab.machine.Intrinsic;
import java.util.Map;

/*
 * Implementation notes.
 *
 * lib/vsprintf.c's variadic functions and the allocator's block size, as machine primitives:
 * the model's compiler has no variadic function definitions (va_list) yet, so these cannot be
 * C. They follow the kernel's contracts: scnprintf() returns what it wrote (never more than
 * size - 1), kasprintf() allocates the formatted string, sscanf() is the kernel's vsscanf()
 * (whitespace in the format matches any run of whitespace; %d %i %u %x %X %o %c %s %n with
 * hh/h/l/ll/z/L/j/t qualifiers, field widths and '*' suppression; it stops at the first
 * mismatch and returns the number of values assigned).
 */
final class VsprintfIntrinsics {
    private VsprintfIntrinsics() {}

    static void register(Map<String, Intrinsic> table, KernelIntrinsicsFormat fmt) {
        table.put("scnprintf", (env, a) -> {
            byte[] out = fmt.format(env, a, 2);
            long size = a[1];
            if (size <= 0) {
                return 0;
            }
            int n = (int) Math.min(out.length, size - 1);
            store(env, a[0], out, n);
            return n;
        });
        table.put("kasprintf", (env, a) -> {
            byte[] s = fmt.format(env, a, 1);
            long p = Heap.malloc(env.memory(), s.length + 1, AllocArenas.of(env.state(), env.cpu()));
            store(env, p, s, s.length);
            return p;
        });
        table.put("__spinlab_ksize", (env, a) -> Heap.blockSize(env.memory(), a[0], "ksize"));
        table.put("sscanf", VsprintfIntrinsics::sscanf);
    }

    /** The formatter of printk's (the kernel's %p extensions). */
    interface KernelIntrinsicsFormat {
        byte[] format(CallEnv env, long[] args, int fmtIndex);
    }

    /** Writes n bytes and a terminating NUL (a store the race monitor sees). */
    private static void store(CallEnv env, long addr, byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            env.memory().store(addr + i, 1, b[i]);
        }
        env.memory().store(addr + n, 1, 0);
        env.state().noteStore(env.cpu(), addr, n + 1);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int digit(int c, int base) {
        int v = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'z' ? c - 'a' + 10
                : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
        return v < base ? v : -1;
    }

    private static long sscanf(CallEnv env, long[] a) {
        byte[] buf = env.memory().cString(a[0], 1 << 20);
        byte[] fmt = env.memory().cString(a[1], 1 << 16);
        int arg = 2;
        int s = 0;
        int f = 0;
        int num = 0;
        while (f < fmt.length) {
            int fc = fmt[f] & 0xff;
            if (isSpace(fc)) {
                while (f < fmt.length && isSpace(fmt[f])) {
                    f++;
                }
                while (s < buf.length && isSpace(buf[s])) {
                    s++;
                }
                continue;
            }
            if (fc != '%' || (f + 1 < fmt.length && fmt[f + 1] == '%')) {
                if (fc == '%') {
                    f++;
                }
                if (s >= buf.length || buf[s] != fmt[f]) {
                    return num;
                }
                s++;
                f++;
                continue;
            }
            f++; // past '%'
            boolean suppress = false;
            if (f < fmt.length && fmt[f] == '*') {
                suppress = true;
                f++;
            }
            int width = -1;
            while (f < fmt.length && fmt[f] >= '0' && fmt[f] <= '9') {
                width = (width < 0 ? 0 : width * 10) + (fmt[f] - '0');
                f++;
            }
            int size = 4; // int
            if (f < fmt.length) {
                switch (fmt[f]) {
                    case 'h':
                        size = 2;
                        f++;
                        if (f < fmt.length && fmt[f] == 'h') {
                            size = 1;
                            f++;
                        }
                        break;
                    case 'l':
                        size = 8;
                        f++;
                        if (f < fmt.length && fmt[f] == 'l') {
                            f++;
                        }
                        break;
                    case 'L': case 'z': case 'Z': case 'j': case 't':
                        size = 8;
                        f++;
                        break;
                    default:
                        break;
                }
            }
            if (f >= fmt.length) {
                return num;
            }
            int conv = fmt[f++] & 0xff;
            if (conv == 'n') {
                if (!suppress) {
                    store(env, a[arg++], size, s);
                }
                continue;
            }
            if (s >= buf.length) {
                return num;
            }
            if (conv == 'c') {
                int w = width < 0 ? 1 : width;
                if (s + w > buf.length) {
                    return num;
                }
                if (!suppress) {
                    long p = a[arg++];
                    for (int i = 0; i < w; i++) {
                        env.memory().store(p + i, 1, buf[s + i]);
                    }
                    env.state().noteStore(env.cpu(), p, w);
                    num++;
                }
                s += w;
                continue;
            }
            // every other conversion skips leading whitespace first
            while (s < buf.length && isSpace(buf[s])) {
                s++;
            }
            if (s >= buf.length) {
                return num;
            }
            if (conv == 's') {
                int w = width < 0 ? Integer.MAX_VALUE : width;
                int start = s;
                while (s < buf.length && !isSpace(buf[s]) && s - start < w) {
                    s++;
                }
                if (!suppress) {
                    long p = a[arg++];
                    byte[] out = java.util.Arrays.copyOfRange(buf, start, s);
                    store(env, p, out, out.length);
                    num++;
                }
                continue;
            }
            int base;
            boolean signed;
            switch (conv) {
                case 'd': base = 10; signed = true; break;
                case 'i': base = 0; signed = true; break;
                case 'u': base = 10; signed = false; break;
                case 'x': case 'X': base = 16; signed = false; break;
                case 'o': base = 8; signed = false; break;
                default: return num; // an unknown conversion ends the scan, as in the kernel
            }
            int end = width < 0 ? buf.length : Math.min(buf.length, s + width);
            int p = s;
            boolean neg = false;
            if (signed && p < end && buf[p] == '-') {    // only signed conversions take a sign
                neg = true;
                p++;
            }
            if (base == 0) {
                if (p < end && buf[p] == '0') {
                    base = p + 1 < end && (buf[p + 1] == 'x' || buf[p + 1] == 'X') && p + 2 < end && digit(buf[p + 2], 16) >= 0 ? 16 : 8;
                } else {
                    base = 10;
                }
            }
            if (base == 16 && p + 2 < end && buf[p] == '0' && (buf[p + 1] == 'x' || buf[p + 1] == 'X') && digit(buf[p + 2], 16) >= 0) {
                p += 2;
            }
            if (p >= end || digit(buf[p], base) < 0) {
                return num;
            }
            long v = 0;
            while (p < end && digit(buf[p], base) >= 0) {
                v = v * base + digit(buf[p], base);
                p++;
            }
            if (neg) {
                v = -v;
            }
            s = p;
            if (!suppress) {
                store(env, a[arg++], size, v);
                num++;
            }
        }
        return num;
    }

    private static void store(CallEnv env, long addr, int size, long v) {
        env.memory().store(addr, size, v);
        env.state().noteStore(env.cpu(), addr, size);
    }
}
