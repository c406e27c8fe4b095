package dev.spinlab.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * A program argument: one shell word {@code [NAME:]PROGRAM [ARGS...]} (quoted, e.g.
 * {@code 'ping -c 1 127.0.0.1'}). NAME names the process (default: the program's base name
 * without {@code .c}); PROGRAM is a C file with main() or a built-in program; the words
 * become argv. Double quotes keep spaces inside one word, as a shell's would
 * ({@code 'm.c name="a b"'}): a program's argv gets the word without its quotes, a module its
 * parameter with them, which the kernel's next_arg() (lib/cmdline.c) removes.
 */
public record ProgramArg(String name, String program, List<String> args) {
    public static ProgramArg parse(String word) {
        String[] parts = words(word.trim()).toArray(new String[0]);
        String head = parts[0];
        String name = null;
        int colon = head.indexOf(':');
        if (colon > 0 && !head.substring(0, colon).contains("/")) {
            name = head.substring(0, colon);
            head = head.substring(colon + 1);
        }
        if (name == null) {
            String base = Path.of(head).getFileName().toString();
            name = base.endsWith(".c") ? base.substring(0, base.length() - 2) : base;
        }
        return new ProgramArg(name, head, List.of(parts).subList(1, parts.length));
    }

    /** The words of s: split at whitespace outside double quotes; the quotes are kept. */
    static List<String> words(String s) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) && !inQuote) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            if (c == '"') {
                inQuote = !inQuote;
            }
            cur.append(c);
        }
        if (cur.length() > 0 || out.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** A program given by a path that holds spaces: the whole word is the file, with no arguments. */
    public static ProgramArg ofPath(String path) {
        String base = Path.of(path).getFileName().toString();
        return new ProgramArg(base.endsWith(".c") ? base.substring(0, base.length() - 2) : base, path, List.of());
    }

    public boolean isCFile() {
        return program.endsWith(".c");
    }

    /** A built-in program (e.g. {@code ping}), named by its bare name. */
    public boolean isBuiltin() {
        return !isCFile() && dev.spinlab.kernel.Kernel.Program.BUILTINS.containsKey(program);
    }

    /** argv: the program as written, then its arguments. */
    public List<String> argv() {
        List<String> out = new java.util.ArrayList<>();
        out.add(program);
        for (String a : args) {
            out.add(a.replace("\"", ""));
        }
        return out;
    }
}
