package dev.spinlab.report.html;

import java.util.List;
import java.util.Map;

/**
 * The data of the HTML report's page, serialised with Jackson into the page as JSON
 * (docs/html.md): the page's script draws only what these records hold.
 */
public final class HtmlModel {
    private HtmlModel() {}

    /**
     * The whole page: what was run, on how many CPUs, one timeline per trace, the interned
     * frames and stacks the steps point into, and the source lines those frames need.
     *
     * @param sources per file, the lines around every frame's line (1-based line to text)
     */
    public record Page(String title, String command, String summary, int cpus, List<Timeline> timelines,
                       List<Frame> frames, List<int[]> stacks, Map<String, Map<Integer, String>> sources) {}

    /**
     * One trace drawn as a timeline: a check finding's trace, a replayed finding's, or the last
     * steps of a run.
     *
     * @param name       what the selector shows ("finding 6: deadlock")
     * @param headline   the finding's one line, or the run's summary
     * @param note       what the timeline covers when it is not everything (a run's window), or null
     * @param firstStep  the number of the first step shown (0 unless a window of a longer run)
     * @param highlightFrom the first of the last steps to highlight (steps.size() for none)
     * @param cycle      a deadlock's wait cycle, or null
     * @param findingStack the finding's stack (index into Page.stacks), or -1
     */
    public record Timeline(String name, String kind, String headline, String note, long firstStep, List<Step> steps,
                           List<LockBar> locks, List<Mark> marks, int highlightFrom, Cycle cycle, int findingStack,
                           String where) {}

    /**
     * One step: the CPU that made it (or an event aimed at it), the state of that CPU when it
     * was taken (as check.TraceStep has it), and the stack there.
     *
     * @param event   true for a timer, device or packet event (no CPU step)
     * @param task    the comm of the task on the CPU (its own or, in interrupt context, the one interrupted)
     * @param ctx     the innermost context from preempt_count (include/linux/preempt.h):
     *                task, softirq (serving: SOFTIRQ_OFFSET), hardirq (HARDIRQ_MASK), nmi (NMI_MASK)
     * @param softirq whether a softirq is being served (nested band), hardirq likewise
     * @param pc      preempt_count, or -1 for an event
     * @param stack   index into Page.stacks, or -1
     * @param fn      the innermost function, or null
     * @param spinning the lock the CPU spins on at this step, or null
     */
    public record Step(int cpu, boolean event, String task, boolean user, String ctx, boolean softirq,
                       boolean hardirq, int pc, boolean irqs, String text, int stack, String fn, String file,
                       int line, String spinning) {}

    /** A frame of a stack: function, file, line and whether an interrupt entered it. */
    public record Frame(String fn, String file, int line, boolean irqEntry) {}

    /**
     * A bar of a lock's row: a task holding the lock, or a CPU spinning on it, over steps
     * [from, to).
     *
     * @param state "held"; "acquiring" (lockdep has been told, the lock is being taken); "spin" (waiting for it)
     * @param cpu   the CPU an acquirer or spinner runs on (-1 for a hold)
     * @param ctx   the context it was taken in (lockdep's held_lock.irq_context): task, softirq, hardirq
     */
    public record LockBar(String lock, String instance, String task, String state, int cpu, String ctx, int from,
                          int to) {}

    /** A device event, a timer or a finding at a step, on a CPU's lane. */
    public record Mark(int step, int cpu, String kind, String text) {}

    /**
     * A deadlock's wait cycle: its edges in order (each says who waits for what), and whether
     * they close a cycle.
     */
    public record Cycle(List<Edge> edges, boolean closed, String summary) {}

    /** One wait: from (a CPU and its task, or a task) waits for to (a lock, a task, a CPU) because of label. */
    public record Edge(String from, String to, String label, int cpu) {}
}
