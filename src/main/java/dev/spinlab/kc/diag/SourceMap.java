package dev.spinlab.kc.diag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of every source file read during a compilation, keyed by the file name used in
 * {@link dev.spinlab.kc.lex.SrcLoc#file()}, so diagnostics can quote the offending line.
 */
public final class SourceMap {
    private final Map<String, String> texts = new LinkedHashMap<>();

    public void put(String file, String text) {
        texts.put(file, text);
    }

    /** Adds every file of another map (a compilation reused from a cache brings its files). */
    public void putAll(SourceMap other) {
        texts.putAll(other.texts);
    }

    /** The 1-based line of a file, without its newline, or null when unknown. */
    public String line(String file, int line) {
        String text = texts.get(file);
        if (text == null || line < 1) {
            return null;
        }
        int start = 0;
        for (int i = 1; i < line; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
    }
}
