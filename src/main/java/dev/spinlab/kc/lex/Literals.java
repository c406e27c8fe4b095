package dev.spinlab.kc.lex;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.type.IntType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Decoding of integer, character and string literal spellings (C11 6.4.4, 6.4.5). */
public final class Literals {
    private Literals() {}

    /** An integer constant's value and type, chosen as C11 6.4.4.1 says for LP64. */
    public record IntValue(long value, IntType type) {}

    public static IntValue parseInteger(Token t) {
        String s = t.text();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        int end = lower.length();
        boolean u = false;
        int longs = 0;
        while (end > 0) {
            char c = lower.charAt(end - 1);
            if (c == 'u' && !u) {
                u = true;
                end--;
            } else if (c == 'l' && longs < 2) {
                longs++;
                end--;
            } else {
                break;
            }
        }
        String digits = lower.substring(0, end);
        int radix = 10;
        boolean decimal = true;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
            decimal = false;
        } else if (digits.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
            decimal = false;
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
            decimal = false;
        }
        BigInteger v;
        try {
            if (digits.isEmpty()) {
                throw new NumberFormatException();
            }
            v = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            throw new CompileError(t.loc(), "invalid integer constant '" + s + "'");
        }
        if (v.bitLength() > 64) {
            throw new CompileError(t.loc(), "integer constant is too large for its type");
        }
        long val = v.longValue();
        boolean fitsInt = v.bitLength() <= 31;
        boolean fitsUint = v.bitLength() <= 32;
        boolean fitsLong = v.bitLength() <= 63;
        IntType type;
        if (longs == 0 && !u) {
            type = fitsInt ? IntType.INT : (!decimal && fitsUint) ? IntType.UINT
                    : fitsLong ? IntType.LONG : IntType.ULONG;
        } else if (longs == 0) {
            type = fitsUint ? IntType.UINT : IntType.ULONG;
        } else if (!u) {
            IntType l = longs == 2 ? IntType.LLONG : IntType.LONG;
            IntType ul = longs == 2 ? IntType.ULLONG : IntType.ULONG;
            type = fitsLong ? l : ul;
        } else {
            type = longs == 2 ? IntType.ULLONG : IntType.ULONG;
        }
        return new IntValue(val, type);
    }

    /** A character constant's value: type int, a plain char sign-extended as gcc does. */
    public static long parseChar(Token t) {
        String s = t.text();
        int q = s.indexOf('\'');
        byte[] bytes = decode(t, s.substring(q + 1, s.length() - 1));
        if (bytes.length == 0) {
            throw new CompileError(t.loc(), "empty character constant");
        }
        if (q > 0) {
            return bytes[0] & 0xff; // wide: no multibyte support, value of first byte
        }
        if (bytes.length == 1) {
            return bytes[0]; // sign-extended: char is signed
        }
        long v = 0; // multi-character constant, gcc's value
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xff);
        }
        return (int) v;
    }

    /** A string literal's bytes, without the terminating NUL. */
    public static byte[] parseString(Token t) {
        String s = t.text();
        int q = s.indexOf('"');
        return decode(t, s.substring(q + 1, s.length() - 1));
    }

    private static byte[] decode(Token t, String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                i += SourceBytes.appendUtf8(body, i, out) - 1; // the source's bytes, as gcc copies them
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n': out.write('\n'); break;
                case 't': out.write('\t'); break;
                case 'r': out.write('\r'); break;
                case 'a': out.write(7); break;
                case 'b': out.write('\b'); break;
                case 'f': out.write('\f'); break;
                case 'v': out.write(11); break;
                case 'e': out.write(27); break;
                case '\\': out.write('\\'); break;
                case '\'': out.write('\''); break;
                case '"': out.write('"'); break;
                case '?': out.write('?'); break;
                case 'x': {
                    int v = 0;
                    int n = 0;
                    while (i + 1 < body.length() && Character.digit(body.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(body.charAt(++i), 16);
                        n++;
                    }
                    if (n == 0) {
                        throw new CompileError(t.loc(), "\\x used with no following hex digits");
                    }
                    out.write(v & 0xff);
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i + 1 < body.length()
                                && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7'; k++) {
                            v = v * 8 + (body.charAt(++i) - '0');
                        }
                        out.write(v & 0xff);
                    } else {
                        throw new CompileError(t.loc(), "unknown escape sequence: '\\" + e + "'");
                    }
            }
        }
        return out.toByteArray();
    }
}
