package dev.spinlab.kc.rt;

import dev.spinlab.machine.AccessObserver;
import dev.spinlab.machine.Effects;
import dev.spinlab.machine.MachineState;

/**
 * The effects of the C library's string, memory and formatting functions (Libc), declared
 * beside them: the bytes each reads and writes, measured on the machine before the call. A
 * call that would fault touches less, never more; a conversion that reads memory some other
 * way (%n, a %p extension) is declared unknown.
 */
public final class LibcEffects {
    private LibcEffects() {}

    /** Past this, a declared range is unknown to the observer anyway (check's Footprint). */
    private static final long UNKNOWN = 1 << 21;

    /** (to, from, n): reads n bytes at from, writes n bytes at to (memcpy, memmove, user copies). */
    public static final Effects COPY = (m, cpu, a, obs) -> {
        obs.range(a[1], a[2], false);
        obs.range(a[0], a[2], true);
    };
    static final Effects SET = (m, cpu, a, obs) -> obs.range(a[0], a[2], true);
    static final Effects COMPARE = (m, cpu, a, obs) -> {
        obs.range(a[0], a[2], false);
        obs.range(a[1], a[2], false);
    };
    /** Reads the string at the first argument (strlen, atoi, strchr). */
    static final Effects READS_STRING = (m, cpu, a, obs) -> obs.range(a[0], strSize(m, a[0], Long.MAX_VALUE), false);
    static final Effects STRCMP = (m, cpu, a, obs) -> {
        obs.range(a[0], strSize(m, a[0], Long.MAX_VALUE), false);
        obs.range(a[1], strSize(m, a[1], Long.MAX_VALUE), false);
    };
    static final Effects STRNCMP = (m, cpu, a, obs) -> {
        obs.range(a[0], strSize(m, a[0], a[2]), false);
        obs.range(a[1], strSize(m, a[1], a[2]), false);
    };
    static final Effects STRCPY = (m, cpu, a, obs) -> {
        long n = strSize(m, a[1], Long.MAX_VALUE);
        obs.range(a[1], n, false);
        obs.range(a[0], n, true);
    };
    static final Effects STRNCPY = (m, cpu, a, obs) -> {
        obs.range(a[1], strSize(m, a[1], a[2]), false);
        obs.range(a[0], a[2], true);
    };
    /** snprintf(buf, n, fmt, ...): the format, each %s string, and the buffer. */
    static final Effects SNPRINTF = (m, cpu, a, obs) -> {
        formatReads(m, obs, a, 2, 3);
        obs.range(a[0], a[1], true);
    };
    /** sprintf(buf, fmt, ...): the format, each %s string, and as much buffer as the output can take. */
    static final Effects SPRINTF = (m, cpu, a, obs) -> obs.range(a[0], formatReads(m, obs, a, 1, 2), true);
    /** The heap's bump pointer (malloc, calloc). */
    static final Effects ALLOCATES = (m, cpu, a, obs) -> {
        obs.register(dev.spinlab.machine.Register.HEAP, 0, false);
        obs.register(dev.spinlab.machine.Register.HEAP, 0, true);
    };
    /** free(p): the block and its header. */
    public static final Effects FREES = (m, cpu, a, obs) -> {
        long size = Heap.liveBlockSize(m.mem, a[0]);
        if (size < 0) {
            obs.undeclared("free of a non-block");
        } else {
            obs.range(a[0] - 24, size + 24, true);
        }
    };

    /** Bytes of the C string at addr including its NUL, at most max (what str* functions touch). */
    static long strSize(MachineState m, long addr, long max) {
        try {
            long n = m.mem.cString(addr, (int) Math.min(max, 1 << 20)).length;
            return Math.min(n + 1, max);
        } catch (RuntimeException e) {
            return UNKNOWN; // a bad pointer: the call will fault; stay conservative
        }
    }

    /**
     * Declares what formatting a[fmt] with arguments from a[first] reads: the format string and
     * each %s argument's string. Returns an upper bound of the output's length (with its NUL).
     */
    public static long formatReads(MachineState m, AccessObserver obs, long[] a, int fmt, int first) {
        long n = strSize(m, a[fmt], Long.MAX_VALUE);
        obs.range(a[fmt], n, false);
        if (n >= UNKNOWN) {
            return UNKNOWN;
        }
        byte[] s = m.mem.cString(a[fmt], 1 << 16);
        int ai = first;
        long out = s.length + 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] != '%') {
                continue;
            }
            int j = i + 1;
            while (j < s.length && "-+ #0".indexOf(s[j]) >= 0) {
                j++;
            }
            for (int part = 0; part < 2; part++) { // width, then precision after a '.'
                if (part == 1) {
                    if (j >= s.length || s[j] != '.') {
                        break;
                    }
                    j++;
                }
                if (j < s.length && s[j] == '*') {
                    ai++;
                    j++;
                }
                while (j < s.length && Character.isDigit(s[j])) {
                    out += 1000;
                    j++;
                }
            }
            while (j < s.length && "hlztjL".indexOf(s[j]) >= 0) {
                j++;
            }
            if (j >= s.length) {
                break;
            }
            char conv = (char) s[j];
            i = j;
            if (conv == '%') {
                continue;
            }
            if (conv == 'n' || (conv == 'p' && j + 1 < s.length && Character.isLetter(s[j + 1]))) {
                obs.undeclared("format conversion %" + conv);
                return UNKNOWN;
            }
            long arg = ai < a.length ? a[ai] : 0;
            ai++;
            if (conv == 's' && arg != 0) {
                long len = strSize(m, arg, Long.MAX_VALUE);
                obs.range(arg, len, false);
                out += len;
            } else {
                out += 64; // a number or pointer in any base
            }
        }
        return out;
    }
}
