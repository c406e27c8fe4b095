package dev.spinlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mechanical change to one C file that fix advice proposes, applied to the file's lines
 * (never to the user's file: {@code --verify-fix} applies it to a copy). The function is found
 * around the given line as kernel style lays it out: it starts at the nearest line above
 * beginning in column 0 (its signature or its opening brace) and ends at the next line
 * beginning with {@code }}.
 */
public sealed interface SourceEdit permits SourceEdit.Variant, SourceEdit.HandlerVariant, SourceEdit.Order {
    /** The file as the finding's stack names it. */
    String file();

    /** The lines after the change; {@link NotApplicable} when the source is not shaped as expected. */
    List<String> apply(List<String> lines);

    /** What the change is, in one line. */
    String describe();

    /**
     * A change as SARIF's replacements express it, in the original file's coordinates (1-based
     * lines and columns, the end column exclusive): the text from (startLine, startColumn) to
     * (endLine, endColumn) becomes text.
     */
    record Replacement(int startLine, int startColumn, int endLine, int endColumn, String text) {}

    /** The change as replacements of the original lines (apply's result, line by line). */
    default List<Replacement> replacements(List<String> lines) {
        List<String> after = apply(lines);
        List<Replacement> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(after.get(i))) {
                out.add(new Replacement(i + 1, 1, i + 1, lines.get(i).length() + 1, after.get(i)));
            }
        }
        return out;
    }

    /** The source does not have the call the advice is about where expected. */
    final class NotApplicable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotApplicable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Takes the lock at line with lockCall instead (spin_lock -> spin_lock_bh), and releases it
     * with unlockCall wherever the function releases it after that line.
     */
    record Variant(String file, String function, int line, String lock, String lockCall, String unlockCall)
            implements SourceEdit {
        /**
         * The lock's acquisition at line, or (line being where the function was when an
         * interrupt came) the nearest one above it in the function; lock null: the lock the
         * call at lockLine takes (a handler's acquisition, in the same file).
         */
        @Override
        public List<String> apply(List<String> lines) {
            List<String> out = new ArrayList<>(lines);
            int[] fn = functionBounds(lines, line);
            int at = line;
            while (at >= fn[0] && !hasLockCall(lines, at, lock)) {
                at--;
            }
            if (at < fn[0]) {
                throw new NotApplicable(file + ": " + function + " takes no " + lock + " at or above line " + line);
            }
            Call c = findLockCall(lines, at, lock, false);
            out.set(at - 1, c.replaceCallee(lockCall));
            int line = at;
            int unlocks = 0;
            for (int i = line + 1; i <= fn[1]; i++) {
                for (Call u : calls(out.get(i - 1), i)) {
                    if (u.unlock() && matches(u.arg(), lock)) {
                        out.set(i - 1, u.replaceCallee(unlockCall));
                        unlocks++;
                        break;
                    }
                }
            }
            if (unlocks == 0) {
                throw new NotApplicable(file + ": " + function + " does not release " + lock + " after line " + line);
            }
            return out;
        }

        @Override
        public String describe() {
            return file + ":" + line + ": " + function + " takes " + lock + " with " + lockCall + "() and releases it with "
                    + unlockCall + "()";
        }
    }

    /**
     * An interrupted function holds the lock a handler takes on the same CPU (a spinlock
     * recursion across an interrupt): the function takes the lock the handler's call at
     * handlerLine takes with lockCall instead, and releases it with unlockCall.
     */
    record HandlerVariant(String file, String function, int line, int handlerLine, String lockCall, String unlockCall)
            implements SourceEdit {
        @Override
        public List<String> apply(List<String> lines) {
            String lock = lockTakenAt(lines, handlerLine);
            return new Variant(file, function, line, lock, lockCall, unlockCall).apply(lines);
        }

        @Override
        public String describe() {
            return file + ":" + line + ": " + function + " takes the lock of line " + handlerLine + " with " + lockCall
                    + "() and releases it with " + unlockCall + "()";
        }
    }

    /**
     * Moves the acquisition of lock at line up to just before the function's earlier acquisition
     * of before: the function then takes lock first, the order the rest of the driver uses.
     */
    record Order(String file, String function, int line, String lock, String before) implements SourceEdit {
        @Override
        public List<String> apply(List<String> lines) {
            int[] fn = functionBounds(lines, line);
            Call moved = findLockCall(lines, line, lock, false);
            String stmt = lines.get(line - 1).trim();
            if (!stmt.matches(Pattern.quote(moved.text()) + "\\s*;\\s*(/\\*.*\\*/|//.*)?")) {
                throw new NotApplicable(file + ":" + line + ": the acquisition of " + lock
                        + " is not a statement of its own line");
            }
            for (int i = line - 1; i >= fn[0]; i--) {
                for (Call c : calls(lines.get(i - 1), i)) {
                    if (!c.unlock() && c.callee().contains("lock") && matches(c.arg(), before)) {
                        List<String> out = new ArrayList<>(lines);
                        out.remove(line - 1);
                        String at = lines.get(i - 1);
                        String indent = at.substring(0, at.length() - at.stripLeading().length());
                        out.add(i - 1, indent + stmt);
                        return out;
                    }
                }
            }
            throw new NotApplicable(file + ": " + function + " does not take " + before + " before line " + line);
        }

        @Override
        public String describe() {
            return file + ":" + line + ": " + function + " takes " + lock + " before " + before
                    + " (the acquisition moved up)";
        }

        /** The moved line inserted above the other acquisition, and deleted where it was. */
        @Override
        public List<Replacement> replacements(List<String> lines) {
            List<String> after = apply(lines);
            int to = 0;
            while (lines.get(to).equals(after.get(to))) {
                to++;
            }
            return List.of(new Replacement(to + 1, 1, to + 1, 1, after.get(to) + "\n"),
                    new Replacement(line, 1, line + 1, 1, ""));
        }
    }

    /** A call on a line: callee, argument text, the whole call text and where it starts. */
    record Call(String line, String callee, String arg, int start, int end) {
        boolean unlock() {
            return callee.contains("unlock");
        }

        String text() {
            return line.substring(start, end);
        }

        String replaceCallee(String callee) {
            return line.substring(0, start) + callee + line.substring(start + this.callee.length());
        }
    }

    Pattern CALL = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*\\(((?:[^()]|\\([^()]*\\))*)\\)");

    static List<Call> calls(String line, int number) {
        List<Call> out = new ArrayList<>();
        Matcher m = CALL.matcher(line);
        while (m.find()) {
            out.add(new Call(line, m.group(1), m.group(2), m.start(), m.end()));
        }
        return out;
    }

    /** Whether a call's argument is the lock a class names ({@code &ct.lock}, {@code count_lock}). */
    static boolean matches(String arg, String lockClass) {
        String a = arg.replaceAll("\\s", "");
        a = a.startsWith("&") ? a.substring(1) : a;
        String e = lockExpression(lockClass);
        return a.equals(e) || a.endsWith("." + e) || a.endsWith("->" + e) || (a.startsWith("(") && a.contains(e));
    }

    /** The C expression of a lock class's name: {@code &ct.lock} -> {@code ct.lock}; lockdep's {@code #N}, {@code /N} dropped. */
    static String lockExpression(String lockClass) {
        String e = lockClass.replaceAll("[#/]\\d+$", "");
        return e.startsWith("&") ? e.substring(1) : e;
    }

    static boolean hasLockCall(List<String> lines, int line, String lock) {
        for (Call c : calls(lines.get(line - 1), line)) {
            if (!c.unlock() && c.callee().contains("lock") && matches(c.arg(), lock)) {
                return true;
            }
        }
        return false;
    }

    /** The lock (its argument text, e.g. {@code &count_lock}) the first lock call on line takes. */
    static String lockTakenAt(List<String> lines, int line) {
        if (line >= 1 && line <= lines.size()) {
            for (Call c : calls(lines.get(line - 1), line)) {
                if (!c.unlock() && c.callee().contains("lock") && !c.arg().isBlank()) {
                    return c.arg().trim();
                }
            }
        }
        throw new NotApplicable("line " + line + " takes no lock");
    }

    /** The acquisition call of lock on line (1-based). */
    static Call findLockCall(List<String> lines, int line, String lock, boolean unlock) {
        if (line < 1 || line > lines.size()) {
            throw new NotApplicable("line " + line + " is not in the file (" + lines.size() + " lines)");
        }
        for (Call c : calls(lines.get(line - 1), line)) {
            if (c.unlock() == unlock && c.callee().contains("lock") && matches(c.arg(), lock)) {
                return c;
            }
        }
        throw new NotApplicable("line " + line + " has no call taking " + lock + ": " + lines.get(line - 1).trim());
    }

    /** The first and last line (1-based) of the function around line. */
    static int[] functionBounds(List<String> lines, int line) {
        int start = line;
        while (start > 1) {
            String l = lines.get(start - 1);
            if (start < line && !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && l.charAt(0) != '#'
                    && !l.startsWith("/*") && !l.startsWith("//") && !l.startsWith("*")) {
                break;
            }
            start--;
        }
        int end = line;
        while (end < lines.size() && !lines.get(end - 1).startsWith("}")) {
            end++;
        }
        return new int[] {start, end};
    }
}
