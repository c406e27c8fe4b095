package dev.spinlab.kc.parse;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.Literals;
import dev.spinlab.kc.lex.Token;
import dev.spinlab.kc.lex.TokenKind;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * GNU inline assembly (gcc's "Extended Asm"). The model executes C, not machine code, so the
 * only form accepted is the compiler barrier the kernel's {@code barrier()} is made of: an
 * empty template with no output or input operands, {@code asm volatile("" ::: "memory")} or
 * {@code __asm__ __volatile__("")}. It is a no-op here because the interpreter never caches
 * or reorders memory accesses. Anything else is refused by name and location.
 */
final class InlineAsm {
    static final Set<String> KEYWORDS = Set.of("asm", "__asm__", "__asm");
    private static final Set<String> QUALIFIERS = Set.of("volatile", "__volatile__", "__volatile", "inline",
            "__inline__", "__inline", "goto");

    private InlineAsm() {}

    /** Parses an asm statement at its keyword, through the ';'; throws unless it is a barrier. */
    static void statement(TokenStream ts) {
        Token kw = ts.next();
        while (ts.peek().kind() == TokenKind.IDENT && QUALIFIERS.contains(ts.peek().text())) {
            ts.next();
        }
        ts.expect("(");
        StringBuilder template = new StringBuilder();
        if (!ts.isKind(TokenKind.STRING_LIT)) {
            throw ts.expected("string literal");
        }
        while (ts.isKind(TokenKind.STRING_LIT)) {
            template.append(new String(Literals.parseString(ts.next()), StandardCharsets.ISO_8859_1));
        }
        // sections after the template: outputs, inputs, clobbers, goto labels
        int section = 0;
        boolean operands = false;
        int depth = 0;
        while (true) {
            Token t = ts.next();
            if (t.kind() == TokenKind.EOF) {
                throw new CompileError(t.loc(), "expected ')' at end of input");
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && t.is(":")) {
                section++;
                continue;
            }
            if (section == 1 || section == 2) {
                operands = true;
            }
        }
        ts.expect(";");
        if (template.toString().isBlank() && !operands) {
            return;
        }
        throw CompileError.unsupported(kw.loc(), "inline assembly (" + kw.text() + " statement with template \""
                + escape(template.toString()) + "\"" + (operands ? " and operands" : "")
                + "); only the empty compiler barrier asm volatile(\"\" ::: \"memory\") is modelled");
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.length() > 60 ? sb.substring(0, 57) + "..." : sb.toString();
    }
}
