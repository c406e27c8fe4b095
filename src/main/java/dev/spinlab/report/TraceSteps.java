package dev.spinlab.report;

import dev.spinlab.check.Explorer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check trace read for people: runs of plain steps of one CPU and task folded into one
 * group (first and last location, the state after the last), interrupts and timers each a
 * group of their own; and what a step description says (the CPU, the innermost frame, the
 * preempt count and irq flag), for the text report and SARIF's thread flows alike.
 *
 * <p>The descriptions are check's ({@code KernelModel.describe}): {@code CPU#N TASK[ (user)]
 * steps: FUNC (FILE:LINE:COL), preempt_count XXXXXXXX, irqs on|off}, with {@code takes irq N
 * then steps} when an interrupt is taken, and for events {@code ... on CPU#N}. A step whose
 * text does not have this form keeps its text and has no CPU or location.
 */
public final class TraceSteps {
    private TraceSteps() {}

    /** Steps first..last (0-based, inclusive) of a trace, shown as one line. */
    public record Group(int first, int last, String text, Step lastStep) {
        public int count() {
            return last - first + 1;
        }
    }

    /** What one step description says; cpu -1, file null when it does not say. */
    public record Step(String text, int cpu, String function, String file, int line, int column,
                       String preemptCount, String irqs) {}

    private static final Pattern CPU_STEP = Pattern.compile("^CPU#(\\d+) ");
    private static final Pattern ON_CPU = Pattern.compile("on CPU#(\\d+)");
    private static final Pattern WHERE = Pattern.compile(
            ": (\\S+) \\(([^()]+):(\\d+):(\\d+)\\), preempt_count ([0-9a-f]{8}), irqs (on|off)$");

    /** Reads one step description. */
    public static Step parse(String d) {
        Matcher c = CPU_STEP.matcher(d);
        int cpu = -1;
        if (c.find()) {
            cpu = Integer.parseInt(c.group(1));
        } else {
            Matcher on = ON_CPU.matcher(d);
            while (on.find()) {
                cpu = Integer.parseInt(on.group(1));
            }
        }
        Matcher w = WHERE.matcher(d);
        if (w.find()) {
            return new Step(d, cpu, w.group(1), w.group(2), Integer.parseInt(w.group(3)),
                    Integer.parseInt(w.group(4)), w.group(5), w.group(6));
        }
        return new Step(d, cpu, null, null, 0, 0, null, null);
    }

    /** The trace folded: runs of plain steps of one CPU and task are one group. */
    public static List<Group> fold(List<Explorer.Step> trace) {
        List<Group> out = new ArrayList<>();
        int i = 0;
        while (i < trace.size()) {
            String d = trace.get(i).description();
            int colon = d.indexOf(": ");
            String who = colon > 0 ? d.substring(0, colon) : d;
            int j = i + 1;
            if (who.endsWith(" steps")) {
                while (j < trace.size() && trace.get(j).description().startsWith(who + ": ")) {
                    j++;
                }
            }
            String last = trace.get(j - 1).description();
            String text;
            if (j - i == 1) {
                text = d;
            } else {
                int pc = d.indexOf(", preempt_count");
                String first = d.substring(colon + 2, pc > 0 ? pc : d.length());
                text = who + " " + (j - i) + " times: " + first + " ... " + last.substring(last.indexOf(": ") + 2);
            }
            out.add(new Group(i, j - 1, text, parse(last)));
            i = j;
        }
        return out;
    }
}
