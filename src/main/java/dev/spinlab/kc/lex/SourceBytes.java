package dev.spinlab.kc.lex;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Source files as gcc reads them: bytes. Valid UTF-8 becomes the characters it encodes (gcc 12
 * accepts UTF-8 in identifiers, strings and comments); any other byte b becomes the lone
 * surrogate U+DC00+b, which no decoder produces, so a string literal gets back the exact byte
 * ({@link #appendUtf8}) and a comment can hold anything. A UTF-8 byte-order mark at the start is
 * dropped, as gcc does.
 */
public final class SourceBytes {
    private SourceBytes() {}

    private static final char RAW = 0xDC00;

    public static String decode(byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from + 1);
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put((char) (RAW + (in.get() & 0xff)));
                }
            }
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    /** True for a character standing for one raw byte that was not UTF-8. */
    public static boolean isRawByte(char c) {
        return c >= RAW + 0x80 && c <= RAW + 0xff;
    }

    /**
     * Appends the bytes of s[i] (and of its low surrogate, for a pair) to out; returns how many
     * characters it took (1 or 2).
     */
    public static int appendUtf8(String s, int i, ByteArrayOutputStream out) {
        char c = s.charAt(i);
        if (isRawByte(c)) {
            out.write(c - RAW);
            return 1;
        }
        int n = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
        byte[] enc = s.substring(i, i + n).getBytes(StandardCharsets.UTF_8);
        out.write(enc, 0, enc.length);
        return n;
    }
}
