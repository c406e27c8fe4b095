package dev.spinlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The private-data reduction's visible words (8-byte word indices, ascending) as one short
 * string for check's JSON: runs of consecutive words, each {@code start:count} with start in
 * hex ("3fe0a2:4,3fe0b0:1"). replay reads it back to cut steps where the search cut them.
 */
public final class VisibleWords {
    private VisibleWords() {}

    public static String encode(List<Long> words) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < words.size()) {
            long start = words.get(i);
            int n = 1;
            while (i + n < words.size() && words.get(i + n) == start + n) {
                n++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(Long.toHexString(start)).append(':').append(n);
            i += n;
        }
        return b.toString();
    }

    /** The words of an encoded string; IllegalArgumentException when it is not one. */
    public static List<Long> decode(String text) {
        List<Long> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String run : text.split(",")) {
            String[] p = run.split(":");
            try {
                if (p.length != 2) {
                    throw new NumberFormatException(run);
                }
                long start = Long.parseUnsignedLong(p[0], 16);
                int n = Integer.parseInt(p[1]);
                if (n < 1) {
                    throw new NumberFormatException(run);
                }
                for (int j = 0; j < n; j++) {
                    out.add(start + j);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"visibleWords\" is not a list of hex word:count runs (at '" + run + "')");
            }
        }
        return out;
    }
}
