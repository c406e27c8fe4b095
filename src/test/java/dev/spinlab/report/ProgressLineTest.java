package dev.spinlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.check.Explorer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void theLineSaysStatesDepthRateMemoryTimeAndFindings() {
        String t = ProgressLine.text(new Explorer.Progress(120_000, 130_000, 42, 1, 4_000_000_000L), 512L << 20);
        assertThat(t).isEqualTo("spinlab check: 120,000 states, depth 42, 30,000 states/s, 512 MiB, 4.0 s, 1 finding so far");
    }

    @Test
    void redrawsInPlaceAtMostEveryQuarterSecondAndErasesItselfAtTheEnd() {
        StringWriter sw = new StringWriter();
        long[] now = {0};
        ProgressLine line = new ProgressLine(new PrintWriter(sw), () -> now[0], () -> 0);
        line.accept(new Explorer.Progress(1, 0, 1, 0, 1));
        now[0] += ProgressLine.REDRAW_NS / 2;
        line.accept(new Explorer.Progress(2, 1, 2, 0, 2)); // too soon: not drawn
        now[0] += ProgressLine.REDRAW_NS;
        line.accept(new Explorer.Progress(3, 2, 3, 0, 3));
        line.clear();
        String out = sw.toString();
        assertThat(out.split("\r\033\\[K", -1)).hasSize(4); // two draws and the erase
        assertThat(out).contains("1 states, depth 1").doesNotContain("2 states").contains("3 states, depth 3")
                .endsWith("\r\033[K");
    }

    @Test
    void nothingIsErasedWhenNothingWasDrawn() {
        StringWriter sw = new StringWriter();
        new ProgressLine(new PrintWriter(sw), () -> 0, () -> 0).clear();
        assertThat(sw.toString()).isEmpty();
    }
}
