package dev.spinlab.kc.lex;

import dev.spinlab.kc.diag.CompileError;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits C source text into preprocessing tokens (C11 6.4), tracking line and column.
 * Comments become white space; backslash-newline splices are honoured. The preprocessor
 * uses {@link #next()} with {@link #atLineStart()} to find directives; the parser's tests may
 * use {@link #lex} directly on text without directives.
 */
public final class Lexer {
    private static final String[] PUNCTS = {
        "%:%:", "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:",
        "[", "]", "(", ")", "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%", "<", ">", "^", "|",
        "?", ":", ";", "=", ",", "#"
    };

    private final String file;
    private final String src;
    private int pos;
    private int line = 1;
    private int col = 1;
    private boolean lineStart = true;
    private boolean tokenAtLineStart;
    /** Blanks consumed by {@link #moreOnLine()} count as space before the next token. */
    private boolean blankPending;
    private boolean skippedAny;

    public Lexer(String file, String text) {
        this.file = file;
        this.src = text;
    }

    /** All tokens of a text with no preprocessing directives, ending with EOF. */
    public static List<Token> lex(String file, String text) {
        Lexer lx = new Lexer(file, text);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (t.kind() != TokenKind.EOF);
        return out;
    }

    /** True when the token last returned by {@link #next()} was the first on its line. */
    public boolean atLineStart() {
        return tokenAtLineStart;
    }

    public String file() {
        return file;
    }

    /** The raw rest of the current line (for #error and friends), consuming it. */
    public String restOfLine() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = peekc(0);
            if (c < 0 || c == '\n') {
                break;
            }
            sb.append((char) getc());
        }
        return sb.toString().trim();
    }

    /** Skips white space and comments but not newlines; true if the line has more tokens. */
    public boolean moreOnLine() {
        boolean sawNewline = skipSpace(true);
        blankPending |= skippedAny;
        return !sawNewline && peekc(0) >= 0 && peekc(0) != '\n';
    }

    /** True when only white space and comments remain. */
    public boolean atEnd() {
        skipSpace(false);
        blankPending |= skippedAny;
        return peekc(0) < 0;
    }

    /**
     * At the start of a line: skips blanks and comments and says whether the line begins with
     * {@code #} (or the digraph {@code %:}), i.e. is a directive. Used while skipping a group,
     * where the rest of a non-directive line must not be lexed strictly (C11 6.10p4 only asks
     * skipped lines to be scanned for directives; gcc tolerates stray quotes there).
     */
    public boolean lineStartsWithHash() {
        skipSpace(true);
        int c = peekc(0);
        return c == '#' || (c == '%' && peekc(1) == ':');
    }

    /** Whether the next character starts an identifier (a directive name, say). */
    public boolean atIdentifier() {
        return isIdentStart(peekc(0));
    }

    /**
     * Consumes the rest of the current line and its newline without producing tokens,
     * tolerating unterminated quotes; block comments that continue past the line are skipped whole.
     */
    public void skipLine() {
        while (true) {
            int c = peekc(0);
            if (c < 0) {
                break;
            }
            if (c == '\n') {
                getc();
                break;
            }
            if (c == '/' && peekc(1) == '*') {
                skipSpace(true);
                continue;
            }
            if (c == '/' && peekc(1) == '/') {
                while (peekc(0) >= 0 && peekc(0) != '\n') {
                    getc();
                }
                continue;
            }
            getc();
            if (c == '"' || c == '\'') {
                while (peekc(0) >= 0 && peekc(0) != '\n' && peekc(0) != c) {
                    if (getc() == '\\' && peekc(0) >= 0 && peekc(0) != '\n') {
                        getc();
                    }
                }
                if (peekc(0) == c) {
                    getc();
                }
            }
        }
        lineStart = true;
        blankPending = false;
    }

    /**
     * If the rest of the line starts with {@code <}, consumes and returns the raw text up to the
     * closing {@code >} (a header-name, C11 6.4.7, which is not made of ordinary tokens);
     * otherwise returns null and consumes only blanks. An unclosed name returns the raw rest.
     */
    public String angledHeaderName() {
        if (!moreOnLine() || peekc(0) != '<') {
            return null;
        }
        getc();
        StringBuilder sb = new StringBuilder();
        while (peekc(0) >= 0 && peekc(0) != '\n' && peekc(0) != '>') {
            sb.append((char) getc());
        }
        if (peekc(0) == '>') {
            getc();
            return sb.toString();
        }
        return null;
    }

    public Token next() {
        boolean space = skipSpace(false) | blankPending;
        blankPending = false;
        tokenAtLineStart = lineStart;
        lineStart = false;
        consumeSplices(); // a token may start right after a backslash-newline
        SrcLoc loc = new SrcLoc(file, line, col);
        int c = peekc(0);
        if (c < 0) {
            return new Token(TokenKind.EOF, "", loc, space);
        }
        StringBuilder sb = new StringBuilder();
        if (isIdentStart(c)) {
            // String/char prefixes L, u, U, u8
            if ((c == 'L' || c == 'U' || c == 'u') && (peekc(1) == '"' || peekc(1) == '\'')) {
                sb.append((char) getc());
                return quoted(sb, loc, space);
            }
            if (c == 'u' && peekc(1) == '8' && peekc(2) == '"') {
                sb.append((char) getc()).append((char) getc());
                return quoted(sb, loc, space);
            }
            while (isIdentPart(peekc(0))) {
                sb.append((char) getc());
            }
            return new Token(TokenKind.IDENT, sb.toString(), loc, space);
        }
        if (isDigit(c) || (c == '.' && isDigit(peekc(1)))) {
            // pp-number: digits, letters, '.', and e+ E- p+ P- sign pairs
            boolean isFloat = false;
            while (true) {
                int d = peekc(0);
                if ((d == '+' || d == '-') && sb.length() > 0) {
                    char prev = Character.toLowerCase(sb.charAt(sb.length() - 1));
                    boolean hex = sb.length() > 1 && (sb.charAt(1) == 'x' || sb.charAt(1) == 'X');
                    if ((prev == 'e' && !hex) || prev == 'p') {
                        isFloat = true;
                        sb.append((char) getc());
                        continue;
                    }
                    break;
                }
                if (isIdentPart(d) || d == '.') {
                    if (d == '.') {
                        isFloat = true;
                    }
                    sb.append((char) getc());
                } else {
                    break;
                }
            }
            String text = sb.toString();
            boolean hex = text.startsWith("0x") || text.startsWith("0X");
            if (!hex && (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)) {
                isFloat = true;
            }
            if (hex && (text.indexOf('p') >= 0 || text.indexOf('P') >= 0)) {
                isFloat = true;
            }
            return new Token(isFloat ? TokenKind.FLOAT_LIT : TokenKind.INT_LIT, text, loc, space);
        }
        if (c == '"' || c == '\'') {
            return quoted(sb, loc, space);
        }
        for (String p : PUNCTS) {
            if (src.startsWith(p, pos) && !hasSplice(p.length())) {
                for (int i = 0; i < p.length(); i++) {
                    getc();
                }
                return new Token(TokenKind.PUNCT, digraph(p), loc, space);
            }
        }
        if (c == '\\' ) {
            throw new CompileError(loc, "stray '\\' in program");
        }
        throw new CompileError(loc, "stray '" + (char) c + "' in program");
    }

    private static String digraph(String p) {
        switch (p) {
            case "<:": return "[";
            case ":>": return "]";
            case "<%": return "{";
            case "%>": return "}";
            case "%:": return "#";
            case "%:%:": return "##";
            default: return p;
        }
    }

    private boolean hasSplice(int n) {
        return src.substring(pos, Math.min(src.length(), pos + n)).indexOf('\\') >= 0;
    }

    private Token quoted(StringBuilder sb, SrcLoc loc, boolean space) {
        int q = getc();
        sb.append((char) q);
        while (true) {
            int c = getc();
            if (c < 0 || c == '\n') {
                throw new CompileError(loc, "missing terminating " + (char) q + " character");
            }
            sb.append((char) c);
            if (c == '\\') {
                int d = getc();
                if (d < 0) {
                    throw new CompileError(loc, "missing terminating " + (char) q + " character");
                }
                sb.append((char) d);
                continue;
            }
            if (c == q) {
                break;
            }
        }
        return new Token(q == '"' ? TokenKind.STRING_LIT : TokenKind.CHAR_LIT, sb.toString(), loc, space);
    }

    /** Skips blanks and comments; stops at a newline when stopAtNewline. Returns whether a newline was seen (stop mode) or any space was skipped. */
    private boolean skipSpace(boolean stopAtNewline) {
        boolean any = false;
        skippedAny = false;
        while (true) {
            int c = peekc(0);
            if (c == '\n') {
                if (stopAtNewline) {
                    return true;
                }
                getc();
                lineStart = true;
                any = true;
                skippedAny = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) {
                getc();
                any = true;
                skippedAny = true;
            } else if (c == '/' && peekc(1) == '/') {
                while (peekc(0) >= 0 && peekc(0) != '\n') {
                    getc();
                }
                any = true;
                skippedAny = true;
            } else if (c == '/' && peekc(1) == '*') {
                SrcLoc start = new SrcLoc(file, line, col);
                getc();
                getc();
                while (!(peekc(0) == '*' && peekc(1) == '/')) {
                    if (getc() < 0) {
                        throw new CompileError(start, "unterminated comment");
                    }
                }
                getc();
                getc();
                any = true;
                skippedAny = true;
            } else {
                return stopAtNewline ? false : any;
            }
        }
    }

    /** Character at offset k from pos after skipping backslash-newline splices, or -1. */
    private int peekc(int k) {
        int p = pos;
        while (true) {
            p = skipSplices(p);
            if (p >= src.length()) {
                return -1;
            }
            if (k == 0) {
                return src.charAt(p);
            }
            p++;
            k--;
        }
    }

    private void consumeSplices() {
        int p = skipSplices(pos);
        for (int i = pos; i < p; i++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            }
        }
        pos = p;
    }

    private int skipSplices(int p) {
        while (p < src.length() && src.charAt(p) == '\\') {
            int q = p + 1;
            if (q < src.length() && src.charAt(q) == '\r') {
                q++;
            }
            if (q < src.length() && src.charAt(q) == '\n') {
                p = q + 1;
            } else {
                break;
            }
        }
        return p;
    }

    private int getc() {
        consumeSplices();
        if (pos >= src.length()) {
            return -1;
        }
        char c = src.charAt(pos++);
        if (c == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        return c;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'
                || (c >= 0xA0 && !SourceBytes.isRawByte((char) c) && Character.isLetter(c)); // UTF-8 identifiers, as gcc 10+
    }

    private static boolean isIdentPart(int c) {
        return isIdentStart(c) || isDigit(c);
    }
}
