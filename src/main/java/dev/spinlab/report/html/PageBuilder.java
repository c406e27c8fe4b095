package dev.spinlab.report.html;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.interp.StackEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the timelines of one page share: frames and stacks interned (a trace's consecutive
 * steps repeat most of their stack), and the source lines around every frame that a step or a
 * finding points at, read from the compilation's SourceMap, so the page needs no file.
 */
public final class PageBuilder {
    /** Lines embedded on each side of a frame's line. */
    static final int CONTEXT_LINES = 3;

    private final SourceMap sourceMap;
    private final List<HtmlModel.Frame> frames = new ArrayList<>();
    private final Map<HtmlModel.Frame, Integer> frameIds = new HashMap<>();
    private final List<int[]> stacks = new ArrayList<>();
    private final Map<Key, Integer> stackIds = new HashMap<>();
    private final Map<String, Map<Integer, String>> sources = new TreeMap<>();
    private final List<HtmlModel.Timeline> timelines = new ArrayList<>();

    public PageBuilder(SourceMap sourceMap) {
        this.sourceMap = sourceMap;
    }

    private record Key(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    /** The stack's index in Page.stacks (innermost frame first), or -1 for an empty one. */
    int stack(List<StackEntry> st) {
        if (st == null || st.isEmpty()) {
            return -1;
        }
        int[] ids = new int[st.size()];
        for (int i = 0; i < ids.length; i++) {
            StackEntry e = st.get(i);
            HtmlModel.Frame f = e.isFolded() ? new HtmlModel.Frame(e.function(), null, 0, false)
                    : new HtmlModel.Frame(e.function(), e.loc().file(), e.loc().line(), e.exceptionEntry());
            ids[i] = frameIds.computeIfAbsent(f, x -> {
                frames.add(x);
                embed(x.file(), x.line());
                return frames.size() - 1;
            });
        }
        return stackIds.computeIfAbsent(new Key(ids), k -> {
            stacks.add(k.ids());
            return stacks.size() - 1;
        });
    }

    /** Embeds the lines around file:line when the sources have them. */
    void embed(String file, int line) {
        if (file == null || line < 1) {
            return;
        }
        Map<Integer, String> lines = sources.get(file);
        for (int l = Math.max(1, line - CONTEXT_LINES); l <= line + CONTEXT_LINES; l++) {
            if (lines != null && lines.containsKey(l)) {
                continue;
            }
            String text = sourceMap.line(file, l);
            if (text == null) {
                if (l <= line) {
                    continue;
                }
                break;
            }
            if (lines == null) {
                lines = sources.computeIfAbsent(file, f -> new TreeMap<>());
            }
            lines.put(l, text);
        }
    }

    private final Map<String, Boolean> waitLines = new HashMap<>();

    /**
     * Whether file:line is where a lock's wait loop waits: the {@code __wfe()} of
     * include/asm/spinlock.h's ticket and rwlock loops (wfe: wait for an event, the unlocker's
     * sev). A CPU there has found the lock taken; one that only passes through the loop's
     * condition on the way in has not.
     */
    boolean waitLine(String file, int line) {
        if (file == null) {
            return false;
        }
        return waitLines.computeIfAbsent(file + ":" + line, k -> {
            String text = sourceMap.line(file, line);
            return text != null && text.contains("__wfe(");
        });
    }

    public void add(HtmlModel.Timeline t) {
        timelines.add(t);
    }

    public HtmlModel.Page page(String title, String command, String summary, int cpus) {
        return new HtmlModel.Page(title, command, summary, cpus, List.copyOf(timelines), List.copyOf(frames),
                List.copyOf(stacks), sources);
    }
}
