package dev.spinlab.kc.rt;

import dev.spinlab.machine.CallEnv;
import dev.spinlab.machine.Effects;
import dev.spinlab.machine.Intrinsic;
import dev.spinlab.machine.Memory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The small C library of user programs, as intrinsics: formatted output, strings, memory and
 * the heap. Output goes to the calling context's standard output through {@link CallEnv#output}.
 * Semantics follow glibc (return values, {@code snprintf} truncation, {@code (null)} for a NULL
 * {@code %s}); faults on bad pointers are reported as the interpreter's memory faults.
 */
public final class Libc {
    private final Map<String, Intrinsic> table = new HashMap<>();

    public Libc() {
        table.put("printf", Intrinsic.declared(Effects.NONE, (env, a) -> {
            byte[] out = CFormat.format(env.memory(), a[0], a, 1);
            env.output(out);
            return out.length;
        }));
        table.put("sprintf", Intrinsic.declared(LibcEffects.SPRINTF, (env, a) -> {
            byte[] out = CFormat.format(env.memory(), a[1], a, 2);
            writeString(env.memory(), a[0], out, out.length + 1);
            return out.length;
        }));
        table.put("snprintf", Intrinsic.declared(LibcEffects.SNPRINTF, (env, a) -> {
            CFormat.Out formatted = CFormat.formatCounted(env.memory(), a[2], CFormat.Args.ofRegisters(a, 3), null);
            byte[] out = formatted.toByteArray();
            long n = a[1];
            if (n > 0) {
                writeString(env.memory(), a[0], out, n);
            }
            // C's int: a length past INT_MAX is glibc's EOVERFLOW, -1
            return formatted.length() > Integer.MAX_VALUE ? -1 : formatted.length();
        }));
        // the v* forms take a va_list: a pointer to the caller's saved variadic arguments
        table.put("vprintf", (env, a) -> {
            byte[] out = CFormat.formatVa(env.memory(), a[0], a[1], null);
            env.output(out);
            return out.length;
        });
        table.put("vsprintf", (env, a) -> {
            byte[] out = CFormat.formatVa(env.memory(), a[1], a[2], null);
            writeString(env.memory(), a[0], out, out.length + 1);
            return out.length;
        });
        table.put("vsnprintf", (env, a) -> {
            CFormat.Out formatted = CFormat.formatCounted(env.memory(), a[2],
                    CFormat.Args.ofVaList(env.memory(), a[3]), null);
            byte[] out = formatted.toByteArray();
            if (a[1] > 0) {
                writeString(env.memory(), a[0], out, a[1]);
            }
            return formatted.length() > Integer.MAX_VALUE ? -1 : formatted.length();
        });
        table.put("puts", Intrinsic.declared(Effects.NONE, (env, a) -> {
            byte[] s = env.memory().cString(a[0], 1 << 20);
            byte[] out = java.util.Arrays.copyOf(s, s.length + 1);
            out[s.length] = '\n';
            env.output(out);
            return out.length;
        }));
        table.put("putchar", Intrinsic.declared(Effects.NONE, (env, a) -> {
            env.output(new byte[] {(byte) a[0]});
            return a[0] & 0xff;
        }));
        table.put("strlen", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.READS_STRING, (env, a) -> env.memory().cString(a[0], Integer.MAX_VALUE).length));
        table.put("strcmp", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.STRCMP, (env, a) -> compare(env.memory(), a[0], a[1], Long.MAX_VALUE)));
        table.put("strncmp", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.STRNCMP, (env, a) -> compare(env.memory(), a[0], a[1], a[2])));
        table.put("strcpy", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.STRCPY, (env, a) -> {
            byte[] s = env.memory().cString(a[1], Integer.MAX_VALUE);
            writeString(env.memory(), a[0], s, s.length + 1);
            return a[0];
        }));
        table.put("strncpy", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.STRNCPY, (env, a) -> {
            Memory m = env.memory();
            byte[] s = m.cString(a[1], (int) Math.min(a[2], Integer.MAX_VALUE));
            for (long i = 0; i < a[2]; i++) {
                m.store(a[0] + i, 1, i < s.length ? s[(int) i] : 0);
            }
            return a[0];
        }));
        table.put("strcat", (env, a) -> {
            Memory m = env.memory();
            long end = a[0] + m.cString(a[0], Integer.MAX_VALUE).length;
            byte[] s = m.cString(a[1], Integer.MAX_VALUE);
            writeString(m, end, s, s.length + 1);
            return a[0];
        });
        table.put("strchr", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.READS_STRING, (env, a) -> {
            Memory m = env.memory();
            byte want = (byte) a[1];
            for (long p = a[0];; p++) {
                byte b = (byte) m.load(p, 1, false);
                if (b == want) {
                    return p;
                }
                if (b == 0) {
                    return 0;
                }
            }
        }));
        table.put("memcpy", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.COPY, (env, a) -> {
            env.memory().copy(a[0], a[1], a[2]);
            return a[0];
        }));
        table.put("memmove", table.get("memcpy"));
        table.put("memset", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.SET, (env, a) -> {
            env.memory().fill(a[0], a[2], (byte) a[1]);
            return a[0];
        }));
        table.put("memcmp", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.COMPARE, (env, a) -> {
            Memory m = env.memory();
            for (long i = 0; i < a[2]; i++) {
                int x = (int) m.load(a[0] + i, 1, false);
                int y = (int) m.load(a[1] + i, 1, false);
                if (x != y) {
                    return x - y;
                }
            }
            return 0;
        }));
        table.put("atoi", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, LibcEffects.READS_STRING, (env, a) -> atoi(env.memory().cString(a[0], 1 << 16))));
        table.put("abs", (env, a) -> Math.abs((int) a[0]));
        // gcc's -fsanitize=undefined runtime (libubsan) for the checks the compiler makes
        // (FunctionCompiler.sanitize): the report on the program's output, once per site
        // (a division by zero is left to the fault that follows: its report is already the
        // runtime error line gcc's runtime prints)
        table.put("__ubsan_handle_divrem_overflow", (env, a) -> {
            if ((a[0] & 1) != 0 && a[2] == -1) {
                ubsanReport(env, "division of " + ubsanValue(a[0], a[1]) + " by -1 cannot be represented in type "
                        + ubsanTypeName(a[0]));
            }
            return 0;
        });
        table.put("__ubsan_handle_shift_out_of_bounds", (env, a) -> {
            boolean negative = (a[1] & 1) != 0 && a[3] < 0;
            String what = negative ? "shift exponent " + ubsanValue(a[1], a[3]) + " is negative"
                    : "shift exponent " + ubsanValue(a[1], a[3]) + " is too large for " + (1 << ((a[0] >> 1) & 0x7f))
                            + "-bit type " + ubsanTypeName(a[0]);
            ubsanReport(env, what);
            return 0;
        });
        table.put("malloc", Intrinsic.declared(LibcEffects.ALLOCATES, (env, a) -> Heap.malloc(env.memory(), a[0])));
        table.put("calloc", Intrinsic.declared(LibcEffects.ALLOCATES, (env, a) -> Heap.malloc(env.memory(), a[0] * a[1])));
        table.put("free", Intrinsic.declared(LibcEffects.FREES, (env, a) -> {
            Heap.free(env.memory(), a[0], "free");
            return 0;
        }));
        table.put("exit", (env, a) -> {
            env.exit((int) a[0]);
            return 0;
        });
        table.put("abort", (env, a) -> {
            env.exit(134);
            return 0;
        });
    }

    /** The intrinsic of that name, or null. */
    public Intrinsic lookup(String name) {
        return table.get(name);
    }

    private static void writeString(Memory m, long dst, byte[] s, long limit) {
        long n = Math.min(s.length, limit - 1);
        for (int i = 0; i < n; i++) {
            m.store(dst + i, 1, s[i]);
        }
        m.store(dst + n, 1, 0);
    }

    private static long compare(Memory m, long x, long y, long n) {
        for (long i = 0; i < n; i++) {
            int a = (int) m.load(x + i, 1, false);
            int b = (int) m.load(y + i, 1, false);
            if (a != b) {
                return a - b;
            }
            if (a == 0) {
                return 0;
            }
        }
        return 0;
    }

    private static long atoi(byte[] s) {
        String t = new String(s, StandardCharsets.US_ASCII).stripLeading();
        int i = 0;
        boolean neg = false;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            neg = t.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            v = v * 10 + (t.charAt(i++) - '0');
        }
        return (int) (neg ? -v : v);
    }

    /** Sites that have reported (libubsan reports each source location once). */
    private final java.util.Set<String> ubsanReported = new java.util.HashSet<>();

    private void ubsanReport(CallEnv env, String what) {
        String site = env.callSite();
        if (ubsanReported.add(site)) {
            env.output((site + ": runtime error: " + what + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final String[] UBSAN_TYPES = {
        "'int'", "'unsigned int'", "'long int'", "'long unsigned int'", "'long long int'", "'long long unsigned int'"};

    /** gcc's name of the type a packed descriptor (FunctionCompiler.ubsanType) stands for. */
    static String ubsanTypeName(long type) {
        int i = (int) (type >> 8);
        return i >= 0 && i < UBSAN_TYPES.length ? UBSAN_TYPES[i] : "'<unknown>'";
    }

    /** A value of the described type, as libubsan prints it. */
    static String ubsanValue(long type, long v) {
        int bits = 1 << ((type >> 1) & 0x7f);
        if ((type & 1) != 0) {
            return Long.toString(bits < 64 ? (v << (64 - bits)) >> (64 - bits) : v);
        }
        return Long.toUnsignedString(bits < 64 ? v & ((1L << bits) - 1) : v);
    }
}
