package dev.spinlab.report;

import dev.spinlab.check.Explorer;
import dev.spinlab.check.TraceStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A check trace read for people: runs of steps of one CPU and task (the same actor) folded
 * into one group (first and last location, the state after the last), interrupts and events each a
 * group of their own, for the text report and SARIF's thread flows alike. Built from the
 * trace's typed steps (check.TraceStep).
 */
public final class TraceSteps {
    private TraceSteps() {}

    /** Steps first..last (0-based, inclusive) of a trace, shown as one line. */
    public record Group(int first, int last, String text, TraceStep lastStep) {
        public int count() {
            return last - first + 1;
        }
    }

    /** The trace folded: runs of plain steps of one CPU and task are one group. */
    public static List<Group> fold(List<Explorer.Step> trace) {
        List<Group> out = new ArrayList<>();
        int i = 0;
        while (i < trace.size()) {
            TraceStep d = trace.get(i).view();
            int j = i + 1;
            if (d.cpuStep()) {
                while (j < trace.size() && trace.get(j).view().cpuStep() && trace.get(j).view().actor().equals(d.actor())) {
                    j++;
                }
            }
            TraceStep last = trace.get(j - 1).view();
            String text = j - i == 1 ? d.text()
                    : d.actor() + " " + (j - i) + " times: " + d.where() + " ... " + last.detail();
            out.add(new Group(i, j - 1, text, last));
            i = j;
        }
        return out;
    }
}
