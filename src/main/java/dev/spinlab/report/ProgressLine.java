package dev.spinlab.report;

import dev.spinlab.check.Explorer;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * check's live line on a terminal: states, depth, states/s, heap in use, elapsed time and
 * findings so far, redrawn in place (carriage return, erase to the end of the line) at most
 * every REDRAW_NS, and erased when the search ends (clear), so the report that follows starts
 * on a clean line. The command shows it only when its output is a terminal and in text format.
 */
public final class ProgressLine implements Consumer<Explorer.Progress> {
    static final long REDRAW_NS = 250_000_000L;
    private static final String ERASE = "\r\033[K";

    private final PrintWriter err;
    private final LongSupplier clock;
    private final LongSupplier heapUsed;
    private long last = Long.MIN_VALUE;
    private boolean shown;

    public ProgressLine(PrintWriter err) {
        this(err, System::nanoTime, () -> Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
    }

    ProgressLine(PrintWriter err, LongSupplier clock, LongSupplier heapUsed) {
        this.err = err;
        this.clock = clock;
        this.heapUsed = heapUsed;
    }

    /** The line's text for a progress report and the heap in use. */
    static String text(Explorer.Progress p, long heapBytes) {
        double secs = p.nanos() / 1e9;
        long rate = secs > 0 ? (long) (p.states() / secs) : 0;
        return String.format("spinlab check: %,d states, depth %d, %,d states/s, %d MiB, %.1f s, %d finding%s so far",
                p.states(), p.depth(), rate, heapBytes >> 20, secs, p.findings(), p.findings() == 1 ? "" : "s");
    }

    @Override
    public void accept(Explorer.Progress p) {
        long now = clock.getAsLong();
        if (last != Long.MIN_VALUE && now - last < REDRAW_NS) {
            return;
        }
        last = now;
        err.print(ERASE + text(p, heapUsed.getAsLong()));
        err.flush();
        shown = true;
    }

    /** Erases the line if it was drawn. */
    public void clear() {
        if (shown) {
            err.print(ERASE);
            err.flush();
            shown = false;
        }
    }
}
