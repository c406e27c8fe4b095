package dev.spinlab.kc.rt;

import dev.spinlab.machine.Memory;
import java.io.ByteArrayOutputStream;

/**
 * printf-style formatting as glibc's printf and the kernel's vsnprintf do it for the integer,
 * character and string conversions: flags {@code - + space # 0}, width and precision (also
 * {@code *}), length modifiers {@code hh h l ll z t j}, conversions {@code d i u o x X c s p %}.
 * Arguments arrive as the 64-bit registers of the call, already promoted as C promotes
 * variadic arguments; each conversion takes the width its length modifier says.
 */
public final class CFormat {
    /** How %p prints: glibc's {@code 0x...}/{@code (nil)} for user space. */
    public enum PointerStyle { GLIBC }

    private CFormat() {}

    /**
     * The kernel's %p extensions ({@code %pS}, {@code %ps}, ...): given the letter after
     * {@code p} (or 0 for a plain {@code %p}) and the pointer, the text to print, or null to
     * print as glibc would.
     */
    @FunctionalInterface
    public interface PointerFormatter {
        String format(char extension, long pointer);
    }

    public static byte[] format(Memory mem, long fmtAddr, long[] args, int first) {
        return format(mem, fmtAddr, args, first, null);
    }

    /**
     * Where the variadic arguments come from: the i-th one (0 = the first after the format).
     * A call's own registers, or a {@code va_list}: a pointer to 8-byte slots in memory, read
     * only as far as the format consumes them (as C's va_arg does).
     */
    @FunctionalInterface
    public interface Args {
        long get(int i);

        static Args ofRegisters(long[] regs, int first) {
            return i -> first + i < regs.length ? regs[first + i] : 0;
        }

        static Args ofVaList(Memory mem, long ap) {
            return i -> mem.load(ap + 8L * i, 8, false);
        }
    }

    public static byte[] format(Memory mem, long fmtAddr, long[] args, int first, PointerFormatter pointers) {
        return format(mem, fmtAddr, Args.ofRegisters(args, first), pointers);
    }

    /** Formats with the arguments of a {@code va_list} ({@code vprintf} and friends). */
    public static byte[] formatVa(Memory mem, long fmtAddr, long vaList, PointerFormatter pointers) {
        return format(mem, fmtAddr, Args.ofVaList(mem, vaList), pointers);
    }

    /** The formatted bytes (at most {@link Out#STORED}). */
    public static byte[] format(Memory mem, long fmtAddr, Args args, PointerFormatter pointers) {
        return formatCounted(mem, fmtAddr, args, pointers).toByteArray();
    }

    /** The formatted output with its full length, for snprintf's return value. */
    public static Out formatCounted(Memory mem, long fmtAddr, Args args, PointerFormatter pointers) {
        byte[] fmt = mem.cString(fmtAddr, 1 << 16);
        Out out = new Out();
        int ai = 0;
        for (int i = 0; i < fmt.length; i++) {
            byte ch = fmt[i];
            if (ch != '%') {
                out.write(ch);
                continue;
            }
            if (i + 1 >= fmt.length) {
                out.write('%');
                break;
            }
            boolean left = false;
            boolean plus = false;
            boolean space = false;
            boolean alt = false;
            boolean zero = false;
            int j = i + 1;
            for (; j < fmt.length; j++) {
                char f = (char) fmt[j];
                if (f == '-') {
                    left = true;
                } else if (f == '+') {
                    plus = true;
                } else if (f == ' ') {
                    space = true;
                } else if (f == '#') {
                    alt = true;
                } else if (f == '0') {
                    zero = true;
                } else {
                    break;
                }
            }
            int width = -1;
            if (j < fmt.length && fmt[j] == '*') {
                width = (int) arg(args, ai++);
                if (width < 0) {
                    left = true;
                    width = -width;
                }
                j++;
            } else {
                while (j < fmt.length && Character.isDigit(fmt[j])) {
                    width = (int) Math.min(Integer.MAX_VALUE, Math.max(width, 0) * 10L + (fmt[j++] - '0'));
                }
            }
            int prec = -1;
            if (j < fmt.length && fmt[j] == '.') {
                j++;
                prec = 0;
                if (j < fmt.length && fmt[j] == '*') {
                    prec = (int) arg(args, ai++);
                    j++;
                } else {
                    while (j < fmt.length && Character.isDigit(fmt[j])) {
                        prec = (int) Math.min(Integer.MAX_VALUE, prec * 10L + (fmt[j++] - '0'));
                    }
                }
            }
            int len = 4; // bytes of the argument: int by default
            if (j < fmt.length && fmt[j] == 'h') {
                len = 2;
                j++;
                if (j < fmt.length && fmt[j] == 'h') {
                    len = 1;
                    j++;
                }
            } else if (j < fmt.length && fmt[j] == 'l') {
                len = 8;
                j++;
                if (j < fmt.length && fmt[j] == 'l') {
                    j++;
                }
            } else if (j < fmt.length && (fmt[j] == 'z' || fmt[j] == 't' || fmt[j] == 'j' || fmt[j] == 'L')) {
                len = 8;
                j++;
            }
            if (j >= fmt.length) {
                break;
            }
            char conv = (char) fmt[j];
            i = j;
            String body;
            String prefix = "";
            switch (conv) {
                case 'd': case 'i': {
                    long v = signedOf(arg(args, ai++), len);
                    body = digits(Math.abs(v) == Long.MIN_VALUE ? Long.toUnsignedString(v).replace("-", "")
                            : Long.toString(Math.abs(v)), prec);
                    if (v < 0) {
                        prefix = "-";
                    } else if (plus) {
                        prefix = "+";
                    } else if (space) {
                        prefix = " ";
                    }
                    if (v == Long.MIN_VALUE) {
                        body = digits("9223372036854775808", prec);
                    }
                    break;
                }
                case 'u':
                    body = digits(Long.toUnsignedString(unsignedOf(arg(args, ai++), len)), prec);
                    break;
                case 'o': {
                    long v = unsignedOf(arg(args, ai++), len);
                    body = digits(Long.toOctalString(v), prec);
                    if (alt && !body.startsWith("0")) {
                        body = "0" + body;
                    }
                    break;
                }
                case 'x': case 'X': {
                    long v = unsignedOf(arg(args, ai++), len);
                    body = digits(Long.toHexString(v), prec);
                    if (conv == 'X') {
                        body = body.toUpperCase(java.util.Locale.ROOT);
                    }
                    if (alt && v != 0) {
                        prefix = conv == 'X' ? "0X" : "0x";
                    }
                    break;
                }
                case 'p': {
                    long v = arg(args, ai++);
                    if (pointers != null) {
                        char ext = j + 1 < fmt.length && Character.isLetter(fmt[j + 1]) ? (char) fmt[j + 1] : 0;
                        String text = pointers.format(ext, v);
                        if (text != null) {
                            if (ext != 0) {
                                i = j + 1;
                            }
                            pad(out, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), width, left);
                            continue;
                        }
                    }
                    if (v == 0) {
                        body = "(nil)";
                        zero = false;
                    } else {
                        body = digits(Long.toHexString(v), prec);
                        prefix = "0x";
                    }
                    break;
                }
                case 'c':
                    body = null;
                    pad(out, new byte[] {(byte) arg(args, ai++)}, width, left);
                    continue;
                case 's': {
                    long p = arg(args, ai++);
                    byte[] s = p == 0 ? "(null)".getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                            : mem.cString(p, prec >= 0 ? prec : 1 << 20);
                    if (prec >= 0 && s.length > prec) {
                        s = java.util.Arrays.copyOf(s, prec);
                    }
                    pad(out, s, width, left);
                    continue;
                }
                case '%':
                    out.write('%');
                    continue;
                default:
                    // unknown conversion: printed as written, as glibc does
                    out.write('%');
                    out.write(conv);
                    continue;
            }
            int total = prefix.length() + body.length();
            if (width > total && zero && !left && prec < 0) {
                out.writeBytes(prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.fill(width - total, (byte) '0');
                out.writeBytes(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } else {
                pad(out, (prefix + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII), width, left);
            }
        }
        return out;
    }

    /**
     * The output of one call: its first {@link #STORED} bytes, and its length as C counts it.
     * A field as wide as {@code %2147483647d} is counted, not allocated (issue 18); what lies
     * past the stored bytes is padding or text that no caller can see: snprintf stores at most
     * its size, and a program's output is capped long before (kernel.Kernel).
     */
    public static final class Out extends ByteArrayOutputStream {
        /** Bytes of one formatted output kept; the rest is counted. */
        public static final int STORED = 1 << 20;
        private long total;

        @Override
        public void write(int b) {
            total++;
            if (count < STORED) {
                super.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            total += len;
            int n = Math.min(len, STORED - count);
            if (n > 0) {
                super.write(b, off, n);
            }
        }

        @Override
        public void writeBytes(byte[] b) {
            write(b, 0, b.length);
        }

        /** n copies of c, stored up to the bound and counted in full. */
        void fill(long n, byte c) {
            for (long i = 0; i < n && count < STORED; i++) {
                super.write(c);
            }
            total += n;
        }

        /** The length C's printf family returns: every byte, stored or not. */
        public long length() {
            return total;
        }
    }

    private static String digits(String d, int prec) {
        if (prec == 0 && d.equals("0")) {
            return "";
        }
        // a precision past the stored bound only adds zeros nobody sees: cap it there
        int p = Math.min(prec, Out.STORED);
        return p > d.length() ? "0".repeat(p - d.length()) + d : d;
    }

    private static void pad(Out out, byte[] s, int width, boolean left) {
        long padn = Math.max(0, (long) width - s.length);
        if (!left) {
            out.fill(padn, (byte) ' ');
        }
        out.write(s, 0, s.length);
        if (left) {
            out.fill(padn, (byte) ' ');
        }
    }

    private static long arg(Args args, int i) {
        return args.get(i);
    }

    private static long signedOf(long v, int len) {
        switch (len) {
            case 1: return (byte) v;
            case 2: return (short) v;
            case 4: return (int) v;
            default: return v;
        }
    }

    private static long unsignedOf(long v, int len) {
        switch (len) {
            case 1: return v & 0xff;
            case 2: return v & 0xffff;
            case 4: return v & 0xffffffffL;
            default: return v;
        }
    }
}
